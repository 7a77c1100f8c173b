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
 * The SMS/WhatsApp provider of the tests: a real HTTP server on loopback that accepts only bodies whose
 * {@code X-Auth-Signature} is the HMAC of the shared secret, records what it accepted, and can be told
 * to fail a channel (HTTP 503) to play an outage.
 */
public final class WebhookReceiver {

    public static final String SECRET = "webhook-shared-secret-for-tests";
    private static WebhookReceiver instance;

    private final HttpServer server;
    private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
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
        return accepted.stream().filter(message -> message.getString("to").equals(phone)).toList();
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
        try (exchange; InputStream in = exchange.getRequestBody()) {
            calls.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst("X-Auth-Signature");
            if (!("sha256=" + hmac(body)).equals(signature)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (failing.getOrDefault(channel, false)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            accepted.add(Json.createReader(new StringReader(body)).readObject());
            exchange.sendResponseHeaders(204, -1);
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
