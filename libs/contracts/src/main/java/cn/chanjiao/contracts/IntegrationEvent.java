package cn.chanjiao.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service tells the others, published through the owning service's transactional outbox.
 * Every implementation is an immutable record annotated with {@link EventType}, which names its
 * topic and schema version; the record's {@link #aggregateId()} is the Kafka key, so events of one
 * aggregate keep their order.
 */
public interface IntegrationEvent {

    /** Unique per event; consumers keep it to apply an event once even when Kafka delivers it twice. */
    UUID eventId();

    /** When the fact happened. */
    Instant occurredAt();

    /** The id of the aggregate the fact is about; the Kafka key. */
    String aggregateId();
}
