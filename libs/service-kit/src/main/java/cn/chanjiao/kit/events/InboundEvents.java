package cn.chanjiao.kit.events;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The consuming side of the events: reads an envelope from a Kafka record value and applies its
 * effect at most once per listener, in one transaction with the record of having processed it
 * (table {@code processed_event}). A record delivered twice changes nothing the second time.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EventTypeCatalog catalog;

    public InboundEvents(JsonMapper json, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
            EventTypeCatalog catalog) {
        this.catalog = catalog;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reads an envelope. An event type this service does not know is skipped (empty); a value that
     * is not an envelope at all is an {@link UnreadableEventException}.
     */
    public Optional<EventEnvelope<IntegrationEvent>> read(byte[] value) {
        try {
            JsonNode tree = json.readTree(value);
            String type = tree.path("type").asString(null);
            if (type == null || !tree.hasNonNull("payload")) {
                throw new UnreadableEventException("not an event envelope");
            }
            Optional<Class<? extends IntegrationEvent>> eventClass = catalog.forName(type);
            if (eventClass.isEmpty()) {
                log.debug("skipping event of unknown type {}", type);
                return Optional.empty();
            }
            IntegrationEvent payload = json.treeToValue(tree.get("payload"), eventClass.get());
            return Optional.of(new EventEnvelope<>(payload.eventId(), type, tree.path("version").asInt(1),
                    payload.occurredAt(), payload.aggregateId(), tree.path("source").asString(null), payload));
        } catch (JacksonException e) {
            throw new UnreadableEventException("unreadable event: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Applies {@code effect} to the event in {@code value} unless {@code listener} has applied it
     * before. The effect runs in the same transaction as the processed-event record, so a failure
     * rolls both back and the redelivered record is applied then.
     *
     * @return whether the effect ran
     */
    public boolean applyOnce(String listener, byte[] value, Consumer<IntegrationEvent> effect) {
        return read(value).map(envelope -> applyOnce(listener, envelope.eventId(), envelope.type(),
                () -> effect.accept(envelope.payload()))).orElse(false);
    }

    /** Runs {@code effect} once per listener and event id, in one transaction with the record of it. */
    public boolean applyOnce(String listener, UUID eventId, String eventType, Runnable effect) {
        Boolean applied = transactions.execute(status -> {
            int inserted = jdbc.update("""
                    insert into processed_event (event_id, listener, event_type, processed_at)
                    values (?, ?, ?, ?) on conflict do nothing""",
                    eventId, listener, eventType, Timestamp.from(clock.instant()));
            if (inserted == 0) {
                log.debug("{} already applied event {}", listener, eventId);
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /** A Kafka record that holds no event envelope. */
    public static class UnreadableEventException extends RuntimeException {

        UnreadableEventException(String message) {
            super(message);
        }

        UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
