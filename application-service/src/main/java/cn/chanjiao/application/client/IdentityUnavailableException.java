package cn.chanjiao.application.client;

import cn.chanjiao.kit.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** identity-service could not answer (down, slow, failing, or its circuit is open): a 503 the caller may retry. */
public class IdentityUnavailableException extends ApiException {

    public IdentityUnavailableException(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "identity.unavailable");
        with("dependency", "identity-service");
        with("reason", reason);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
    }
}
