package cn.chanjiao.application.programme;

import cn.chanjiao.application.programme.TypeRules.ValueType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammePresetsTest {

    @Test
    void theFourProgrammesOfTheDesignAreLoadedInFileOrder() {
        assertThat(Presets.all()).extracting(ProgrammeDefinition::code).containsExactly("MOE-INDUSTRY-COMMUNITY-2023",
                "SX-INDUSTRY-COMMUNITY-2023", "MOE-CITY-CONSORTIUM-2023", "HZ-PLATFORMS-2024");
    }

    @Test
    void everyPresetMeetsTheProgrammeRulesAndItsFieldConstraints() {
        assertThat(Presets.all()).allSatisfy(programme -> {
            assertThat(ProgrammeRules.check(programme)).as(programme.code()).isEmpty();
            assertThat(Presets.validator().validate(programme)).as(programme.code()).isEmpty();
        });
    }

    @Test
    void theCommunityPlanTableHasAllTwentyFiveRowsOfTheSeedForm() {
        TypeRules national = Presets.nationalCommunity().type(PlatformType.INDUSTRY_COMMUNITY).orElseThrow();
        TypeRules shanxi = Presets.shanxiCommunity().type(PlatformType.INDUSTRY_COMMUNITY).orElseThrow();

        assertThat(national.indicators()).hasSize(25);
        assertThat(shanxi.indicators()).hasSize(25);
        assertThat(national.indicators()).extracting(TypeRules.PlanIndicator::group).containsOnly("开发产教资源",
                "联合人才培养", "协同创新能力", "强化支持保障");
        assertThat(national.indicator("INNOVATION_CENTER_FUNDING").orElseThrow().valueType()).isEqualTo(ValueType.DECIMAL);
        assertThat(national.indicator("INNOVATION_CENTER_FUNDING").orElseThrow().unit()).isEqualTo("万元");
        assertThat(national.yearsOf(national.indicators().get(0), Presets.nationalCommunity().planYears()))
                .containsExactly(2023, 2024, 2025);
    }

    @Test
    void theNationalLeadUniversityNeedsMasterAndDoctoralRightsAndShanxiOnlyMaster() {
        assertThat(Presets.nationalCommunity().type(PlatformType.INDUSTRY_COMMUNITY).orElseThrow().lead()
                .role("UNIVERSITY").orElseThrow().requiredAttributes())
                .containsExactly("masterDegreeRights", "doctoralDegreeRights");
        assertThat(Presets.shanxiCommunity().type(PlatformType.INDUSTRY_COMMUNITY).orElseThrow().lead()
                .role("UNIVERSITY").orElseThrow().requiredAttributes()).containsExactly("masterDegreeRights");
    }

    @Test
    void theConsortiumFormHasFortyOneRowsWithA2022BaselineAndAThreePerProvinceQuota() {
        TypeRules consortium = Presets.nationalConsortium().type(PlatformType.CITY_CONSORTIUM).orElseThrow();

        assertThat(consortium.indicators()).hasSize(41);
        assertThat(consortium.baselineYear()).isEqualTo(2022);
        assertThat(consortium.yearsOf(consortium.indicator("SHARED_MAJORS").orElseThrow(),
                Presets.nationalConsortium().planYears())).containsExactly(2022, 2023, 2024, 2025);
        assertThat(consortium.indicator("PARK_OUTPUT_VALUE").orElseThrow().years()).containsExactly(2022);
        assertThat(consortium.indicator("EMPLOYMENT_RATE").orElseThrow().valueType()).isEqualTo(ValueType.PERCENT);
        assertThat(consortium.scoringSheet()).hasSize(7);
        assertThat(consortium.scoringSheet().stream().mapToInt(item -> item.observationPoints().size()).sum())
                .isEqualTo(26);
        assertThat(consortium.scoringSheet().get(6).deduction()).isTrue();
        assertThat(consortium.quota()).isEqualTo(new TypeRules.Quota(3, TypeRules.QuotaScope.PER_RECOMMENDING_REGION));
    }

    @Test
    void hangzhouAcceptsFiveTypesWithTheirQuotasAndDepartments() {
        ProgrammeDefinition hangzhou = Presets.hangzhou();

        assertThat(hangzhou.platformTypes()).extracting(TypeRules::type).containsExactly(PlatformType.CITY_CONSORTIUM,
                PlatformType.INDUSTRY_COMMUNITY, PlatformType.PRACTICE_CENTER_SCHOOL, PlatformType.PRACTICE_CENTER_PUBLIC,
                PlatformType.PRACTICE_CENTER_ENTERPRISE);
        assertThat(hangzhou.platformTypes()).extracting(type -> type.quota().limit()).containsExactly(5, 5, 15, 5, 10);
        assertThat(hangzhou.platformTypes()).extracting(type -> type.indicators().size()).containsExactly(41, 25, 25, 25, 25);
        assertThat(hangzhou.platformTypes()).allSatisfy(type -> assertThat(type.lead().withinRegion()).isEqualTo("330100"));
        assertThat(firstAndLastDepartment(hangzhou, PlatformType.CITY_CONSORTIUM))
                .containsExactly("development-reform", "development-reform");
        assertThat(firstAndLastDepartment(hangzhou, PlatformType.INDUSTRY_COMMUNITY)).containsExactly("industry-it", "industry-it");
        assertThat(firstAndLastDepartment(hangzhou, PlatformType.PRACTICE_CENTER_SCHOOL)).containsExactly("education", "education");
        assertThat(firstAndLastDepartment(hangzhou, PlatformType.PRACTICE_CENTER_PUBLIC))
                .containsExactly("development-reform", "education");
        assertThat(firstAndLastDepartment(hangzhou, PlatformType.PRACTICE_CENTER_ENTERPRISE))
                .containsExactly("industry-it", "industry-it");
        TypeRules consortium = hangzhou.type(PlatformType.CITY_CONSORTIUM).orElseThrow();
        assertThat(consortium.yearsOf(consortium.indicator("SHARED_MAJORS").orElseThrow(), hangzhou.planYears()))
                .containsExactly(2023, 2024, 2025, 2026);
    }

    @Test
    void registrationWindowsAreTheSeedsDatesAndTheNationalCommunityRecursEveryYear() {
        ProgrammeDefinition national = Presets.nationalCommunity();

        assertThat(open(national, "2023-07-29")).isFalse();
        assertThat(open(national, "2023-07-30")).isTrue();
        assertThat(open(national, "2023-10-31")).isTrue();
        assertThat(open(national, "2023-11-01")).isFalse();
        assertThat(open(national, "2026-01-01")).isTrue();
        assertThat(open(national, "2026-11-15")).isFalse();
        assertThat(open(Presets.hangzhou(), "2024-05-15")).isTrue();
        assertThat(open(Presets.hangzhou(), "2024-05-16")).isFalse();
        assertThat(open(Presets.nationalConsortium(), "2023-05-29")).isTrue();
    }

    private static boolean open(ProgrammeDefinition programme, String date) {
        LocalDate day = LocalDate.parse(date);
        return programme.windows().stream().filter(w -> w.purpose() == WindowPurpose.REGISTRATION)
                .anyMatch(w -> w.occurrenceOn(day).isPresent());
    }

    private static List<String> firstAndLastDepartment(ProgrammeDefinition programme, PlatformType type) {
        List<TypeRules.ReviewStage> route = programme.type(type).orElseThrow().reviewRoute();
        return List.of(route.get(0).department(), route.get(route.size() - 1).department());
    }
}
