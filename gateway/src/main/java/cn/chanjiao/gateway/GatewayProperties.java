package cn.chanjiao.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway itself, prefix {@code chanjiao.gateway}. Routes, instances, timeouts and
 * the token issuer are standard Spring properties (see {@code application.yml}).
 *
 * @param cors what third-party front ends running in a browser may do
 */
@ConfigurationProperties("chanjiao.gateway")
record GatewayProperties(@DefaultValue Cors cors) {

    /**
     * CORS for browser front ends. Origins may be exact ({@code https://portal.example.cn}) or
     * patterns ({@code https://*.example.cn}). Front ends send the token in {@code Authorization},
     * so credentials (cookies) are off by default.
     */
    record Cors(
            @DefaultValue({"http://localhost:5173", "http://127.0.0.1:5173"}) List<String> allowedOrigins,
            @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) List<String> allowedMethods,
            @DefaultValue({"Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match",
                    "If-None-Match", "Idempotency-Key", "X-Request-Id"}) List<String> allowedHeaders,
            @DefaultValue({"ETag", "Location", "X-Request-Id", "Content-Disposition"}) List<String> exposedHeaders,
            @DefaultValue("false") boolean allowCredentials,
            @DefaultValue("1h") Duration maxAge) {
    }
}
