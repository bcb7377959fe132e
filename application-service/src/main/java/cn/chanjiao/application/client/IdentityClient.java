package cn.chanjiao.application.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * identity-service's organisation lookups (issue 3), called with this service's client-credentials
 * token. Every call runs in the Resilience4j circuit breaker {@code IdentityClient} (time limit,
 * retry of the idempotent GETs on I/O failure with backoff, circuit breaker); when identity-service
 * cannot answer, {@link IdentityUnavailableException} (503) is thrown instead.
 */
@FeignClient(name = "identity", url = "${chanjiao.application.identity.url}", dismiss404 = true,
        configuration = IdentityClientConfiguration.class, fallbackFactory = IdentityClientFallback.class)
public interface IdentityClient {

    /** An organisation by id; empty when identity-service does not know it. */
    @GetMapping("/api/v1/identity/organisations/{id}")
    Optional<OrganisationResponse> organisation(@PathVariable("id") UUID id);

    /** The organisations of the given ids that exist, in the order asked (unknown ids are left out). */
    @PostMapping("/api/v1/identity/organisations/batch")
    List<OrganisationResponse> organisations(@RequestBody BatchRequest request);

    /** @param ids at most 200 */
    record BatchRequest(List<UUID> ids) {
    }

    /**
     * Accounts holding {@code role} in {@code authority} (and the authorities below it when {@code below}),
     * e.g. the expert pool of a programme's authority.
     */
    @GetMapping("/api/v1/identity/users")
    AccountResponse.Page users(@RequestParam("role") String role, @RequestParam("authority") String authority,
            @RequestParam("below") boolean below, @RequestParam("page") int page, @RequestParam("size") int size);

    /** An organisation by its USCC or school code. */
    @GetMapping("/api/v1/identity/organisations/by-code/{code}")
    Optional<OrganisationResponse> organisationByCode(@PathVariable("code") String code);
}
