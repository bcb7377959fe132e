package cn.chanjiao.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What goes over Kafka: the event's identity and type next to its payload, so that a consumer can
 * deduplicate and dispatch before it reads the payload.
 *
 * @param eventId     the payload's {@link IntegrationEvent#eventId()}
 * @param type        the type name, see {@link EventType#name()}
 * @param version     the payload's schema version
 * @param occurredAt  when the fact happened
 * @param aggregateId the Kafka key
 * @param source      the producing service's name
 * @param payload     the event record
 */
public record EventEnvelope<T>(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
        String source, T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    /** Wraps an event, reading topic metadata from its {@link EventType} annotation. */
    public static <E extends IntegrationEvent> EventEnvelope<E> wrap(E event, String source) {
        EventType meta = EventTypes.metadataOf(event.getClass());
        return new EventEnvelope<>(event.eventId(), EventTypes.typeName(event.getClass()), meta.version(),
                event.occurredAt(), event.aggregateId(), source, event);
    }
}
