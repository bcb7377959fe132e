package cn.chanjiao.application.client;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * What a call to identity-service answers when it failed: never a guess, always a clear 503
 * ({@link IdentityUnavailableException}) naming why, so nothing is saved on half an answer.
 */
@Component
class IdentityClientFallback implements FallbackFactory<IdentityClient> {

    private static final Logger log = LoggerFactory.getLogger(IdentityClientFallback.class);

    @Override
    public IdentityClient create(Throwable cause) {
        String reason = reason(cause);
        return new IdentityClient() {
            @Override
            public Optional<OrganisationResponse> organisation(UUID id) {
                throw unavailable(reason, cause);
            }

            @Override
            public List<OrganisationResponse> organisations(BatchRequest request) {
                throw unavailable(reason, cause);
            }

            @Override
            public Optional<OrganisationResponse> organisationByCode(String code) {
                throw unavailable(reason, cause);
            }

            @Override
            public AccountResponse.Page users(String role, String authority, boolean below, int page, int size) {
                throw unavailable(reason, cause);
            }
        };
    }

    private static IdentityUnavailableException unavailable(String reason, Throwable cause) {
        if ("refused".equals(reason)) {
            log.error("identity-service refused our call (check the chanjiao-services client): {}", cause.toString());
        } else {
            log.warn("identity-service unavailable ({}): {}", reason, cause.toString());
        }
        return new IdentityUnavailableException(reason);
    }

    static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof FeignException)
                && !(root instanceof CallNotPermittedException)) {
            root = root.getCause();
        }
        if (root instanceof CallNotPermittedException) {
            return "circuit-open";
        }
        if (root instanceof TimeoutException || cause instanceof TimeoutException) {
            return "timeout";
        }
        if (root instanceof FeignException feign && (feign.status() == 401 || feign.status() == 403)) {
            return "refused";
        }
        if (root instanceof FeignException feign && feign.status() >= 500) {
            return "error";
        }
        return "unreachable";
    }
}
