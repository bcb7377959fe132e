package cn.chanjiao.notification.delivery;

import java.util.Map;
import java.util.UUID;

/** A delivery due for its next attempt. */
public record PendingDelivery(UUID id, String channel, UUID subscriptionId, UUID eventId, String eventType,
        String recipient, Map<String, Object> content, int attempts) {
}
