package cn.chanjiao.identity.keycloak;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The platform realm's users and clients, through Keycloak's admin REST API ({@code keycloak-admin-client},
 * client credentials of {@code chanjiao-identity-admin}). Every call is bounded by the HTTP client's
 * timeouts and guarded by the circuit breaker {@code keycloak}: Keycloak down, slow or failing is a
 * {@link KeycloakUnavailableException} (503); a refusal the caller can fix is a {@link KeycloakRefusedException}.
 * Passwords pass through to Keycloak and are kept nowhere here.
 */
public class KeycloakAdmin {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdmin.class);

    private final Keycloak keycloak;
    private final String realm;
    private final CircuitBreaker breaker;
    private final JsonMapper json;
    private final Map<String, RoleRepresentation> roles = new ConcurrentHashMap<>();

    public KeycloakAdmin(Keycloak keycloak, String realm, CircuitBreaker breaker, JsonMapper json) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.breaker = breaker;
        this.json = json;
    }

    /**
     * Creates an enabled user with a password and its attributes, then maps its realm roles. When the
     * role mapping fails the user is deleted again before the failure is thrown.
     *
     * @return the new user's id (the token subject)
     */
    public UUID createUser(NewKeycloakUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setFirstName(user.firstName());
        representation.setLastName(user.lastName());
        representation.setEmail(user.email());
        representation.setEnabled(true);
        representation.setEmailVerified(false);
        representation.setAttributes(user.attributeLists());
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(user.password());
        password.setTemporary(user.temporaryPassword());
        representation.setCredentials(List.of(password));
        if (user.temporaryPassword()) {
            representation.setRequiredActions(List.of("UPDATE_PASSWORD"));
        }
        UUID id = call("create user", () -> {
            try (Response response = realm().users().create(representation)) {
                if (response.getStatus() == 201) {
                    return UUID.fromString(CreatedResponseUtil.getCreatedId(response));
                }
                throw refusalOrFailure(response, "create user " + user.username());
            }
        });
        try {
            List<RoleRepresentation> mapped = user.realmRoles().stream().map(this::realmRole).toList();
            if (!mapped.isEmpty()) {
                call("map realm roles", () -> {
                    realm().users().get(id.toString()).roles().realmLevel().add(mapped);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            boolean deleted = deleteQuietly(id, "its roles could not be mapped");
            throw new KeycloakUnavailableException("map realm roles", !deleted, e);
        }
        log.info("created Keycloak user {} ({}) with roles {}", user.username(), id, user.realmRoles());
        return id;
    }

    /** Deletes a user; one that is gone already is fine. */
    public void deleteUser(UUID id) {
        call("delete user", () -> {
            try (Response response = realm().users().delete(id.toString())) {
                if (response.getStatus() != 204 && response.getStatus() != 404) {
                    throw new WebApplicationException("delete user " + id + " answered " + response.getStatus(), response.getStatus());
                }
                return null;
            }
        });
        log.info("deleted Keycloak user {}", id);
    }

    /** The user with exactly this username, with its attributes. */
    public Optional<KeycloakUser> findByUsername(String username) {
        return call("find user", () -> realm().users().searchByUsername(username, true).stream()
                .filter(u -> u.getUsername() != null && u.getUsername().equalsIgnoreCase(username))
                .findFirst().map(KeycloakAdmin::user));
    }

    public Optional<KeycloakUser> findById(UUID id) {
        return call("read user", () -> {
            try {
                return Optional.of(user(realm().users().get(id.toString()).toRepresentation()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Realm roles mapped to a user directly. */
    public List<String> realmRolesOf(UUID id) {
        return call("read role mappings", () -> realm().users().get(id.toString()).roles().realmLevel().listAll()
                .stream().map(RoleRepresentation::getName).toList());
    }

    /** Asks Keycloak to e-mail the user a link for {@code actions} (e.g. {@code UPDATE_PASSWORD}); needs SMTP in the realm. */
    public void sendActionsEmail(UUID id, List<String> actions, String clientId, String redirectUri, Duration lifespan) {
        call("send actions e-mail", () -> {
            realm().users().get(id.toString()).executeActionsEmail(clientId, redirectUri, (int) lifespan.toSeconds(), actions);
            return null;
        });
    }

    /**
     * Creates a confidential client for client credentials only, whose service account holds the realm
     * role {@code role} and whose tokens carry the hard-coded claim {@code claim} = {@code value}.
     * Needs the admin client's realm-management role {@code manage-clients}. A failure after the client
     * was created deletes it again.
     */
    public ProvisionedClient createServiceClient(String clientId, String name, String role, String claim, String value) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        client.setAttributes(Map.of("use.refresh.tokens", "false", "client_credentials.use_refresh_token", "false"));
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(claim);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
        mapper.setConfig(Map.of("claim.name", claim, "claim.value", value, "jsonType.label", "String",
                "access.token.claim", "true", "id.token.claim", "true", "userinfo.token.claim", "true",
                "introspection.token.claim", "true"));
        client.setProtocolMappers(List.of(mapper));
        UUID id = call("create client", () -> {
            try (Response response = realm().clients().create(client)) {
                if (response.getStatus() == 201) {
                    return UUID.fromString(CreatedResponseUtil.getCreatedId(response));
                }
                throw refusalOrFailure(response, "create client " + clientId);
            }
        });
        try {
            return call("set up client", () -> {
                var resource = realm().clients().get(id.toString());
                UserRepresentation serviceAccount = resource.getServiceAccountUser();
                realm().users().get(serviceAccount.getId()).roles().realmLevel().add(List.of(realmRole(role)));
                String secret = resource.getSecret().getValue();
                log.info("created Keycloak client {} ({}) with role {} and {} = {}", clientId, id, role, claim, value);
                return new ProvisionedClient(id, clientId, secret);
            });
        } catch (RuntimeException e) {
            try {
                deleteClient(id);
            } catch (RuntimeException cleanup) {
                log.error("client {} ({}) was created but could not be set up nor deleted: delete it in Keycloak", clientId, id, cleanup);
            }
            throw e;
        }
    }

    /** Deletes a client by Keycloak's internal id; one that is gone already is fine. */
    public void deleteClient(UUID id) {
        call("delete client", () -> {
            try (Response response = realm().clients().delete(id.toString())) {
                if (response.getStatus() != 204 && response.getStatus() != 404) {
                    throw new WebApplicationException("delete client " + id + " answered " + response.getStatus(), response.getStatus());
                }
                return null;
            }
        });
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private RoleRepresentation realmRole(String name) {
        RoleRepresentation cached = roles.get(name);
        if (cached != null) {
            return cached;
        }
        RoleRepresentation role = call("read realm role", () -> realm().roles().get(name).toRepresentation());
        roles.put(name, role);
        return role;
    }

    private boolean deleteQuietly(UUID id, String why) {
        try {
            deleteUser(id);
            return true;
        } catch (RuntimeException e) {
            log.error("Keycloak user {} was created but {}, and it could not be deleted now: {}", id, why, e.toString());
            return false;
        }
    }

    /** Runs a call under the circuit breaker and turns what went wrong into one of our two exceptions. */
    private <T> T call(String operation, Supplier<T> action) {
        return breaker.run(action, failure -> {
            throw translate(operation, failure);
        });
    }

    private RuntimeException translate(String operation, Throwable failure) {
        while ((failure instanceof java.util.concurrent.CompletionException
                || failure instanceof java.util.concurrent.ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof KeycloakRefusedException refused) {
            return refused;
        }
        if (failure instanceof KeycloakUnavailableException unavailable) {
            return unavailable;
        }
        if (failure instanceof CallNotPermittedException) {
            log.warn("Keycloak {}: circuit breaker open, not calling", operation);
            return new KeycloakUnavailableException(operation, false, failure);
        }
        if (failure instanceof ProcessingException processing) {
            boolean refusedConnection = causedBy(processing, ConnectException.class)
                    || causedBy(processing, UnknownHostException.class) || causedBy(processing, NoRouteToHostException.class);
            log.warn("Keycloak {} failed: {}", operation, rootMessage(processing));
            // a connection never made applied nothing; a timeout after sending may have
            return new KeycloakUnavailableException(operation, !refusedConnection, failure);
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
            if (status == 401 || status == 403) {
                log.error("Keycloak {} refused identity-service's admin client ({}): check chanjiao.identity.keycloak.admin-client-* and its realm-management roles",
                        operation, status);
            } else {
                log.warn("Keycloak {} answered {}", operation, status);
            }
            return new KeycloakUnavailableException(operation, status >= 500, failure);
        }
        log.warn("Keycloak {} failed", operation, failure);
        return new KeycloakUnavailableException(operation, true, failure);
    }

    /** A 409 or 400 from a create is the caller's to fix; anything else is Keycloak's failure. */
    private RuntimeException refusalOrFailure(Response response, String operation) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String message = "";
        String field = null;
        try {
            JsonNode node = body.isBlank() ? null : json.readTree(body);
            if (node != null) {
                JsonNode first = node.has("errors") && node.path("errors").isArray() && !node.path("errors").isEmpty()
                        ? node.path("errors").get(0) : node;
                message = first.path("errorMessage").asString(first.path("error").asString(""));
                field = first.path("field").isMissingNode() || first.path("field").isNull() ? null : first.path("field").asString();
            }
        } catch (RuntimeException e) {
            message = body;
        }
        if (status == 409) {
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            if (operation.startsWith("create client")) {
                return new KeycloakRefusedException(KeycloakRefusedException.Reason.CLIENT_TAKEN, "clientId", message);
            }
            if (lower.contains("email") && !lower.contains("username")) {
                return new KeycloakRefusedException(KeycloakRefusedException.Reason.EMAIL_TAKEN, "email", message);
            }
            return new KeycloakRefusedException(KeycloakRefusedException.Reason.USERNAME_TAKEN, "username", message);
        }
        if (status == 400) {
            return new KeycloakRefusedException(KeycloakRefusedException.Reason.INVALID, field, message);
        }
        return new WebApplicationException(operation + " answered " + status + ": " + body, status);
    }

    private static KeycloakUser user(UserRepresentation u) {
        return new KeycloakUser(UUID.fromString(u.getId()), u.getUsername(), u.getEmail(), Boolean.TRUE.equals(u.isEnabled()),
                u.getAttributes() == null ? Map.of() : Map.copyOf(u.getAttributes()),
                u.getRequiredActions() == null ? List.of() : List.copyOf(u.getRequiredActions()));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
