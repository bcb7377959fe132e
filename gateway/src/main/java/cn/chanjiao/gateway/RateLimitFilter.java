package cn.chanjiao.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Rate limits per caller on every routed request (Bucket4j token buckets, one per caller, in a
 * bounded Caffeine cache of this gateway instance). A signed-in caller is counted by its token's
 * subject, or the client id of a client-credentials token; an anonymous caller of the public reads
 * by its address. Over the limit the answer is 429 as a problem detail with {@code Retry-After}
 * (whole seconds); every answer carries {@code X-RateLimit-Remaining}. Runs after Spring Security
 * (a token has been checked) and before the request is sent on, so a limited request never reaches
 * a service.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String REMAINING = "X-RateLimit-Remaining";

    private final GatewayProperties.RateLimit settings;
    private final ProblemResponses problems;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(GatewayProperties properties, ProblemResponses problems) {
        this.settings = properties.rateLimit();
        this.problems = problems;
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, settings.maxCallers()))
                .expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @Override
    public int getOrder() {
        // after RequestIdFilter, before the load balancer picks an instance
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!settings.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> principal instanceof JwtAuthenticationToken jwt ? "token:" + callerOf(jwt) : null)
                .defaultIfEmpty("")
                .flatMap(caller -> caller.isEmpty()
                        ? limit(exchange, chain, "address:" + addressOf(exchange), settings.anonymous())
                        : limit(exchange, chain, caller, settings.authenticated()));
    }

    private Mono<Void> limit(ServerWebExchange exchange, GatewayFilterChain chain, String caller,
            GatewayProperties.Limit limit) {
        if (limit.unlimited()) {
            return chain.filter(exchange);
        }
        // the caller's kind ("token:" or "address:") decides its limit, so the caller alone is the key
        Bucket bucket = buckets.get(caller, key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(REMAINING, Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
    }

    private static Bucket newBucket(GatewayProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refill(), limit.period()).build())
                .build();
    }

    private static String callerOf(JwtAuthenticationToken jwt) {
        String subject = jwt.getToken().getSubject();
        if (subject != null && !subject.isBlank()) {
            return subject;
        }
        String client = jwt.getToken().getClaimAsString("azp");
        return client != null ? "client:" + client : "client:" + jwt.getToken().getClaimAsString("client_id");
    }

    private String addressOf(ServerWebExchange exchange) {
        if (settings.trustForwardedFor()) {
            String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
