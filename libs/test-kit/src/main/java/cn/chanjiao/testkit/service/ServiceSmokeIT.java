package cn.chanjiao.testkit.service;

import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.openapi.OpenApiDocuments;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import cn.chanjiao.testkit.spring.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must show on real PostgreSQL and Kafka: it boots, its database is migrated,
 * it is ready, it publishes its OpenAPI, and its API answers 200/401/403/400 as the platform's
 * rules say. A service's test extends this and adds nothing but its name.
 */
@ServiceIntegrationTest
public abstract class ServiceSmokeIT {

    /** springdoc builds a document on its first request: a minute and more for a large service on a loaded machine. */
    private static final Duration OPENAPI_TIMEOUT = Duration.ofMinutes(3);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${chanjiao.service.api-base-path}")
    String apiBase;
    @Value("${chanjiao.service.area}")
    String area;
    @Value("${spring.application.name}")
    String serviceName;

    protected ApiClient api;
    protected final TestJwtIssuer tokens = TestJwtIssuer.get();

    @BeforeEach
    void connect() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void itsOwnDatabaseIsMigratedToAtLeastVersionOne() {
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '1' and success",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name in "
                + "('event_publication', 'processed_event', 'shedlock')", Integer.class)).isEqualTo(3);
    }

    @Test
    void itIsLiveAndReadyWithDatabaseAndKafkaUp() {
        ApiResponse readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").send().json().path("components").propertyNames()).contains("db", "kafka");
    }

    @Test
    void itPublishesItsOpenApiWithTheBearerScheme() {
        ApiResponse docs = api.get("/v3/api-docs").timeout(OPENAPI_TIMEOUT).send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(docs.json().path("paths").propertyNames()).contains(apiBase + "/admin/event-publications");
    }

    /**
     * The published contract: {@code docs/api/<service>.json} is what the service serves. After changing
     * the API, regenerate it with {@code -Dchanjiao.openapi.write=true} (see {@link OpenApiDocuments})
     * and commit the diff.
     */
    @Test
    void itServesExactlyTheOpenApiDocumentCommittedUnderDocsApi() {
        ApiResponse docs = api.get("/v3/api-docs").timeout(OPENAPI_TIMEOUT).send();
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        String served = OpenApiDocuments.canonical(docs.body());
        Path committed = OpenApiDocuments.committed(serviceName);
        if (OpenApiDocuments.writeRequested()) {
            OpenApiDocuments.write(committed, served);
        }
        Optional<String> current = OpenApiDocuments.read(committed);
        assertThat(current).as("%s is missing: run this test with -D%s=true to write it", committed,
                OpenApiDocuments.WRITE_PROPERTY).isPresent();
        assertThat(OpenApiDocuments.firstDifference(current.get(), served))
                .as("%s is not the document the service serves: if the change is intended, run this test with "
                        + "-D%s=true and commit the file", committed, OpenApiDocuments.WRITE_PROPERTY)
                .isEmpty();
        assertThat(served).as("no server URL with this run's port").doesNotContainPattern("https?://(127\\.0\\.0\\.1|localhost):");
    }

    @Test
    void itsApiAnswersByTheTokensRole() {
        String path = apiBase + "/admin/event-publications";

        assertThat(api.get(path).bearer(tokens.user("root").roles("platform-admin").mint()).send().status()).isEqualTo(200);
        assertThat(api.get(path).send().isProblem(401)).isTrue();
        assertThat(api.get(path).bearer(tokens.user("someone").roles("applicant").mint()).send().isProblem(403)).isTrue();
        assertThat(api.get(path + "?olderThan=soon").bearer(tokens.user("root").roles("platform-admin").mint())
                .send().isProblem(400)).isTrue();
    }

    @Test
    void itsPublicAreaNeedsNoToken() {
        ApiResponse response = api.get("/api/v1/public/" + area + "/no-such-thing").send();
        assertThat(response.isProblem(404)).as(response.toString()).isTrue();
    }
}
