package cn.chanjiao.identity.support;

import cn.chanjiao.testkit.engine.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks into the real Keycloak as its master admin, to check what identity-service provisioned there. */
public final class KeycloakInspector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final java.util.function.Supplier<KeycloakServer> server;
    private final HttpClient http = HttpClient.newHttpClient();
    // a master-realm token lives 60 s; fetching one costs a password hash, so it is reused
    private String adminToken;
    private long adminTokenUntil;

    /** @param server the Keycloak, asked for (and waited for) on first use */
    public KeycloakInspector(java.util.function.Supplier<KeycloakServer> server) {
        this.server = server;
    }

    /** The realm's user with exactly this username, with attributes and required actions. */
    public Optional<JsonNode> user(String username) {
        JsonNode users = get("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        for (JsonNode user : users) {
            if (user.path("username").asString().equals(username)) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    public String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asString() : null;
    }

    /** Realm roles mapped to the user. */
    public List<String> realmRoles(String userId) {
        List<String> names = new ArrayList<>();
        get("/users/" + userId + "/role-mappings/realm").forEach(role -> names.add(role.path("name").asString()));
        return names;
    }

    /** Creates a user directly in Keycloak (as a crashed provisioning would have left it); returns its id. */
    public String createUser(String username, java.util.Map<String, String> attributes) {
        StringBuilder attrs = new StringBuilder();
        attributes.forEach((k, v) -> attrs.append(attrs.isEmpty() ? "" : ",").append('"').append(k).append("\":[\"")
                .append(v).append("\"]"));
        send("POST", "/users", "{\"username\":\"" + username + "\",\"enabled\":true,\"email\":\"" + username
                + "@example.cn\",\"firstName\":\"孤\",\"lastName\":\"儿\",\"attributes\":{" + attrs + "}}");
        return user(username).orElseThrow().path("id").asString();
    }

    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() > adminTokenUntil) {
            adminToken = server.get().adminToken();
            adminTokenUntil = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        }
        return adminToken;
    }

    private JsonNode get(String path) {
        return JSON.readTree(send("GET", path, null));
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.get().baseUrl() + "/admin/realms/"
                        + KeycloakServer.REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
