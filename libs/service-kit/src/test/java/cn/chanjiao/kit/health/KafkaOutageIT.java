package cn.chanjiao.kit.health;

import cn.chanjiao.testkit.engine.KraftBroker;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose Kafka broker goes away says it is not ready (readiness names {@code kafka} as
 * down), stays alive, and is ready again when the broker returns. A broker of its own, so that the
 * other tests' shared one keeps running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaOutageIT {

    private static final KraftBroker KAFKA = startBroker();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        var postgres = TestEngines.postgres();
        postgres.createDatabaseIfMissing("kafka_outage");
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl("kafka_outage"));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("chanjiao.keycloak.url", () -> TestJwtIssuer.get().baseUrl());
    }

    @AfterAll
    static void stop() {
        KAFKA.stop();
    }

    @Test
    void readinessFollowsTheBrokerWhileLivenessStaysUp() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);

        KAFKA.stop();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/actuator/health/readiness").send().status() == 503);
            assertThat(api.get("/actuator/health/readiness").send().body()).contains("kafka").contains("DOWN");
            assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        } finally {
            KAFKA.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/actuator/health/readiness").send().status() == 200);
    }

    private static KraftBroker startBroker() {
        try {
            KraftBroker broker = new KraftBroker(0, 0, Files.createTempDirectory("outage-kafka-"));
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
