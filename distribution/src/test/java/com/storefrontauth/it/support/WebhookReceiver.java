package com.storefrontauth.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SMS/WhatsApp provider of the tests: a real HTTP server on loopback that accepts only requests a
 * careful receiver would (see {@link #authentic}), records what it accepted, and can be told to fail a
 * channel (HTTP 503) to play an outage.
 */
public final class WebhookReceiver {

    public static final String SECRET = "webhook-shared-secret-for-tests";
    /** How far a request's signed timestamp may be from the receiver's clock (the README's advice). */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private static WebhookReceiver instance;

    private final HttpServer server;
    private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
    private final List<Request> acceptedRequests = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static synchronized WebhookReceiver get() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", MailServer.freePort()), 50);
                WebhookReceiver receiver = new WebhookReceiver(server);
                server.createContext("/sms", exchange -> receiver.handle("sms", exchange));
                server.createContext("/whatsapp", exchange -> receiver.handle("whatsapp", exchange));
                server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
                instance = receiver;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url(String channel) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + channel;
    }

    /** Makes the channel answer 503 (true) or accept again (false). */
    public void failing(String channel, boolean fail) {
        failing.put(channel, fail);
    }

    /** Every call the channel received, accepted or not. */
    public int calls(String channel) {
        return calls.computeIfAbsent(channel, c -> new AtomicInteger()).get();
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    /** Accepted messages to a phone number, oldest first. */
    public List<JsonObject> to(String phone) {
        return accepted.stream()
                .filter(message -> message.getString("to").equals(phone))
                .toList();
    }

    /** The accepted requests to a phone number as they arrived (headers and body), oldest first. */
    public List<Request> requestsTo(String phone) {
        return acceptedRequests.stream()
                .filter(request -> Json.createReader(new StringReader(request.body()))
                        .readObject()
                        .getString("to")
                        .equals(phone))
                .toList();
    }

    /**
     * Whether a receiver that knows the secret takes the request at {@code now}: API.md's
     * {@code X-Auth-Signature} over the body, and {@code X-Auth-Signature-V2} over
     * {@code "<X-Auth-Timestamp>.<body>"} with that timestamp within {@link #TOLERANCE} of now.
     */
    public static boolean authentic(Request request, Instant now) {
        if (!("sha256=" + hmac(request.body())).equals(request.signature())
                || request.timestamp() == null
                || request.timestampedSignature() == null
                || !request.timestamp().matches("\\d{1,12}")) {
            return false;
        }
        String expected = "t=" + request.timestamp() + ",sha256=" + hmac(request.timestamp() + "." + request.body());
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(request.timestamp()));
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        request.timestampedSignature().getBytes(StandardCharsets.UTF_8))
                && skew <= TOLERANCE.toSeconds();
    }

    public List<JsonObject> await(String phone, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<JsonObject> messages = to(phone);
            if (messages.size() >= count) {
                return messages;
            }
            MailServer.sleep(50);
        }
        throw new AssertionError(phone + " received " + to(phone).size() + " webhook messages, expected " + count);
    }

    private void handle(String channel, HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            calls.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(
                    exchange.getRequestHeaders().getFirst("X-Auth-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Auth-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Auth-Signature-V2"),
                    body);
            if (!authentic(request, Instant.now())) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (failing.getOrDefault(channel, false)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            accepted.add(Json.createReader(new StringReader(body)).readObject());
            acceptedRequests.add(request);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** A webhook request as received: its three signature headers and its body. */
    public record Request(String signature, String timestamp, String timestampedSignature, String body) {

        /** The same request with another timestamp put in both headers, the signatures left as they were. */
        public Request retimed(long epochSecond) {
            return new Request(
                    signature,
                    String.valueOf(epochSecond),
                    timestampedSignature.replaceFirst("^t=\\d+", "t=" + epochSecond),
                    body);
        }
    }

    private static String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
