package cn.chanjiao.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every exchange an {@code X-Request-Id}: a valid incoming id (1–64 characters of
 * {@code [A-Za-z0-9._-]}) is kept, anything else is replaced by a random UUID. The id is set on
 * the request the services receive and on every response, including the 401/403 answered by
 * Spring Security — so this runs as a {@link WebFilter} ahead of the security filter chain — and
 * again as a {@link GlobalFilter} on the proxied request, whatever route filters did to it.
 */
@Component
class RequestIdFilter implements WebFilter, GlobalFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The exchange's request id, or {@code null} before this filter ran. */
    static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** {@code incoming} if it is a valid id, otherwise a new one. */
    static String acceptOrGenerate(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(HEADER, id);
        // a proxied response's headers replace ours: set the id again just before it is written
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(withRequestId(exchange, id));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String id = requestId(exchange);
        if (id == null) {
            id = acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(HEADER));
            exchange.getAttributes().put(ATTRIBUTE, id);
        }
        if (id.equals(exchange.getRequest().getHeaders().getFirst(HEADER))) {
            return chain.filter(exchange);
        }
        return chain.filter(withRequestId(exchange, id));
    }

    private static ServerWebExchange withRequestId(ServerWebExchange exchange, String id) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        return exchange.mutate().request(request).build();
    }
}
