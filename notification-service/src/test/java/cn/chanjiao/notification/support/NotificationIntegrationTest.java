package cn.chanjiao.notification.support;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import cn.chanjiao.testkit.spring.RealEnginesInitializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole service on a random port, on real PostgreSQL and Kafka, with its peers (WireMock,
 * GreenMail) and a movable clock. Every integration test of the module extends this, so they share
 * one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { RealEnginesInitializer.class, NotificationTestConfiguration.Initializer.class })
@Import(NotificationTestConfiguration.class)
public abstract class NotificationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MovableClock clock;

    protected ApiClient api;
    protected final TestJwtIssuer tokens = TestJwtIssuer.get();
    protected final Peers peers = Peers.instance();

    @BeforeEach
    void connect() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    /** Publishes an event as a producer's outbox would: an envelope on the event's topic, keyed by its aggregate. */
    protected void publish(IntegrationEvent event) {
        byte[] value = JSON.writeValueAsBytes(EventEnvelope.wrap(event, "test"));
        try {
            producer().send(new ProducerRecord<>(EventTypes.topicOf(event.getClass()), event.aggregateId(), value))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestEngines.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @AfterAll
    static void closeProducer() {
        synchronized (NotificationIntegrationTest.class) {
            if (producer != null) {
                producer.close();
                producer = null;
            }
        }
    }

    /** A person's token whose subject is the identity-service user id. */
    protected String tokenOf(Map<String, Object> user) {
        return tokens.user(String.valueOf(user.get("username"))).subject(String.valueOf(user.get("id")))
                .roles("applicant").mint();
    }

    protected int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
