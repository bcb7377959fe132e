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

    @Test
    void platformRevokedCarriesTheStructuredReasonAndStillReadsAPayloadWithoutIt() throws Exception {
        EventEnvelope<PlatformRevoked> envelope = roundTrip("PlatformRevoked", PlatformRevoked.class);
        assertThat(envelope.payload().reasonCode()).isEqualTo("VIOLATION");

        String older = """
                {"eventId":"000003ec-0000-4000-8000-0000000003ec","occurredAt":"2024-07-10T02:00:00Z",
                 "platformId":"00000005-0000-4000-8000-000000000005","programmeId":"00000002-0000-4000-8000-000000000002",
                 "leadOrganisationId":"00000003-0000-4000-8000-000000000003","authorityCode":"330100","reason":"严重违规"}""";
        PlatformRevoked read = json.readValue(older, PlatformRevoked.class);
        assertThat(read.reason()).isEqualTo("严重违规");
        assertThat(read.reasonCode()).isNull();
        assertThat(read.comment()).isNull();
    }

    @Test
    void platformApprovedCarriesTheProgrammesWindowsAndTheirOccurrencesPerYear() throws Exception {
        PlatformApproved approved = roundTrip("PlatformApproved", PlatformApproved.class).payload();

        PlatformApproved.ProgrammeWindow collection = approved.windows().stream()
                .filter(w -> w.purpose().equals("COLLECTION")).findFirst().orElseThrow();
        PlatformApproved.ProgrammeWindow registration = approved.windows().get(0);
        assertThat(collection.occursIn(2023)).isFalse();
        assertThat(collection.occursIn(2026)).isTrue();
        assertThat(collection.opensOn(2026)).isEqualTo(java.time.LocalDate.of(2026, 11, 1));
        assertThat(collection.closesOn(2026)).isEqualTo(java.time.LocalDate.of(2026, 12, 15));
        assertThat(registration.occursIn(2024)).isTrue();
        assertThat(registration.occursIn(2025)).isFalse();
        assertThat(registration.closesOn(2024)).isEqualTo(java.time.LocalDate.of(2024, 5, 15));
        PlatformApproved older = new PlatformApproved(approved.eventId(), approved.occurredAt(), approved.platformId(),
                approved.applicationId(), approved.programmeId(), approved.programmeCode(), approved.platformType(),
                approved.name(), approved.leadOrganisationId(), approved.leadOrganisationIds(), approved.regionCode(),
                approved.authorityCode(), approved.planYears(), approved.baselineYear(), approved.targets(),
                approved.members(), approved.approvedAt());
        assertThat(older.windows()).isNull();
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
