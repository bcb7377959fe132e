package cn.chanjiao.indicator.support;

import cn.chanjiao.testkit.time.MutableClock;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.kafka.TopicProbe;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** What the integration tests of this module start from: a client, tokens, the clock, Kafka in and out. */
@IndicatorServiceTest
public abstract class IntegrationTestBase {

    public static final String BASE = "/api/v1/indicators";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;

    protected ApiClient api;
    protected final TestJwtIssuer tokens = TestJwtIssuer.get();

    @BeforeEach
    void startFromAKnownWorld() {
        api = new ApiClient("http://127.0.0.1:" + port);
        clock.set(IndicatorServiceTestConfiguration.DEFAULT_NOW);
    }

    /** Publishes an event as its producer would (an envelope on its topic, keyed by its aggregate). */
    protected void publish(IntegrationEvent event) {
        byte[] value = JSON.writeValueAsBytes(EventEnvelope.wrap(event, "test"));
        try {
            producer().send(new ProducerRecord<>(EventTypes.topicOf(event.getClass()), event.aggregateId(), value))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What reached a topic, matching the filter. */
    protected List<ConsumerRecord<String, String>> published(String topic, Predicate<ConsumerRecord<String, String>> filter,
            int enough) {
        return TopicProbe.records(TestEngines.kafka().bootstrapServers(), topic, filter, Duration.ofSeconds(20), enough);
    }

    protected static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    protected int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    protected String platformUser(UUID organisationId) {
        return tokens.user("user-" + organisationId.toString().substring(0, 8)).roles("applicant")
                .organisation(organisationId).mint();
    }

    protected String programmeAdmin(String authorityCode) {
        return tokens.user("admin-" + authorityCode).roles("programme-admin").authority(authorityCode)
                .department("education").mint();
    }

    protected String reviewer(String authorityCode) {
        return tokens.user("reviewer-" + authorityCode).roles("reviewer").authority(authorityCode).mint();
    }

    protected String platformAdmin() {
        return tokens.user("root").roles("platform-admin").mint();
    }

    protected static Map<String, Object> value(String code, Object value) {
        java.util.LinkedHashMap<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("code", code);
        entry.put("value", value);
        return entry;
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestEngines.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
