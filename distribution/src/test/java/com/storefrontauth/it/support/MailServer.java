package com.storefrontauth.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free loopback port, shared by every server instance of the test JVM. */
public final class MailServer {

    private static final Pattern CODE = Pattern.compile("^(\\d{4,10})\\s");
    private static MailServer instance;

    private final GreenMail greenMail;
    private final int port;

    private MailServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static synchronized MailServer get() {
        if (instance == null) {
            int port = freePort();
            GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            instance = new MailServer(greenMail, port);
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /**
     * One received email, flattened for assertions: {@code body} is its text (the text/plain part of a
     * multipart/alternative), {@code html} its text/html part or null, {@code contentType} the message's.
     */
    public record Mail(String to, String from, String subject, String body, String html, String contentType) {

        /** The code the message carries: every built-in text of a code, in each language, starts with it. */
        public String code() {
            Matcher matcher = CODE.matcher(body.strip());
            if (!matcher.find()) {
                throw new AssertionError("no code in mail: " + body);
            }
            return matcher.group(1);
        }
    }

    public List<Mail> to(String recipient) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                for (Address address : message.getAllRecipients()) {
                    // not equalsIgnoreCase: it folds the dotless ı onto i, and look-alikes must stay apart
                    String actual = address.toString().toLowerCase(Locale.ROOT);
                    if (actual.equals(recipient.toLowerCase(Locale.ROOT))) {
                        mails.add(new Mail(
                                actual,
                                message.getFrom()[0].toString(),
                                message.getSubject(),
                                part(message, "text/plain").orElseGet(() -> GreenMailUtil.getBody(message)),
                                part(message, "text/html").orElse(null),
                                message.getContentType()));
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** The decoded content of the message's first part of that type (multipart messages only). */
    private static Optional<String> part(MimeMessage message, String type) throws MessagingException {
        try {
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType(type)) {
                        return Optional.of(part.getContent().toString());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code recipient} has received {@code count} mails (delivery is asynchronous). */
    public List<Mail> await(String recipient, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = to(recipient);
            if (mails.size() >= count) {
                return mails;
            }
            sleep(50);
        }
        throw new AssertionError(recipient + " received " + to(recipient).size() + " mails, expected " + count);
    }

    /** The newest mail to the recipient, after waiting for the {@code count}-th. */
    public Mail latest(String recipient, int count) {
        List<Mail> mails = await(recipient, count);
        return mails.get(mails.size() - 1);
    }

    public Optional<Mail> any(String recipient) {
        List<Mail> mails = to(recipient);
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
