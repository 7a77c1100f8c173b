package com.storefrontauth.domain.message;

/**
 * The HTML part of an email: the store's logo and name above the message, in markup that mail clients
 * render without stylesheets. Every piece of text is escaped here; the tags written here are the only
 * markup an email carries.
 */
final class EmailLayout {

    private EmailLayout() {}

    static String page(String storeName, String logoUrl, String bodyHtml) {
        String name = escape(storeName);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(name)
                .append("</title></head>\n<body style=\"margin:0;padding:24px;background:#f4f5f7;")
                .append("font-family:Arial,Helvetica,sans-serif;color:#1f2933\">\n")
                .append("<div style=\"max-width:520px;margin:0 auto;background:#ffffff;padding:24px;")
                .append("border-radius:8px\">\n");
        if (logoUrl != null && !logoUrl.isBlank()) {
            html.append("<img src=\"")
                    .append(escape(logoUrl))
                    .append("\" alt=\"")
                    .append(name)
                    .append("\" height=\"48\" style=\"display:block;margin-bottom:12px\">\n");
        }
        return html.append("<h1 style=\"font-size:20px;margin:0 0 16px\">")
                .append(name)
                .append("</h1>\n<p style=\"font-size:15px;line-height:1.5;margin:0\">")
                .append(bodyHtml)
                .append("</p>\n</div>\n</body></html>\n")
                .toString();
    }

    /** The code stands out; the link is the one anchor (its address is ours, built by the reset-link flow). */
    static String emphasised(Placeholder placeholder, String value) {
        return switch (placeholder) {
            case CODE -> "<strong style=\"font-size:20px;letter-spacing:2px\">" + escape(value) + "</strong>";
            case LINK -> "<a href=\"" + escape(value) + "\">" + escape(value) + "</a>";
            case STORE_NAME, MINUTES -> escape(value);
        };
    }

    static String escapedLines(String text) {
        return escape(text).replace("\n", "<br>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
