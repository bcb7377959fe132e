package cn.chanjiao.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/** A notification in the reader's language, with the front-end link it points to. */
public record NotificationResponse(UUID id, String kind, String title, String body, String link, Instant createdAt,
        Instant readAt, boolean read) {
}
