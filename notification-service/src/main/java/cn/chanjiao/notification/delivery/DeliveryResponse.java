package cn.chanjiao.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One outbound message in the delivery log.
 *
 * @param status {@code PENDING} (waiting for its next attempt), {@code DELIVERED} or {@code DEAD} (dead-lettered)
 */
public record DeliveryResponse(UUID id, String channel, UUID subscriptionId, UUID notificationId, UUID eventId,
        String eventType, String recipient, String status, int attempts, Instant nextAttemptAt, String lastError,
        Instant createdAt, Instant deliveredAt, List<Attempt> attemptLog) {

    DeliveryResponse withAttempts(List<Attempt> log) {
        return new DeliveryResponse(id, channel, subscriptionId, notificationId, eventId, eventType, recipient, status,
                attempts, nextAttemptAt, lastError, createdAt, deliveredAt, log);
    }

    /** @param outcome {@code DELIVERED} or {@code FAILED} */
    public record Attempt(int attempt, Instant at, String outcome, Integer httpStatus, String error, long durationMs) {
    }
}
