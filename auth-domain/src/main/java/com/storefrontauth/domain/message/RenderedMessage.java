package com.storefrontauth.domain.message;

/** A message ready to send: the subject and text every channel uses, and the HTML part of an email. */
public record RenderedMessage(String subject, String text, String html) {

    @Override
    public String toString() {
        // never the text: it holds the code or link
        return "RenderedMessage[" + subject + "]";
    }
}
