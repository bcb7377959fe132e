package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookups other services make through Feign, search for admins and integrators, and who may make them. */
class OrganisationLookupIT extends IdentityIntegrationTest {

    private static final String ORGANISATIONS = "/api/v1/identity/organisations";

    @Test
    void aServiceFindsAnOrganisationByIdAndByEitherCode() {
        String uscc = TestCodes.uscc();
        String schoolCode = TestCodes.schoolCode();
        JsonNode enterprise = register(Requests.enterpriseRegistration(uscc, TestCodes.username("code")));
        JsonNode school = register(Requests.schoolRegistration(schoolCode, TestCodes.username("code")));
        String id = enterprise.path("organisation").path("id").asString();

        assertThat(api.get(ORGANISATIONS + "/" + id).bearer(service()).send().json().path("uscc").asString()).isEqualTo(uscc);
        assertThat(api.get(ORGANISATIONS + "/by-code/" + uscc).bearer(service()).send().json().path("id").asString()).isEqualTo(id);
        assertThat(api.get(ORGANISATIONS + "/by-code/" + schoolCode).bearer(service()).send().json().path("id").asString())
                .isEqualTo(school.path("organisation").path("id").asString());
        assertThat(api.get(ORGANISATIONS + "/by-code/" + TestCodes.uscc()).bearer(service()).send().isProblem(404)).isTrue();
        assertThat(api.get(ORGANISATIONS + "/" + UUID.randomUUID()).bearer(service()).send().isProblem(404)).isTrue();
    }

