package cn.chanjiao.contracts.identity;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityEventContractsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(classes = { OrganisationRegistered.class, OrganisationVerified.class, OrganisationRejected.class,
            OrganisationUpdated.class, UserProvisioned.class })
    void eachIdentityEventRoundTripsThroughItsSampleEnvelope(Class<? extends IntegrationEvent> eventClass) throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/events/identity/" + eventClass.getSimpleName() + ".json")) {
            assertThat(in).as("sample for %s", eventClass.getSimpleName()).isNotNull();
            sample = json.readTree(in);
        }
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, eventClass);
        EventEnvelope<? extends IntegrationEvent> envelope = json.readValue(sample.toString(), type);

        assertThat(envelope.payload()).isInstanceOf(eventClass);
        assertThat(envelope.type()).isEqualTo(EventTypes.typeName(eventClass));
        assertThat(envelope.aggregateId()).isEqualTo(envelope.payload().aggregateId());
        assertThat(envelope.eventId()).isEqualTo(envelope.payload().eventId());
        assertThat(json.readTree(json.writeValueAsString(envelope))).isEqualTo(sample);
    }

    @Test
    void everyIdentityEventTravelsOnTheOrganisationTopicAndIsCatalogued() {
        List<Class<? extends IntegrationEvent>> identity = List.of(OrganisationRegistered.class,
                OrganisationVerified.class, OrganisationRejected.class, OrganisationUpdated.class, UserProvisioned.class);

        assertThat(EventTypes.ALL).containsAll(identity);
        assertThat(identity).allSatisfy(eventClass ->
                assertThat(EventTypes.topicOf(eventClass)).isEqualTo(Topics.IDENTITY_ORGANISATION));
    }

    @Test
    void aUserOfAnOrganisationIsKeyedByTheOrganisationAndStaffByTheirOwnId() {
        UUID organisation = UUID.randomUUID();
        UUID applicant = UUID.randomUUID();
        UUID reviewer = UUID.randomUUID();

        var ofOrganisation = new UserProvisioned(UUID.randomUUID(), Instant.EPOCH, applicant, "li", "李四", "li@example.cn",
                List.of("applicant"), organisation, "140100", null);
        var staff = new UserProvisioned(UUID.randomUUID(), Instant.EPOCH, reviewer, "zhang", "张三", "zhang@example.cn",
                List.of("reviewer"), null, "140000", "education");

        assertThat(ofOrganisation.aggregateId()).isEqualTo(organisation.toString());
        assertThat(staff.aggregateId()).isEqualTo(reviewer.toString());
    }
}
