package cn.chanjiao.indicator.catalogue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueFilesTest {

    private static List<Catalogue> catalogues;

    @BeforeAll
    static void read() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        catalogues = CatalogueFiles.read(JsonMapper.builder().build(), validator);
    }

    @Test
    void holdsTheFourProgrammesOfTheDesignWithTheirPlatformTypes() {
        assertThat(catalogues).extracting(catalogue -> catalogue.programme().code()).containsExactly(
                "MOE-INDUSTRY-COMMUNITY-2023", "SX-INDUSTRY-COMMUNITY-2023", "MOE-CITY-CONSORTIUM-2023", "HZ-PLATFORMS-2024");
        assertThat(programme("HZ-PLATFORMS-2024").platformTypes()).extracting(Catalogue.TypeCatalogue::type).containsExactly(
                "CITY_CONSORTIUM", "INDUSTRY_COMMUNITY", "PRACTICE_CENTER_SCHOOL", "PRACTICE_CENTER_PUBLIC",
                "PRACTICE_CENTER_ENTERPRISE");
    }

    @Test
    void everyCatalogueKeepsTheRules() {
        catalogues.forEach(catalogue -> assertThat(CatalogueRules.check(catalogue)).as(catalogue.programme().code()).isEmpty());
    }

    @Test
    void communitiesMonitorTheSixDimensionsOfSeed000WithTheTwentyFivePlanTableIndicators() {
        Catalogue.TypeCatalogue shanxi = programme("SX-INDUSTRY-COMMUNITY-2023").type("INDUSTRY_COMMUNITY").orElseThrow();
        assertThat(shanxi.dimensions()).extracting(Catalogue.Dimension::name).containsExactly("全方位整合产教资源",
                "构建产教供需对接机制", "联合开展人才培养", "协同开展技术攻关", "有组织开发教学资源", "强化支持保障力度");
        assertThat(shanxi.indicators().stream().filter(i -> i.kind() == IndicatorKind.PLANNED)).hasSize(25);
        assertThat(shanxi.byCode()).containsKeys("MEMBERS_OUTSIDE_LEAD_PROVINCE", "MEMBERS_OUTSIDE_LEAD_CITY",
                "REPORT_TIMELINESS_RATE", "TECH_DEMANDS_COMPLETED", "DUAL_QUALIFIED_TEACHERS");
        assertThat(shanxi.byCode().get("INNOVATION_CENTER_FUNDING").valueType()).isEqualTo(ValueType.MONEY_10K_CNY);
        Catalogue.TypeCatalogue national = programme("MOE-INDUSTRY-COMMUNITY-2023").type("INDUSTRY_COMMUNITY").orElseThrow();
        assertThat(national.byCode()).containsKey("MEMBERS_OUTSIDE_LEAD_PROVINCE").doesNotContainKey("MEMBERS_OUTSIDE_LEAD_CITY");
        Catalogue.TypeCatalogue hangzhou = programme("HZ-PLATFORMS-2024").type("INDUSTRY_COMMUNITY").orElseThrow();
        assertThat(hangzhou.byCode()).containsKey("MEMBER_DISTRICTS");
    }

    @Test
    void consortiaHaveTheSevenBasicIndicatorsWithObservationPointsAndTheRecommendationFormData() {
        Catalogue.TypeCatalogue consortium = programme("MOE-CITY-CONSORTIUM-2023").type("CITY_CONSORTIUM").orElseThrow();
        assertThat(consortium.dimensions()).hasSize(7);
        assertThat(consortium.dimensions().stream().mapToInt(d -> d.observationPoints().size()).sum()).isEqualTo(26);
        assertThat(consortium.dimension("OTHER").orElseThrow().deduction()).isTrue();
        Map<String, Catalogue.Indicator> byCode = consortium.byCode();
        assertThat(byCode.get("APPRENTICE_POST_RATIO").valueType()).isEqualTo(ValueType.PERCENT);
        assertThat(byCode.get("TEACHER_ENTERPRISE_PRACTICE").valueType()).isEqualTo(ValueType.PERSON_MONTHS);
        assertThat(byCode.get("EMPLOYEE_TRAINING_DAYS").valueType()).isEqualTo(ValueType.PERSON_DAYS);
        assertThat(byCode.get("ENTERPRISE_PART_TIME_TEACHER_HOURS").valueType()).isEqualTo(ValueType.HOURS);
        assertThat(byCode.get("PARK_OUTPUT_VALUE").valueType()).isEqualTo(ValueType.MONEY_100M_CNY);
        assertThat(byCode.get("MEMBERS_SECONDARY_VOCATIONAL").derivation()).containsEntry("memberType", "SECONDARY_VOCATIONAL_SCHOOL");
    }

    @Test
    void practiceCentresMarkTheKeyIndicatorsOfEachCentreTypeAsSeed004Says() {
        Catalogue hangzhou = programme("HZ-PLATFORMS-2024");
        assertThat(keys(hangzhou, "PRACTICE_CENTER_SCHOOL", CentreType.SECONDARY_VOCATIONAL_SCHOOL))
                .containsExactlyInAnyOrder("TRAINING_COURSES", "TRAINING_TEXTBOOKS", "TRAINING_INCOME");
        assertThat(keys(hangzhou, "PRACTICE_CENTER_SCHOOL", CentreType.HIGHER_VOCATIONAL_SCHOOL))
                .containsExactlyInAnyOrder("TRAINING_INCOME", "TECH_SERVICE_INCOME", "CITY_LEVEL_RESULTS",
                        "PROVINCIAL_RESULTS", "NATIONAL_RESULTS", "RESULTS_TOTAL");
        assertThat(keys(hangzhou, "PRACTICE_CENTER_PUBLIC", CentreType.PUBLIC))
                .containsExactlyInAnyOrder("STUDENT_TRAINEES", "TRAINING_COURSES", "TRAINING_TEXTBOOKS");
        assertThat(keys(hangzhou, "PRACTICE_CENTER_ENTERPRISE", CentreType.ENTERPRISE))
                .containsExactlyInAnyOrder("STUDENT_TRAINEES", "TRAINING_COURSES", "TRAINING_TEXTBOOKS");
    }

    @Test
    void collectionWindowsDefaultToTheFirstOfNovemberToTheFifteenthOfDecember() {
        catalogues.forEach(catalogue -> {
            assertThat(catalogue.programme().collection().opens()).isEqualTo("11-01");
            assertThat(catalogue.programme().collection().closes()).isEqualTo("12-15");
        });
        assertThat(programme("HZ-PLATFORMS-2024").programme().collection().fromYear()).isEqualTo(2024);
    }

    /** The plan targets of PlatformApproved carry application-service's plan-table codes: the catalogues use the same. */
    @Test
    void plannedIndicatorsUseTheCodesOfApplicationServicesPlanTables() throws IOException {
        Path presets = Path.of("..", "application-service", "src", "main", "resources", "programmes");
        assertThat(presets).isDirectory();
        for (Catalogue catalogue : catalogues) {
            Path file;
            try (var files = Files.list(presets)) {
                file = files.filter(path -> path.getFileName().toString().contains(
                        catalogue.programme().code().toLowerCase())).findFirst().orElseThrow();
            }
            Map<String, Object> preset;
            try (InputStream in = Files.newInputStream(file)) {
                preset = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            }
            for (Object typeObject : (List<?>) preset.get("platformTypes")) {
                Map<?, ?> type = (Map<?, ?>) typeObject;
                Set<String> planCodes = ((List<?>) type.get("indicators")).stream()
                        .map(indicator -> (String) ((Map<?, ?>) indicator).get("code")).collect(Collectors.toSet());
                Catalogue.TypeCatalogue ours = catalogue.type((String) type.get("type")).orElseThrow();
                Set<String> inPlanTable = ours.indicators().stream().filter(Catalogue.Indicator::inPlanTable)
                        .map(Catalogue.Indicator::code).collect(Collectors.toSet());
                assertThat(inPlanTable).as(catalogue.programme().code() + "/" + ours.type()).isEqualTo(planCodes);
            }
        }
    }

    private static Set<String> keys(Catalogue catalogue, String type, CentreType centre) {
        return catalogue.type(type).orElseThrow().indicators().stream().filter(indicator -> indicator.keyFor(centre))
                .map(Catalogue.Indicator::code).collect(Collectors.toSet());
    }

    private static Catalogue programme(String code) {
        return catalogues.stream().filter(catalogue -> catalogue.programme().code().equals(code)).findFirst().orElseThrow();
    }
}
