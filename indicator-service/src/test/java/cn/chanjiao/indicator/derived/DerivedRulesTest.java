package cn.chanjiao.indicator.derived;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.CatalogueFiles;
import cn.chanjiao.indicator.platform.Platform;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedRulesTest {

    private static final List<Catalogue> CATALOGUES = CatalogueFiles.read(JsonMapper.builder().build(),
            Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void membersGiveDiversityAndTheirSpreadAcrossProvincesAndCities() {
        Catalogue.TypeCatalogue shanxi = type("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY");
        Platform platform = platform("140105");
        List<Platform.Member> members = List.of(member("ENTERPRISE", "140000", "140100", "140105"),
                member("VOCATIONAL_SCHOOL", "140000", "140100", "140106"), member("UNIVERSITY", "140000", "140200", "140202"),
                member("RESEARCH_INSTITUTE", "110000", "110100", "110108"), member("RESEARCH_INSTITUTE", "110000", "110100", null));
        Map<String, BigDecimal> values = DerivedRules.compute(shanxi, platform, members, DerivedRules.Reports.NONE,
                DerivedRules.TechDemands.NONE);
        assertThat(values.get("MEMBER_COUNT")).isEqualByComparingTo("5");
        assertThat(values.get("MEMBER_TYPES")).isEqualByComparingTo("4");
        assertThat(values.get("MEMBER_PROVINCES")).isEqualByComparingTo("2");
        assertThat(values.get("MEMBER_CITIES")).isEqualByComparingTo("3");
        assertThat(values.get("MEMBERS_OUTSIDE_LEAD_PROVINCE")).isEqualByComparingTo("2");
        assertThat(values.get("MEMBERS_OUTSIDE_LEAD_CITY")).isEqualByComparingTo("3");
        assertThat(values.get("REPORT_TIMELINESS_RATE")).isNull();
    }

    @Test
    void reportsGiveTimelinessAndTechDemandsTheirUndertakingsAndCompletions() {
        Catalogue.TypeCatalogue shanxi = type("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY");
        Map<String, BigDecimal> values = DerivedRules.compute(shanxi, platform("140105"), List.of(),
                new DerivedRules.Reports(3, 2, 0, 1), new DerivedRules.TechDemands(4, 1));
        assertThat(values.get("REPORTS_DUE")).isEqualByComparingTo("3");
        assertThat(values.get("REPORTS_ON_TIME")).isEqualByComparingTo("2");
        assertThat(values.get("REPORTS_MISSING")).isEqualByComparingTo("1");
        assertThat(values.get("REPORT_TIMELINESS_RATE")).isEqualByComparingTo("66.7");
        assertThat(values.get("TECH_DEMANDS_UNDERTAKEN")).isEqualByComparingTo("4");
        assertThat(values.get("TECH_DEMANDS_COMPLETED")).isEqualByComparingTo("1");
    }

    @Test
    void consortiaCountTheirMembersByType() {
        Catalogue.TypeCatalogue consortium = type("MOE-CITY-CONSORTIUM-2023", "CITY_CONSORTIUM");
        Map<String, BigDecimal> values = DerivedRules.compute(consortium, platform("320500"),
                List.of(member("SECONDARY_VOCATIONAL_SCHOOL", "320000", "320500", null),
                        member("SECONDARY_VOCATIONAL_SCHOOL", "320000", "320500", null), member("ENTERPRISE", "320000", "320500", null)),
                DerivedRules.Reports.NONE, DerivedRules.TechDemands.NONE);
        assertThat(values.get("MEMBERS_SECONDARY_VOCATIONAL")).isEqualByComparingTo("2");
        assertThat(values.get("MEMBERS_ENTERPRISE")).isEqualByComparingTo("1");
        assertThat(values.get("MEMBERS_UNDERGRADUATE")).isEqualByComparingTo("0");
    }

    private static Platform.Member member(String type, String province, String city, String district) {
        return new Platform.Member(UUID.randomUUID(), type, "PARTICIPANT", type, null, province, city, district);
    }

    private static Platform platform(String region) {
        return new Platform(UUID.randomUUID(), "X", UUID.randomUUID(), "INDUSTRY_COMMUNITY", "平台", UUID.randomUUID(), List.of(),
                region, region, List.of(2024), null, null, "ACTIVE", Instant.now());
    }

    private static Catalogue.TypeCatalogue type(String programme, String type) {
        return CATALOGUES.stream().filter(c -> c.programme().code().equals(programme)).findFirst().orElseThrow()
                .type(type).orElseThrow();
    }
}
