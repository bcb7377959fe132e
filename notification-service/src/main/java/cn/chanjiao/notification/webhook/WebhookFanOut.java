package cn.chanjiao.notification.webhook;

import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import cn.chanjiao.notification.delivery.Channels;
import cn.chanjiao.notification.delivery.Deliveries;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Queues a webhook delivery of an event for every active subscription to its type whose province
 * the event belongs to (the first of {@code region-fields} in the payload; an event placed in no
 * province goes to no integrator). Runs in the transaction that accepts the event.
 */
@Component
public class WebhookFanOut {

    private final WebhookSubscriptions subscriptions;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final NotificationServiceProperties.Webhooks settings;

    WebhookFanOut(WebhookSubscriptions subscriptions, Deliveries deliveries, JsonMapper json,
            NotificationServiceProperties properties) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.settings = properties.webhooks();
    }

    /** @return how many deliveries were queued */
    public int enqueue(String type, IntegrationEvent event, Map<String, Object> payload) {
        Optional<String> province = province(payload);
        if (province.isEmpty()) {
            return 0;
        }
        int queued = 0;
        String body = null;
        for (WebhookSubscriptions.Subscription subscription : subscriptions.subscribedTo(type)) {
            if (!subscription.province().equals(province.get())) {
                continue;
            }
            if (body == null) {
                body = cloudEvent(type, event, payload);
            }
            deliveries.enqueue(Channels.WEBHOOK, null, subscription.id(), event.eventId(), type, subscription.url(),
                    Map.of("body", body));
            queued++;
        }
        return queued;
    }

    private Optional<String> province(Map<String, Object> payload) {
        for (String field : settings.regionFields()) {
            Object code = payload.get(field);
            if (code != null && code.toString().length() >= 2) {
                return Optional.of(code.toString().substring(0, 2));
            }
        }
        return Optional.empty();
    }

    private String cloudEvent(String type, IntegrationEvent event, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("specversion", "1.0");
        body.put("id", event.eventId().toString());
        body.put("source", "urn:chanjiao:" + EventTypes.topicOf(event.getClass()));
        body.put("type", "cn.chanjiao." + type);
        body.put("subject", event.aggregateId());
        body.put("time", event.occurredAt().toString());
        body.put("datacontenttype", "application/json");
        body.put("dataschemaversion", EventTypes.metadataOf(event.getClass()).version());
        body.put("data", payload);
        return json.writeValueAsString(body);
    }
}
