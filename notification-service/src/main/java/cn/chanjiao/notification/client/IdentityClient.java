package cn.chanjiao.notification.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * identity-service's user lookups (issue 3), called with this service's client-credentials token
 * (role {@code service}). Every call runs in the Resilience4j circuit breaker {@code IdentityClient};
 * when identity-service cannot answer, {@link IdentityUnavailableException} is thrown and the
 * notification waiting for its audience is retried later.
 */
@FeignClient(name = "identity", url = "${chanjiao.notification.identity.url:http://127.0.0.1:8081}", dismiss404 = true,
        configuration = IdentityClientConfiguration.class, fallbackFactory = IdentityClientFallback.class)
public interface IdentityClient {

    /** The users of an organisation. */
    @GetMapping("/api/v1/identity/organisations/{organisationId}/users")
    List<UserAccount> usersOf(@PathVariable("organisationId") UUID organisationId);

    /** Users holding a role in an authority (and department): one page. */
    @GetMapping("/api/v1/identity/users")
    UserPage usersHolding(@RequestParam("role") String role, @RequestParam("authority") String authority,
            @RequestParam(value = "department", required = false) String department,
            @RequestParam("page") int page, @RequestParam("size") int size);

    /** One user; empty when identity-service does not know it. */
    @GetMapping("/api/v1/identity/users/{id}")
    Optional<UserAccount> user(@PathVariable("id") String id);
}
