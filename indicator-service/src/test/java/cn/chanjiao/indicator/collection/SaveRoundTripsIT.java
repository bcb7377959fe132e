package cn.chanjiao.indicator.collection;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.indicator.support.SqlStatements;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collection window's hot path (issue 12): what a 40-value batch save sends PostgreSQL. Each
 * statement and the commit is a round trip; the save used to make ten (an Idempotency-Key lookup
 * and a platform read before its transaction, then lock, lookup again, upsert, version update, two
 * reads for the plausibility checks, the kept answer, commit). Not a timing: a count.
 */
class SaveRoundTripsIT extends IntegrationTestBase {

    @Autowired
    private SqlStatements statements;

    private PlatformApproved approved;
    private String user;
    private String values;
    private List<String> codes;

    @BeforeEach
    void aHangzhouCityConsortiumWithItsFirstSave() {
        Platforms platforms = Platforms.aHangzhouPracticeCentre("CITY_CONSORTIUM").named("往返计数联合体-" + UUID.randomUUID())
                .target("TRAINING_COURSES", 2024, "10");
        approved = platforms.build();
        publish(approved);
        await(() -> count("select count(*) from platform where id = ?", approved.platformId()) == 1, "the platform");
        user = platformUser(platforms.lead());
        values = BASE + "/platforms/" + approved.platformId() + "/years/2024/values";
        codes = new ArrayList<>();
        api.get("/api/v1/public/indicators/catalogues/HZ-PLATFORMS-2024/types/CITY_CONSORTIUM").send().json()
                .path("indicators").forEach(indicator -> {
                    if (!"DERIVED".equals(indicator.path("kind").asString())) {
                        codes.add(indicator.path("code").asString());
                    }
                });
        assertThat(codes).hasSizeGreaterThanOrEqualTo(40);
        ApiResponse first = save(batch(1), "\"0\"", UUID.randomUUID().toString());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
    }

    @Test
    void aFortyValueSaveIsFiveStatementsAndOneCommit() {
        AtomicReference<ApiResponse> saved = new AtomicReference<>();
        List<SqlStatements.Sent> sent = statements.record(() -> saved.set(save(batch(2), "\"1\"", UUID.randomUUID().toString())),
                thread -> thread.startsWith("http-"));

        assertThat(saved.get().status()).as(saved.get().toString()).isEqualTo(200);
        assertThat(saved.get().header("ETag")).contains("\"2\"");
        assertThat(saved.get().json().path("saved").asInt()).isEqualTo(40);
        assertThat(sent).as("what one save sent PostgreSQL: %s", sent).hasSize(6);
        assertThat(sent.stream().filter(entry -> entry.sql().equals("COMMIT"))).hasSize(1);
        assertThat(sent.get(0).sql()).as("the platform-year is locked first").contains("for update");
        assertThat(sent.get(5).sql()).isEqualTo("COMMIT");
        assertThat(count("select count(*) from indicator_value v join platform_year y on y.id = v.platform_year_id "
                + "where y.platform_id = ? and y.year = 2024", approved.platformId())).isEqualTo(40);
    }

    @Test
    void aRetriedSaveIsAnsweredFromItsKeptAnswerWithoutWriting() {
        String key = UUID.randomUUID().toString();
        ApiResponse saved = save(batch(3), "\"1\"", key);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        AtomicReference<ApiResponse> replayed = new AtomicReference<>();
        List<SqlStatements.Sent> sent = statements.record(() -> replayed.set(save(batch(3), "\"1\"", key)),
                thread -> thread.startsWith("http-"));

        assertThat(replayed.get().header("Idempotent-Replayed")).contains("true");
        assertThat(replayed.get().json().path("version").asLong()).isEqualTo(2);
        assertThat(sent).as("a replay locks, finds the answer and writes nothing: %s", sent)
                .noneMatch(entry -> entry.sql().startsWith("with written") || entry.sql().startsWith("insert"));
    }

    private Map<String, Object> batch(int marker) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(i % 10 == 0
                    ? Map.of("code", codes.get(i), "value", marker + i, "evidence", List.of(Map.of("attachmentId", "att-" + i,
                            "name", "佐证.pdf")))
                    : value(codes.get(i), marker + i));
        }
        return Map.of("values", entries);
    }

    private ApiResponse save(Map<String, Object> batch, String ifMatch, String key) {
        return api.put(values).bearer(user).header("If-Match", ifMatch).header("Idempotency-Key", key).json(batch).send();
    }
}
