package cn.chanjiao.scenario;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What a front end or a provincial platform has: the gateway's URL, Keycloak's token endpoint and
 * credentials. Every call of the scenario goes through here, so it is counted.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** The web client's public id (realm chanjiao): people log in with it. */
    private static final String WEB_CLIENT = "chanjiao-web";

    private final String gateway;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String[]> credentials = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    public Api(String gatewayUrl, String keycloakUrl) {
        this.gateway = strip(gatewayUrl);
        this.keycloak = strip(keycloakUrl);
    }

    public String gatewayUrl() {
        return gateway;
    }

    public String keycloakUrl() {
        return keycloak;
    }

    /** Requests sent to the gateway so far. */
    public int requests() {
        return requests.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    // --- who is calling ---------------------------------------------------------------------------

    /** A person: the password grant of the web client. */
    public Caller person(String username, String password) {
        credentials.put(username, new String[] {"password", username, password});
        return new Caller(this, username);
    }

    /** An integration client: client credentials. */
    public Caller client(String clientId, String secret) {
        credentials.put(clientId, new String[] {"client_credentials", clientId, secret});
        return new Caller(this, clientId);
    }

    /** Nobody: the public API. */
    public Caller anonymous() {
        return new Caller(this, null);
    }

    String token(String name) {
        Token token = tokens.get(name);
        if (token != null && token.expires.isAfter(Instant.now().plusSeconds(30))) {
            return token.value;
        }
        String[] c = credentials.get(name);
        Map<String, String> form = new LinkedHashMap<>();
        if (c[0].equals("password")) {
            form.put("grant_type", "password");
            form.put("client_id", WEB_CLIENT);
            form.put("username", c[1]);
            form.put("password", c[2]);
            form.put("scope", "openid");
        } else {
            form.put("grant_type", "client_credentials");
            form.put("client_id", c[1]);
            form.put("client_secret", c[2]);
        }
        HttpResponse<byte[]> response = tokenRequest(form);
        if (response.statusCode() != 200) {
            throw new ScenarioFailure("Keycloak refused a token for " + name + ": " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode body = JSON.readTree(response.body());
        Token fresh = new Token(body.path("access_token").asString(),
                Instant.now().plusSeconds(body.path("expires_in").asLong(300)));
        tokens.put(name, fresh);
        return fresh.value;
    }

    /** Whether Keycloak gives {@code username} a token with {@code password} (a login form would say). */
    public int passwordGrantStatus(String username, String password) {
        return tokenRequest(Map.of("grant_type", "password", "client_id", WEB_CLIENT, "username", username,
                "password", password, "scope", "openid")).statusCode();
    }

    private HttpResponse<byte[]> tokenRequest(Map<String, String> form) {
        tokenRequests.incrementAndGet();
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/chanjiao/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    /** Keycloak's admin REST API with the given client's service account (only where a person's own step is a browser page). */
    public Response keycloakAdmin(String method, String path, String clientId, String secret, Object json) {
        HttpResponse<byte[]> tokenResponse = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
        String token = JSON.readTree(tokenResponse.body()).path("access_token").asString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/chanjiao" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json)));
        }
        return new Response(method + " " + path, send(request.build()));
    }

    // --- requests ---------------------------------------------------------------------------------

    Response send(String who, String method, String path, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, */*");
        if (who != null) {
            request.header("Authorization", "Bearer " + token(who));
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        requests.incrementAndGet();
        return new Response(method + " " + path + (who == null ? " (anonymous)" : " as " + who), send(request.build()));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                last = e; // a connection reset under load: the requests the scenario retries are reads or keyed
                sleep(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScenarioFailure("interrupted");
            }
        }
        throw new UncheckedIOException(request.method() + " " + request.uri(), last);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("interrupted");
        }
    }

    static byte[] multipart(String boundary, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Token(String value, Instant expires) {
    }

    /** One caller: a person, an integration client or nobody. */
    public static final class Caller {

        private final Api api;
        private final String name;

        Caller(Api api, String name) {
            this.api = api;
            this.name = name;
        }

        public String name() {
            return name == null ? "anonymous" : name;
        }

        public Request get(String path) {
            return new Request(this, "GET", path);
        }

        public Request post(String path) {
            return new Request(this, "POST", path);
        }

        public Request put(String path) {
            return new Request(this, "PUT", path);
        }

        public Request delete(String path) {
            return new Request(this, "DELETE", path);
        }
    }

    /** A request being built. */
    public static final class Request {

        private final Caller caller;
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType;
        private byte[] body;

        Request(Caller caller, String method, String path) {
            this.caller = caller;
            this.method = method;
            this.path = path;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request ifMatch(long version) {
            return header("If-Match", "\"" + version + "\"");
        }

        public Request idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        public Request json(Object value) {
            contentType = "application/json";
            body = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value);
            return this;
        }

        public Request file(String fileName, byte[] content, Map<String, String> fields) {
            String boundary = "----scenario" + UUID.randomUUID();
            contentType = "multipart/form-data; boundary=" + boundary;
            body = multipart(boundary, fields, "file", fileName, content);
            return this;
        }

        public Request bytes(String type, byte[] content) {
            contentType = type;
            body = content;
            return this;
        }

        public Response send() {
            return caller.api.send(caller.name, method, path, headers, contentType, body);
        }

        public Response expectOneOf(int... statuses) {
            return send().expectOneOf(statuses);
        }

        /** Sends and expects {@code status}; fails the scenario with the answer otherwise. */
        public Response expect(int status) {
            return send().expect(status);
        }
    }

    /** An answer. */
    public static final class Response {

        private final String what;
        private final HttpResponse<byte[]> response;
        private JsonNode json;

        Response(String what, HttpResponse<byte[]> response) {
            this.what = what;
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public byte[] bytes() {
            return response.body();
        }

        public String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            if (json == null) {
                json = JSON.readTree(response.body());
            }
            return json;
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public Response expect(int status) {
            if (response.statusCode() != status) {
                throw new ScenarioFailure(what + ": expected " + status + " but was " + response.statusCode() + " "
                        + abbreviate(text()));
            }
            return this;
        }

        public Response expectOneOf(int... statuses) {
            for (int s : statuses) {
                if (response.statusCode() == s) {
                    return this;
                }
            }
            throw new ScenarioFailure(what + ": expected one of " + java.util.Arrays.toString(statuses) + " but was "
                    + response.statusCode() + " " + abbreviate(text()));
        }

        @Override
        public String toString() {
            return what + " → " + status() + " " + abbreviate(text());
        }

        private static String abbreviate(String body) {
            String oneLine = body.replaceAll("\\s+", " ");
            return oneLine.length() > 600 ? oneLine.substring(0, 600) + "…" : oneLine;
        }
    }
}
