package cn.chanjiao.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own error answers as RFC 9457 {@code application/problem+json}: Simplified
 * Chinese by default, English when {@code Accept-Language} starts with {@code en}.
 */
@Component
class ProblemResponses {

    static final String ZH_CN = "zh-CN";
    static final String EN = "en";

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        return write(exchange, problem, problem.status());
    }

    /** Writes {@code problem}'s texts with {@code status} (which may be more specific than the problem's). */
    Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, HttpStatusCode status) {
        boolean english = prefersEnglish(exchange.getRequest().getHeaders());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title(english));
        body.put("status", status.value());
        body.put("detail", problem.detail(english));
        body.put("instance", exchange.getRequest().getPath().value());
        String requestId = RequestIdFilter.requestId(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.set(HttpHeaders.CONTENT_LANGUAGE, english ? EN : ZH_CN);
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    static boolean prefersEnglish(HttpHeaders requestHeaders) {
        String acceptLanguage = requestHeaders.getFirst(HttpHeaders.ACCEPT_LANGUAGE);
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith(EN);
    }
}
