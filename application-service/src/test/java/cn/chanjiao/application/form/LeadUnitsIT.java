package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Lead units are checked against identity-service through Feign; when it cannot answer, nothing is saved. */
class LeadUnitsIT extends IntegrationTestBase {

    private static final String NATIONAL = "MOE-INDUSTRY-COMMUNITY-2023";

    private FormDriver nationalCommunityDraft(UUID enterprise) {
        clock.setBeijing("2023-08-01T09:00:00");
        FormDriver form = new FormDriver(api, applicant(enterprise));
        assertThat(form.create(programmeId(NATIONAL), PlatformType.INDUSTRY_COMMUNITY).status()).isEqualTo(201);
        return form;
    }

    private String leads(UUID enterprise, UUID university, UUID school) {
        return "{\"leadUnits\":[{\"role\":\"ENTERPRISE\",\"organisationId\":\"" + enterprise + "\"},"
                + "{\"role\":\"UNIVERSITY\",\"organisationId\":\"" + university + "\"},"
                + "{\"role\":\"VOCATIONAL_SCHOOL\",\"organisationId\":\"" + school + "\"}]}";
    }

    @Test
    void verifiedLeadsOfTheRightKindsWithTheRequiredRightsAreSavedWithWhatIdentityServiceSaysOfThem() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("140105").register();
        UUID university = identity.organisation("UNIVERSITY").name("太原理工大学").region("140105")
                .with("masterDegreeRights", true).with("doctoralDegreeRights", true).register();
        UUID school = identity.organisation("VOCATIONAL_SCHOOL").region("140105")
                .with("independentTrainingInstitution", true).register();
        FormDriver form = nationalCommunityDraft(enterprise);

        ApiResponse saved = form.put("lead-units", leads(enterprise, university, school));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("leadUnits").get(1).path("name").asString()).isEqualTo("太原理工大学");
        assertThat(saved.json().path("leadUnits").get(1).path("attributes").toString())
                .contains("masterDegreeRights", "doctoralDegreeRights");
        identity.server().verify(getRequestedFor(urlPathMatching("/api/v1/identity/organisations/.*"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void aUniversityWithoutDoctoralRightsIsRefusedForTheNationalCommunity() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("140105").register();
        UUID university = identity.organisation("UNIVERSITY").name("某学院").region("140105")
                .with("masterDegreeRights", true).register();
        UUID school = identity.organisation("VOCATIONAL_SCHOOL").region("140105")
                .with("independentTrainingInstitution", true).register();
        FormDriver form = nationalCommunityDraft(enterprise);

        ApiResponse refused = form.put("lead-units", leads(enterprise, university, school));

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("detail").asString()).isEqualTo("某学院不具备牵头高水平高等学校所要求的条件：博士学位授予权。");
        assertThat(form.get().json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void leadsOfTheWrongKindOrCountUnknownOrUnverifiedAreRefusedEachNamed() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("140105").register();
        UUID institute = identity.organisation("RESEARCH_INSTITUTE").region("140105").register();
        UUID pending = identity.organisation("VOCATIONAL_SCHOOL").status("PENDING").region("140105")
                .with("independentTrainingInstitution", true).register();
        FormDriver form = nationalCommunityDraft(enterprise);

        ApiResponse wrong = form.put("lead-units", leads(enterprise, institute, pending));
        ApiResponse unknown = form.put("lead-units", "{\"leadUnits\":[{\"role\":\"UNIVERSITY\",\"organisationId\":\""
                + UUID.randomUUID() + "\"}]}");
        ApiResponse tooMany = form.put("lead-units", "{\"leadUnits\":[{\"role\":\"ENTERPRISE\",\"organisationId\":\""
                + enterprise + "\"},{\"role\":\"ENTERPRISE\",\"organisationId\":\"" + institute + "\"}]}");

        assertThat(wrong.isProblem(400)).isTrue();
        assertThat(wrong.json().path("errors").valueStream().map(e -> e.path("code").asString()).toList())
                .containsExactly("rule.lead.kind", "rule.lead.attribute", "rule.lead.attribute", "rule.lead.notVerified");
        assertThat(unknown.json().path("type").asString()).endsWith("rule.lead.notFound");
        assertThat(tooMany.json().path("type").asString()).endsWith("rule.lead.tooMany");
        assertThat(form.get().json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aLeadOutsideHangzhouIsRefusedForAHangzhouCommunity() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("330106").register();
        UUID ningbo = identity.organisation("UNIVERSITY").name("宁波某大学").region("330206").register();
        FormDriver form = new FormDriver(api, applicant(enterprise));
        form.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.INDUSTRY_COMMUNITY);

        ApiResponse refused = form.put("lead-units", "{\"leadUnits\":[{\"role\":\"ENTERPRISE\",\"organisationId\":\""
                + enterprise + "\"},{\"role\":\"SCHOOL\",\"organisationId\":\"" + ningbo + "\"}]}");

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("detail").asString()).isEqualTo("宁波某大学不在杭州市范围内，不能担任牵头单位。");
    }

    @Test
    void whenIdentityServiceIsDownSavingLeadsIsAClear503AndNothingIsHalfSaved() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("140105").register();
        FormDriver form = nationalCommunityDraft(enterprise);
        identity.down();

        ApiResponse unavailable = form.put("lead-units", leads(enterprise, UUID.randomUUID(), UUID.randomUUID()));

        assertThat(unavailable.isProblem(503)).as(unavailable.toString()).isTrue();
        assertThat(unavailable.json().path("type").asString()).isEqualTo("urn:chanjiao:problem:identity.unavailable");
        assertThat(unavailable.header("Retry-After")).isPresent();
        identity.reset();
        identity.organisation("ENTERPRISE");
        assertThat(jdbc.queryForObject("select version from application where id = ?::uuid", Long.class, form.id()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select jsonb_array_length(form -> 'leadUnits') from application where id = ?::uuid",
                Integer.class, form.id())).isEqualTo(1);
    }

    @Test
    void whenIdentityServiceIsDownNoDraftIsCreated() {
        UUID enterprise = UUID.randomUUID();
        identity.failing();
        long before = jdbc.queryForObject("select count(*) from application", Long.class);

        ApiResponse unavailable = new FormDriver(api, applicant(enterprise)).create(programmeId("HZ-PLATFORMS-2024"),
                PlatformType.PRACTICE_CENTER_ENTERPRISE);

        assertThat(unavailable.isProblem(503)).as(unavailable.toString()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from application", Long.class)).isEqualTo(before);
    }
}
