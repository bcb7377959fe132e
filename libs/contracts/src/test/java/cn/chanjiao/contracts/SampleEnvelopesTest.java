package cn.chanjiao.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalogued event of the review, reporting and indicator packages has a sample envelope under
 * {@code events/<package>/<Type>.json} that reads into its record and writes back unchanged.
 */
class SampleEnvelopesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Class<? extends IntegrationEvent>> events() {
        return EventTypes.ALL.stream().filter(type -> {
            String pkg = type.getPackageName();
            return pkg.endsWith(".reporting") || pkg.endsWith(".indicator")
                    || Stream.of("ApplicationRecommended", "ApplicationRejected", "PublicNoticeStarted",
                            "PlatformApproved", "PlatformRevoked", "ExpertReviewCompleted", "ApplicationShortlisted",
                            "ObjectionFiled", "ObjectionRuled", "PublicNoticeEnded", "PlatformMembersChanged").anyMatch(type.getSimpleName()::equals);
        });
    }

    @ParameterizedTest
    @MethodSource("events")
    void theSampleEnvelopeRoundTripsThroughTheRecord(Class<? extends IntegrationEvent> eventClass) throws Exception {
        String pkg = eventClass.getPackageName().substring(eventClass.getPackageName().lastIndexOf('.') + 1);
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/events/" + pkg + "/" + eventClass.getSimpleName() + ".json")) {
            assertThat(in).as("sample of %s", eventClass.getSimpleName()).isNotNull();
            sample = json.readTree(in);
        }
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, eventClass);
        EventEnvelope<? extends IntegrationEvent> envelope = json.readValue(sample.toString(), type);

        assertThat(envelope.type()).isEqualTo(EventTypes.typeName(eventClass));
        assertThat(envelope.payload()).isInstanceOf(eventClass);
        assertThat(envelope.aggregateId()).isEqualTo(envelope.payload().aggregateId());
        assertThat(envelope.eventId()).isEqualTo(envelope.payload().eventId());
        assertThat(json.readTree(json.writeValueAsString(envelope))).isEqualTo(sample);
    }
}
