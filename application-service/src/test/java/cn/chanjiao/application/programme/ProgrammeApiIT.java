package cn.chanjiao.application.programme;

import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeApiIT extends IntegrationTestBase {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theFourPresetsAreLoadedOnFirstStartAndPublishedWithoutAToken() {
        ApiResponse list = api.get("/api/v1/public/programmes").send();

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().valueStream().map(p -> p.path("code").asString()).toList()).contains(
                "MOE-INDUSTRY-COMMUNITY-2023", "SX-INDUSTRY-COMMUNITY-2023", "MOE-CITY-CONSORTIUM-2023", "HZ-PLATFORMS-2024");
        assertThat(jdbc.queryForObject("select count(*) from programme where preset", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("""
                select jsonb_array_length(definition -> 'platformTypes' -> 0 -> 'indicators') from programme
                where code = 'MOE-CITY-CONSORTIUM-2023'""", Integer.class)).isEqualTo(41);
    }

    @Test
    void aPublicProgrammeShowsItsRulesAndWhetherRegistrationIsOpenOnTheClocksDay() {
        clock.setBeijing("2024-05-15T23:59:00");
        ApiResponse open = api.get("/api/v1/public/programmes/" + programmeId("HZ-PLATFORMS-2024")).send();
        clock.setBeijing("2024-05-16T00:00:01");
        ApiResponse closed = api.get("/api/v1/public/programmes/" + programmeId("HZ-PLATFORMS-2024")).send();

        assertThat(open.json().path("registration").path("open").asBoolean()).isTrue();
        assertThat(open.json().path("registration").path("closesOn").asString()).isEqualTo("2024-05-15");
        assertThat(closed.json().path("registration").path("open").asBoolean()).isFalse();
        assertThat(open.json().path("definition").path("platformTypes").size()).isEqualTo(5);
        assertThat(open.header("ETag")).isEmpty();
    }

    @Test
    void anUnknownPublicProgrammeIsANotFoundProblem() {
        assertThat(api.get("/api/v1/public/programmes/" + UUID.randomUUID()).send().isProblem(404)).isTrue();
    }

    @Test
    void aProgrammeAdminCreatesAProgrammeForItsAuthorityAndNobodyElseSeesItUnpublished() throws Exception {
        ObjectNode definition = copyOfPreset("HZ-PLATFORMS-2024", "HZ-TEST-" + suffix());

        ApiResponse created = api.post("/api/v1/programmes").bearer(programmeAdmin("330100"))
                .json(request(definition, false)).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).contains("\"1\"");
        String id = created.json().path("id").asString();
        assertThat(api.get("/api/v1/programmes/" + id).bearer(programmeAdmin("330100")).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/programmes/" + id).bearer(applicant(UUID.randomUUID())).send().isProblem(404)).isTrue();
        assertThat(api.get("/api/v1/public/programmes/" + id).send().isProblem(404)).isTrue();
    }

    @Test
    void aProgrammeAdminCannotCreateAProgrammeOfAnotherAuthority() throws Exception {
        ApiResponse refused = api.post("/api/v1/programmes").bearer(programmeAdmin("140000"))
                .json(request(copyOfPreset("HZ-PLATFORMS-2024", "HZ-OTHER-" + suffix()), true)).send();

        assertThat(refused.isProblem(403)).as(refused.toString()).isTrue();
    }

    @Test
    void anApplicantCannotCreateProgrammes() throws Exception {
        ApiResponse refused = api.post("/api/v1/programmes").bearer(applicant(UUID.randomUUID()))
                .json(request(copyOfPreset("HZ-PLATFORMS-2024", "HZ-APPL-" + suffix()), true)).send();

        assertThat(refused.isProblem(403)).isTrue();
    }

    @Test
    void aProgrammeWithAWindowClosingBeforeItOpensAndANonPositiveLimitIsRefusedNamingBoth() throws Exception {
        ObjectNode definition = copyOfPreset("HZ-PLATFORMS-2024", "HZ-BAD-" + suffix());
        ObjectNode window = (ObjectNode) definition.path("windows").get(0);
        window.put("opensOn", "2024-06-01");
        window.put("closesOn", "2024-05-01");
        ((ObjectNode) definition.path("platformTypes").get(0).path("sections").get(0)).put("maxChars", 0);

        ApiResponse refused = api.post("/api/v1/programmes").bearer(programmeAdmin("330100")).english()
                .json(request(definition, true)).send();

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("errors").toString()).contains("platformTypes[0].sections[0].maxChars");
        ApiResponse windows = api.post("/api/v1/programmes").bearer(programmeAdmin("330100")).english()
                .json(request(withMaxChars(definition), true)).send();
        assertThat(windows.isProblem(400)).as(windows.toString()).isTrue();
        assertThat(windows.json().path("detail").asString()).contains("cannot open (2024-06-01) after it closes (2024-05-01)");
        assertThat(windows.json().path("errors").get(0).path("field").asString()).isEqualTo("windows[0]");
    }

    @Test
    void aDuplicateProgrammeCodeIsAConflict() throws Exception {
        ApiResponse refused = api.post("/api/v1/programmes").bearer(platformAdmin())
                .json(request(copyOfPreset("HZ-PLATFORMS-2024", "HZ-PLATFORMS-2024"), true)).send();

        assertThat(refused.isProblem(409)).as(refused.toString()).isTrue();
    }

    @Test
    void editingAProgrammeNeedsTheVersionItWasReadAtAndAStaleVersionIsRefused() throws Exception {
        String code = "HZ-EDIT-" + suffix();
        ApiResponse created = api.post("/api/v1/programmes").bearer(programmeAdmin("330100"))
                .json(request(copyOfPreset("HZ-PLATFORMS-2024", code), true)).send();
        String id = created.json().path("id").asString();
        ObjectNode changed = (ObjectNode) created.json().path("definition").deepCopy();
        changed.put("noticeWorkingDays", 7);

        ApiResponse withoutVersion = api.put("/api/v1/programmes/" + id).bearer(programmeAdmin("330100"))
                .json(request(changed, true)).send();
        ApiResponse saved = api.put("/api/v1/programmes/" + id).bearer(programmeAdmin("330100"))
                .header("If-Match", "\"1\"").json(request(changed, true)).send();
        ApiResponse stale = api.put("/api/v1/programmes/" + id).bearer(programmeAdmin("330100"))
                .header("If-Match", "\"1\"").json(request(changed, false)).send();

        assertThat(withoutVersion.isProblem(428)).as(withoutVersion.toString()).isTrue();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.header("ETag")).contains("\"2\"");
        assertThat(saved.json().path("definition").path("noticeWorkingDays").asInt()).isEqualTo(7);
        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.header("ETag")).contains("\"2\"");
        assertThat(jdbc.queryForObject("select published from programme where id = ?::uuid", Boolean.class, id)).isTrue();
    }

    private ObjectNode copyOfPreset(String presetCode, String newCode) {
        JsonNode preset = api.get("/api/v1/public/programmes/" + programmeId(presetCode)).send().json();
        ObjectNode definition = (ObjectNode) preset.path("definition").deepCopy();
        definition.put("code", newCode);
        return definition;
    }

    private ObjectNode withMaxChars(ObjectNode definition) {
        ObjectNode copy = definition.deepCopy();
        ((ObjectNode) copy.path("platformTypes").get(0).path("sections").get(0)).put("maxChars", 200);
        return copy;
    }

    private String request(JsonNode definition, boolean published) {
        ObjectNode request = json.createObjectNode();
        request.set("definition", definition);
        request.put("published", published);
        return request.toString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
