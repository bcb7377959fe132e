package cn.chanjiao.indicator.catalogue;

import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueApiIT extends IntegrationTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    Catalogues catalogues;

    @Test
    void theCataloguesAreLoadedIntoTheDatabaseOnFirstStartAndASecondStartLeavesThemAlone() {
        catalogues.afterSingletonsInstantiated();
        assertThat(count("select count(*) from catalogue")).isEqualTo(4);
        assertThat(jdbc.queryForList("select programme_code from catalogue order by programme_code", String.class))
                .containsExactly("HZ-PLATFORMS-2024", "MOE-CITY-CONSORTIUM-2023", "MOE-INDUSTRY-COMMUNITY-2023",
                        "SX-INDUSTRY-COMMUNITY-2023");
    }

    @Test
    void anyoneReadsTheCataloguesWithTheirSizes() {
        ApiResponse list = api.get("/api/v1/public/indicators/catalogues").send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json()).hasSize(4);
        JsonNode hangzhou = null;
        for (JsonNode programme : list.json()) {
            if (programme.path("programmeCode").asString().equals("HZ-PLATFORMS-2024")) {
                hangzhou = programme;
            }
        }
        assertThat(hangzhou).isNotNull();
        assertThat(hangzhou.path("platformTypes")).hasSize(5);
        assertThat(hangzhou.path("collection").path("opens").asString()).isEqualTo("11-01");
    }

    @Test
    void aPracticeCentreTypeListsTheKeyIndicatorsOfItsCentreType() {
        ApiResponse school = api.get(BASE + "/catalogues/HZ-PLATFORMS-2024/types/PRACTICE_CENTER_SCHOOL?centreType=SECONDARY_VOCATIONAL_SCHOOL")
                .bearer(platformAdmin()).send();
        assertThat(school.status()).as(school.toString()).isEqualTo(200);
        assertThat(school.json().path("keyIndicators").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("TRAINING_COURSES", "TRAINING_TEXTBOOKS", "TRAINING_INCOME");
        ApiResponse enterprise = api.get("/api/v1/public/indicators/catalogues/HZ-PLATFORMS-2024/types/PRACTICE_CENTER_ENTERPRISE").send();
        assertThat(enterprise.json().path("centreType").asString()).isEqualTo("ENTERPRISE");
        assertThat(enterprise.json().path("keyIndicators")).hasSize(3);
    }

    @Test
    void anUnknownProgrammeOrTypeIsAClear404() {
        assertThat(api.get("/api/v1/public/indicators/catalogues/NOPE").send().isProblem(404)).isTrue();
        ApiResponse type = api.get("/api/v1/public/indicators/catalogues/HZ-PLATFORMS-2024/types/NOPE").english().send();
        assertThat(type.isProblem(404)).isTrue();
        assertThat(type.json().path("detail").asString()).contains("has no platform type NOPE");
    }
}
