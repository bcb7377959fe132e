package cn.chanjiao.kit.events;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.kit.sample.SampleNotes;
import cn.chanjiao.kit.sample.SampleRaised;
import cn.chanjiao.testkit.engine.MessageBroker;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.kafka.TopicProbe;
import cn.chanjiao.testkit.spring.ServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class OutboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SampleNotes notes;
    @Autowired
    IntegrationEvents events;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final MessageBroker kafka = TestEngines.kafka();

    @Test
    void anEventRaisedInACommittedTransactionReachesKafkaInItsEnvelopeKeyedByAggregate() {
        SampleRaised event = notes.write("committed", false);

        List<ConsumerRecord<String, String>> records = published(event, Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        JsonNode envelope = JSON.readTree(records.get(0).value());
        assertThat(envelope.path("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(envelope.path("type").asString()).isEqualTo("KitSampleRaised");
        assertThat(envelope.path("version").asInt()).isEqualTo(1);
        assertThat(envelope.path("aggregateId").asString()).isEqualTo(event.noteId());
        assertThat(envelope.path("source").asString()).isEqualTo("kit-sample");
        assertThat(envelope.path("payload").path("text").asString()).isEqualTo("committed");
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(event));
    }

    @Test
    void anEventRaisedInARolledBackTransactionNeverReachesKafka() {
        assertThatThrownBy(() -> notes.write("rolled back", true)).hasMessageContaining("on purpose");
        SampleRaised marker = notes.write("written after the rollback", false);

        // the marker's arrival shows the outbox ran; nothing of the rolled-back transaction was sent
        assertThat(published(marker, Duration.ofSeconds(30))).hasSize(1);
        assertThat(TopicProbe.records(kafka.bootstrapServers(), Topics.NOTIFICATION,
                record -> record.value().contains("\"rolled back\""), Duration.ofSeconds(3), 1)).isEmpty();
        assertThat(notes.count("rolled back")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                Integer.class, "%rolled back%")).isZero();
    }

    @Test
    void anEventWhoseSendFailedIsPublishedAfterTheBrokerReturnsAndReadinessFollowsTheBroker() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        SampleRaised event;
        kafka.stop();
        try {
            event = notes.write("while the broker is down", false);
            await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(event) > 0);
            assertThat(completed(event)).isFalse();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/actuator/health/readiness").send().status() == 503);
            assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        } finally {
            kafka.start();
        }

        // delivery is at least once: a send that timed out may still have landed, so the record may
        // arrive more than once; the idempotent listener applies it once
        assertThat(published(event, Duration.ofSeconds(60))).isNotEmpty()
                .allSatisfy(record -> assertThat(record.value()).contains(event.eventId().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> completed(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(event) == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/actuator/health/readiness").send().status() == 200);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnceByAnIdempotentListener() throws Exception {
        SampleRaised event = notes.write("delivered twice", false);
        ConsumerRecord<String, String> original = published(event, Duration.ofSeconds(30)).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(event) == 1);

        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.NOTIFICATION, original.key(), original.value())).get();
        }
        SampleRaised later = notes.write("after the duplicate", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(later) == 1);

        assertThat(seen(event)).isEqualTo(1);
    }

    @Test
    void publishingOutsideATransactionIsRefusedRatherThanLost() {
        assertThatThrownBy(() -> events.publish(new SampleRaised(UUID.randomUUID(), Instant.now(), "n", "t")))
                .isInstanceOf(IllegalStateException.class);
    }

    private List<ConsumerRecord<String, String>> published(SampleRaised event, Duration wait) {
        return TopicProbe.records(kafka.bootstrapServers(), Topics.NOTIFICATION,
                record -> event.noteId().equals(record.key()), wait, 1);
    }

    private boolean completed(SampleRaised event) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select bool_and(completion_date is not null) from event_publication where serialized_event like ?",
                Boolean.class, "%" + event.eventId() + "%"));
    }

    private int failedAttempts(SampleRaised event) {
        Integer attempts = jdbc.queryForObject("""
                select coalesce(max(completion_attempts), 0) from event_publication
                where serialized_event like ? and completion_date is null and status = 'FAILED'""",
                Integer.class, "%" + event.eventId() + "%");
        return attempts == null ? 0 : attempts;
    }

    private int seen(SampleRaised event) {
        return jdbc.queryForObject("select count(*) from sample_seen where note_id = ?", Integer.class, event.noteId());
    }
}
