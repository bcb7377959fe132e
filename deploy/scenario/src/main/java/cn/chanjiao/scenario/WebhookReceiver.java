package cn.chanjiao.scenario;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provincial platform's webhook endpoint: receives the CloudEvents notification-service sends and
 * verifies each signature the way notification-service's README documents it —
 * {@code X-Chanjiao-Signature: sha256=<hex of HMAC-SHA256(secret, "<X-Chanjiao-Timestamp>.<raw body>")>}.
 * Each receiving path ({@code /shanxi}, {@code /zhejiang}) has its own subscription secret.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String path, String type, String eventId, boolean signatureValid, JsonNode event) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Chanjiao-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Chanjiao-Signature");
            String secret = secrets.get(path);
            boolean valid = secret != null && timestamp != null && signature != null
                    && MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                            ("sha256=" + hmac(secret, timestamp, body)).getBytes(StandardCharsets.US_ASCII));
            JsonNode event = Api.JSON.readTree(body);
            deliveries.add(new Delivery(path, exchange.getRequestHeaders().getFirst("X-Chanjiao-Event-Type"),
                    exchange.getRequestHeaders().getFirst("X-Chanjiao-Event-Id"), valid, event));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void secret(String path, String secret) {
        secrets.put(path, secret);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
