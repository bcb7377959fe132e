package cn.chanjiao.identity.integration;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.chanjiao.identity.authority.AuthorityDirectory;
import cn.chanjiao.identity.authority.AuthorityLevel;
import cn.chanjiao.identity.config.IdentityServiceProperties;
import cn.chanjiao.identity.keycloak.KeycloakAdmin;
import cn.chanjiao.identity.keycloak.KeycloakRefusedException;
import cn.chanjiao.identity.keycloak.ProvisionedClient;
import cn.chanjiao.identity.web.FieldProblems;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Provincial platforms' clients: a platform admin creates one per platform, a confidential
 * client-credentials client in Keycloak whose tokens carry role {@code integration} and
 * {@code authority_code} = the province, so that it reads that province's data only. Needs the
 * realm-management role {@code manage-clients} on identity-service's admin client.
 */
@RestController
@RequestMapping("/api/v1/identity/integration-clients")
@PreAuthorize("hasRole('platform-admin')")
class IntegrationClientController {

    private static final Logger log = LoggerFactory.getLogger(IntegrationClientController.class);

    private final IntegrationClientRepository clients;
    private final KeycloakAdmin keycloak;
    private final AuthorityDirectory authorities;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final IdentityServiceProperties properties;
    private final Clock clock;

    IntegrationClientController(IntegrationClientRepository clients, KeycloakAdmin keycloak, AuthorityDirectory authorities,
            TransactionTemplate transactions, MessageSource messages, IdentityServiceProperties properties, Clock clock) {
        this.clients = clients;
        this.keycloak = keycloak;
        this.authorities = authorities;
        this.transactions = transactions;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    List<IntegrationClientResponse> list() {
        return clients.findAllByOrderByProvinceCodeAscClientIdAsc().stream()
                .map(c -> new IntegrationClientResponse(c.clientId(), c.name(), c.provinceCode(), c.createdAt()))
                .toList();
    }

    /** 201 with the client's secret, told this once (identity-service keeps no copy). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "503", description = "Keycloak is unavailable; nothing was changed, retry after `Retry-After` seconds")
    NewIntegrationClientResponse create(Caller caller, @Valid @RequestBody CreateIntegrationClientRequest request) {
        if (authorities.find(request.provinceCode()).filter(a -> a.level() == AuthorityLevel.PROVINCE).isEmpty()) {
            throw FieldProblems.single(messages, "provinceCode", request.provinceCode(), "problem.region.level.province",
                    request.provinceCode());
        }
        if (clients.existsById(request.clientId())) {
            throw ApiException.conflict("problem.integration.clientTaken").with("field", "clientId");
        }
        ProvisionedClient created;
        try {
            created = keycloak.createServiceClient(request.clientId(), request.name(), Roles.INTEGRATION, "authority_code",
                    request.provinceCode());
        } catch (KeycloakRefusedException e) {
            throw ApiException.conflict("problem.integration.clientTaken").with("field", "clientId");
        }
        try {
            transactions.executeWithoutResult(status -> clients.saveAndFlush(new IntegrationClient(request.clientId(),
                    created.id(), request.name().strip(), request.provinceCode(), caller.subject(), clock.instant())));
        } catch (RuntimeException e) {
            try {
                keycloak.deleteClient(created.id());
            } catch (RuntimeException cleanup) {
                log.error("integration client {} exists in Keycloak but not here, and could not be deleted: delete it in Keycloak",
                        request.clientId(), cleanup);
            }
            throw e;
        }
        String tokenUrl = properties.keycloak().url() + "/realms/" + properties.keycloak().realm() + "/protocol/openid-connect/token";
        return new NewIntegrationClientResponse(created.clientId(), request.name().strip(), request.provinceCode(),
                created.secret(), tokenUrl);
    }

    record CreateIntegrationClientRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,62}") String clientId,
            @NotBlank @Size(max = 200) String name, @NotBlank @Pattern(regexp = "[0-9]{6}") String provinceCode) {
    }

    record IntegrationClientResponse(String clientId, String name, String provinceCode, Instant createdAt) {
    }

    /** @param secret the client secret, shown once */
    record NewIntegrationClientResponse(String clientId, String name, String provinceCode, String secret, String tokenUrl) {

        @Override
        public String toString() {
            return "NewIntegrationClientResponse[" + clientId + ", " + provinceCode + "]";
        }
    }
}
