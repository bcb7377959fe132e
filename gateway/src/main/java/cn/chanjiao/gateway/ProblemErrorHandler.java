package cn.chanjiao.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Answers failures that happen in the gateway itself — no route (404), no instance of the service
 * (503), a service that cannot be reached (502) or does not answer in time (504) — with a problem
 * document instead of Boot's default error JSON. Ordered before Boot's handler.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses problems;

    ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = statusOf(failure);
        GatewayProblem problem = GatewayProblem.forStatus(status);
        String requestId = RequestIdFilter.requestId(exchange);
        if (status.is5xxServerError()) {
            if (problem == GatewayProblem.INTERNAL_ERROR) {
                log.error("{} {} failed [requestId={}]", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), requestId, failure);
            } else {
                log.warn("{} {} answered {}: {} [requestId={}]", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), status.value(), failure.toString(), requestId);
            }
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return problems.write(exchange, problem, status);
    }

    static HttpStatusCode statusOf(Throwable failure) {
        if (failure instanceof ResponseStatusException statusException) {
            return statusException.getStatusCode();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return GatewayProblem.BAD_GATEWAY.status();
            }
            if (cause instanceof TimeoutException) {
                return GatewayProblem.GATEWAY_TIMEOUT.status();
            }
        }
        // the service went away while answering (connection reset, premature close of an instance
        // being killed or restarted): the service's failure, not the gateway's
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return GatewayProblem.BAD_GATEWAY.status();
            }
        }
        return GatewayProblem.INTERNAL_ERROR.status();
    }
}
