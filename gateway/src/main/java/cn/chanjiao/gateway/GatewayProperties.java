package cn.chanjiao.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway itself, prefix {@code chanjiao.gateway}. Routes, instances, timeouts and
 * the token issuer are standard Spring properties (see {@code application.yml}).
 *
 * @param cors      what third-party front ends running in a browser may do
 * @param rateLimit how many requests one caller may send
 */
@ConfigurationProperties("chanjiao.gateway")
record GatewayProperties(@DefaultValue Cors cors, @DefaultValue RateLimit rateLimit) {

    /**
     * Token buckets per caller and gateway instance: a signed-in caller is counted by its token's
     * subject ({@code sub}, or the client id of a client-credentials token), an anonymous one (public
     * reads) by its address. A bucket holds {@code capacity} requests and refills {@code refill}
     * every {@code period}, so a front end's bursts pass and a runaway script is slowed with 429 and
     * {@code Retry-After}. With {@code n} gateway instances a caller may reach up to {@code n} times the rate.
     *
     * @param trustForwardedFor count anonymous callers by the first {@code X-Forwarded-For} address
     *                          (only behind an ingress that sets it)
     * @param maxCallers        buckets kept (least recently used ones are dropped)
     */
    record RateLimit(@DefaultValue("true") boolean enabled,
            @DefaultValue Limit authenticated,
            @DefaultValue Limit anonymous,
            @DefaultValue("false") boolean trustForwardedFor,
            @DefaultValue("100000") long maxCallers) {
    }

    /**
     * A bucket: at most {@code capacity} at once, refilled by {@code refill} every {@code period}
     * (spread evenly); a capacity of 0 means no limit for that kind of caller (values in {@code application.yml}).
     */
    record Limit(@DefaultValue("0") long capacity, @DefaultValue("0") long refill, @DefaultValue("1s") Duration period) {

        boolean unlimited() {
            return capacity <= 0 || refill <= 0;
        }
    }

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
            @DefaultValue({"ETag", "Location", "X-Request-Id", "Content-Disposition", "Retry-After",
                    "X-RateLimit-Remaining"}) List<String> exposedHeaders,
            @DefaultValue("false") boolean allowCredentials,
            @DefaultValue("1h") Duration maxAge) {
    }
}
