package cn.chanjiao.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription; {@code secret} (the HMAC key) is shown only in the answer that creates it.
 *
 * @param authorityCode the province whose events it receives, from the client's token
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(UUID id, String clientId, String authorityCode, String url, List<String> eventTypes,
        String description, boolean active, Instant createdAt, String secret) {

    static SubscriptionResponse of(WebhookSubscriptions.Subscription s, boolean withSecret) {
        return new SubscriptionResponse(s.id(), s.clientId(), s.authorityCode(), s.url(), s.eventTypes(), s.description(),
                s.active(), s.createdAt(), withSecret ? s.secret() : null);
    }
}