    @Test
    void aServiceReadsManyAtOnceInTheOrderAskedSkippingUnknownIds() {
        UUID first = registerEnterprise();
        UUID second = registerHangzhouSchool();

        ApiResponse batch = api.post(ORGANISATIONS + "/batch").bearer(service())
                .json(Map.of("ids", List.of(second, UUID.randomUUID(), first))).send();

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.json().size()).isEqualTo(2);
        assertThat(batch.json().get(0).path("id").asString()).isEqualTo(second.toString());
        assertThat(batch.json().get(1).path("id").asString()).isEqualTo(first.toString());
    }

    @Test
    void theBatchIsForServicesAndBoundedInSize() {
        List<UUID> tooMany = new ArrayList<>();
        IntStream.range(0, 201).forEach(i -> tooMany.add(UUID.randomUUID()));
        UUID own = registerEnterprise();

        ApiResponse applicant = api.post(ORGANISATIONS + "/batch").bearer(applicant(own)).json(Map.of("ids", List.of(own))).send();
        ApiResponse big = api.post(ORGANISATIONS + "/batch").bearer(service()).json(Map.of("ids", tooMany)).send();

        assertThat(applicant.isProblem(403)).isTrue();
        assertThat(big.isProblem(400)).isTrue();
        assertThat(fields(big)).containsExactly("ids");
    }

    @Test
    void searchFindsByNameAndPagesWithATotal() {
        String marker = "检索" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("page"));
            Requests.set(body, "organisation.name", marker + " 第" + i + "家企业");
            register(body);
        }
        String q = URLEncoder.encode(marker, StandardCharsets.UTF_8);

        JsonNode page0 = api.get(ORGANISATIONS + "?q=" + q + "&size=2").bearer(platformAdmin()).send().json();
        JsonNode page1 = api.get(ORGANISATIONS + "?q=" + q + "&size=2&page=1").bearer(platformAdmin()).send().json();

        assertThat(page0.path("totalItems").asLong()).isEqualTo(3);
        assertThat(page0.path("totalPages").asInt()).isEqualTo(2);
        assertThat(page0.path("items").size()).isEqualTo(2);
        assertThat(page1.path("items").size()).isEqualTo(1);
        assertThat(page0.path("items").get(0).path("name").asString()).endsWith("第0家企业");
    }

    @Test
    void updatedSinceListsChangesOldestFirstForIncrementalSync() throws Exception {
        Instant since = Instant.now().minusMillis(500);
        UUID first = registerEnterprise();
        UUID second = registerEnterprise();
        verify(first, "140000");

        JsonNode changed = api.get(ORGANISATIONS + "?updatedSince=" + since + "&size=200").bearer(service()).send().json();

        List<String> ids = new ArrayList<>();
        changed.path("items").forEach(item -> ids.add(item.path("id").asString()));
        assertThat(ids).containsSubsequence(second.toString(), first.toString());
        Instant later = Instant.now().plusSeconds(60);
        assertThat(api.get(ORGANISATIONS + "?updatedSince=" + later).bearer(service()).send().json().path("totalItems").asLong()).isZero();
    }

    @Test
    void anIntegrationClientReadsOnlyItsProvince() {
        UUID taiyuan = registerEnterprise();
        UUID hangzhou = registerHangzhouSchool();
        String zhejiang = integration("330000");

        assertThat(api.get(ORGANISATIONS + "/" + hangzhou).bearer(zhejiang).send().status()).isEqualTo(200);
        assertThat(api.get(ORGANISATIONS + "/" + taiyuan).bearer(zhejiang).send().isProblem(403)).isTrue();
        JsonNode all = api.get(ORGANISATIONS + "?size=200").bearer(zhejiang).send().json();
        assertThat(all.path("totalItems").asLong()).isPositive();
        all.path("items").forEach(item -> assertThat(item.path("region").path("provinceCode").asString()).isEqualTo("330000"));
        assertThat(api.get(ORGANISATIONS + "?province=140000").bearer(zhejiang).send().isProblem(403)).isTrue();
        assertThat(api.get(ORGANISATIONS + "?city=330100").bearer(zhejiang).send().status()).isEqualTo(200);
    }

    @Test
    void aCityProgrammeAdminSearchesItsCityOnly() {
        registerHangzhouSchool();
        registerEnterprise();
        String hangzhou = programmeAdmin("330100");

        JsonNode found = api.get(ORGANISATIONS + "?size=200").bearer(hangzhou).send().json();

        assertThat(found.path("totalItems").asLong()).isPositive();
        found.path("items").forEach(item -> assertThat(item.path("region").path("cityCode").asString()).isEqualTo("330100"));
        assertThat(api.get(ORGANISATIONS + "?city=330200").bearer(hangzhou).send().isProblem(403)).isTrue();
        assertThat(api.get(ORGANISATIONS + "?province=330000").bearer(hangzhou).send().isProblem(403)).isTrue();
    }

    @Test
    void applicantsDoNotSearchOrganisations() {
        UUID own = registerEnterprise();

        assertThat(api.get(ORGANISATIONS).bearer(applicant(own)).send().isProblem(403)).isTrue();
        assertThat(api.get(ORGANISATIONS).bearer(orgAdmin(own)).send().isProblem(403)).isTrue();
    }

    @Test
    void badSearchParametersAre400NamingThem() {
        ApiResponse kind = api.get(ORGANISATIONS + "?kind=COMPANY").bearer(service()).send();
        ApiResponse size = api.get(ORGANISATIONS + "?size=500").bearer(service()).send();
        ApiResponse since = api.get(ORGANISATIONS + "?updatedSince=yesterday").bearer(service()).send();

        assertThat(kind.isProblem(400)).isTrue();
        assertThat(fields(kind)).containsExactly("kind");
        assertThat(size.isProblem(400)).as(size.toString()).isTrue();
        assertThat(since.isProblem(400)).as(since.toString()).isTrue();
        assertThat(since.json().path("detail").asString()).contains("updatedSince");
    }

    @Test
    void searchByKindAndRegionCombines() {
        registerHangzhouSchool();

        JsonNode found = api.get(ORGANISATIONS + "?kind=VOCATIONAL_SCHOOL&district=330110&size=200").bearer(service()).send().json();

        assertThat(found.path("totalItems").asLong()).isPositive();
        found.path("items").forEach(item -> {
            assertThat(item.path("kind").asString()).isEqualTo("VOCATIONAL_SCHOOL");
            assertThat(item.path("region").path("districtName").asString()).isEqualTo("余杭区");
        });
    }
}
