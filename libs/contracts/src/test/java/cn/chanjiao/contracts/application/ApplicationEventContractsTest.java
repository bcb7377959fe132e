package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationEventContractsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void applicationSubmittedRoundTripsThroughItsSampleEnvelope() throws Exception {
        EventEnvelope<ApplicationSubmitted> envelope = roundTrip("ApplicationSubmitted", ApplicationSubmitted.class);

        assertThat(envelope.payload().platformType()).isEqualTo("PRACTICE_CENTER_ENTERPRISE");
        assertThat(envelope.payload().formVersion()).isEqualTo(17);
        assertThat(envelope.payload().leadOrganisationIds())
                .containsExactly(UUID.fromString("5a0c1e2b-7d3f-4c8a-9e61-330100000001"));
    }

    @Test
    void applicationWithdrawnRoundTripsThroughItsSampleEnvelope() throws Exception {
        EventEnvelope<ApplicationWithdrawn> envelope = roundTrip("ApplicationWithdrawn", ApplicationWithdrawn.class);

        assertThat(envelope.payload().previousStatus()).isEqualTo("SUBMITTED");
        assertThat(envelope.payload().reason()).isEqualTo("合作企业调整，暂不申报");
    }

    @Test
    void applicationReturnedRoundTripsThroughItsSampleEnvelope() throws Exception {
        EventEnvelope<ApplicationReturned> envelope = roundTrip("ApplicationReturned", ApplicationReturned.class);

        assertThat(envelope.payload().comment()).isEqualTo("请补充盖章扫描件");
        assertThat(envelope.payload().authorityCode()).isEqualTo("330100");
    }

    @Test
    void applicationEventsTravelOnTheLifecycleTopicKeyedByTheApplication() {
        assertThat(EventTypes.ALL).contains(ApplicationSubmitted.class, ApplicationWithdrawn.class,
                ApplicationReturned.class);
        assertThat(EventTypes.topicOf(ApplicationSubmitted.class)).isEqualTo(Topics.APPLICATION_LIFECYCLE);
        assertThat(EventTypes.topicOf(ApplicationWithdrawn.class)).isEqualTo(Topics.APPLICATION_LIFECYCLE);
        assertThat(EventTypes.topicOf(ApplicationReturned.class)).isEqualTo(Topics.APPLICATION_LIFECYCLE);
    }

    private <E extends IntegrationEvent> EventEnvelope<E> roundTrip(String name, Class<E> eventClass) throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/events/application/" + name + ".json")) {
            sample = json.readTree(in);
        }
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, eventClass);
        EventEnvelope<E> envelope = json.readValue(sample.toString(), type);

        assertThat(envelope.type()).isEqualTo(name);
        assertThat(envelope.aggregateId()).isEqualTo(envelope.payload().aggregateId());
        assertThat(EventTypes.forName(name)).contains(eventClass);
        assertThat(json.readTree(json.writeValueAsString(envelope))).isEqualTo(sample);
        return envelope;
    }
}
