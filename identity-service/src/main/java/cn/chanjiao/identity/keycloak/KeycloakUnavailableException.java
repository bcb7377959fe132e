package cn.chanjiao.identity.keycloak;

import cn.chanjiao.kit.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Keycloak did not answer, answered with a server error, refused our admin client, or the circuit
 * breaker is open: answered
 * 503 with {@code Retry-After}. {@link #maybeApplied()} tells whether Keycloak may have carried the
 * call out all the same (a timeout), so that the caller compensates.
 */
public class KeycloakUnavailableException extends ApiException {

    private final boolean maybeApplied;

    KeycloakUnavailableException(String operation, boolean maybeApplied, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "problem.keycloakUnavailable");
        this.maybeApplied = maybeApplied;
        // the cause is logged where it is translated; an ErrorResponseException's cause is fixed at construction
        getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
        with("operation", operation);
    }

    public boolean maybeApplied() {
        return maybeApplied;
    }
}
