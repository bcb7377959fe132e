package cn.chanjiao.contracts;

import cn.chanjiao.contracts.common.DeadlineScheduled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void deadlineScheduledRoundTripsThroughItsSampleEnvelope() throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/events/DeadlineScheduled.json")) {
            sample = json.readTree(in);
        }
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, DeadlineScheduled.class);
        EventEnvelope<DeadlineScheduled> envelope = json.readValue(sample.toString(), type);

        assertThat(envelope.payload().kind()).isEqualTo("COLLECTION_CLOSES");
        assertThat(envelope.payload().dueAt()).isEqualTo(Instant.parse("2026-12-15T15:59:59Z"));
        assertThat(envelope.aggregateId()).isEqualTo(envelope.payload().aggregateId());
        assertThat(json.readTree(json.writeValueAsString(envelope))).isEqualTo(sample);
    }

    @Test
    void everyCataloguedEventNamesAKnownTopicAndIsFoundByItsTypeName() {
        assertThat(EventTypes.ALL).isNotEmpty().allSatisfy(eventClass -> {
            assertThat(eventClass.isRecord()).as("%s is a record", eventClass).isTrue();
            assertThat(Topics.ALL).contains(EventTypes.topicOf(eventClass));
            assertThat(EventTypes.forName(EventTypes.typeName(eventClass))).contains(eventClass);
        });
    }

    @Test
    void wrapTakesTypeVersionAndKeyFromTheEvent() {
        var event = new DeadlineScheduled(UUID.randomUUID(), Instant.EPOCH, "REPORT_DUE", "obligation-1", null,
                "330100", Instant.parse("2027-03-31T15:59:59Z"));

        EventEnvelope<DeadlineScheduled> envelope = EventEnvelope.wrap(event, "reporting-service");

        assertThat(envelope.type()).isEqualTo("DeadlineScheduled");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.aggregateId()).isEqualTo("obligation-1");
        assertThat(envelope.eventId()).isEqualTo(event.eventId());
    }

    @Test
    void aClassWithoutEventTypeIsRefused() {
        assertThatThrownBy(() -> EventTypes.topicOf(String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
