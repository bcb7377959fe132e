package cn.chanjiao.kit.health;

import cn.chanjiao.testkit.engine.EmbeddedPostgresServer;
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

/** A service whose database goes away says it is not ready, stays alive, and is ready again when it returns. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

    private static final Path DATA = dataDirectory();
    private static EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, DATA);
    private static final int PORT = postgres.port();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        postgres.createDatabaseIfMissing("outage");
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl("outage"));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", () -> TestEngines.kafka().bootstrapServers());
        registry.add("chanjiao.keycloak.url", () -> TestJwtIssuer.get().baseUrl());
    }

    @AfterAll
    static void stop() {
        postgres.stop();
    }

    @Test
    void readinessFollowsTheDatabaseWhileLivenessStaysUp() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);

        postgres.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health/readiness").send().status() == 503);
            assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        } finally {
            postgres = EmbeddedPostgresServer.start(PORT, DATA);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/actuator/health/readiness").send().status() == 200);
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory("outage-pg-").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
