package cn.chanjiao.indicator.results;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradingRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private final Map<String, GradingRules.ProgrammeRule> rules = GradingRules.read(JSON, VALIDATOR);

    private GradingRules.KindRule rule(String programme, AssessmentKind kind) {
        return rules.get(programme).kinds().get(kind);
    }

    @Test
    void everyProgrammeOfTheCataloguesHasAYearlyAndAnEndOfTermRuleAndOnlyTheNationalConsortiaAnAcceptance() {
        assertThat(rules).containsOnlyKeys("MOE-INDUSTRY-COMMUNITY-2023", "SX-INDUSTRY-COMMUNITY-2023",
                "MOE-CITY-CONSORTIUM-2023", "HZ-PLATFORMS-2024");
        rules.values().forEach(rule -> assertThat(rule.kinds()).containsKeys(AssessmentKind.YEARLY, AssessmentKind.END_OF_TERM));
        assertThat(rules.values().stream().filter(rule -> rule.kinds().containsKey(AssessmentKind.ACCEPTANCE))
                .map(GradingRules.ProgrammeRule::programmeCode)).containsExactly("MOE-CITY-CONSORTIUM-2023");
        assertThat(rule("MOE-CITY-CONSORTIUM-2023", AssessmentKind.ACCEPTANCE).dataYear()).isEqualTo(2023);
    }

    @Test
    void aScoreFallsIntoTheHighestGradeWhoseMinimumItReaches() {
        GradingRules.KindRule yearly = rule("SX-INDUSTRY-COMMUNITY-2023", AssessmentKind.YEARLY);
        assertThat(yearly.grade(new BigDecimal("0.95"), true, 0).grade().name()).isEqualTo("优秀");
        assertThat(yearly.grade(new BigDecimal("0.90"), true, 0).grade().name()).isEqualTo("优秀");
        assertThat(yearly.grade(new BigDecimal("0.8999"), true, 0).grade().name()).isEqualTo("优秀");
        assertThat(yearly.grade(new BigDecimal("0.8949"), true, 0).grade().name()).isEqualTo("良好");
        assertThat(yearly.grade(new BigDecimal("0.60"), true, 0).grade().code()).isEqualTo("PASS");
        GradingRules.Graded fail = yearly.grade(new BigDecimal("0.5"), true, 0);
        assertThat(fail.grade().name()).isEqualTo("不合格");
        assertThat(fail.grade().passes()).isFalse();
        assertThat(fail.score()).isEqualByComparingTo("50.0");
        assertThat(fail.reasons()).isEmpty();
    }

    @Test
    void withoutASubmissionOrWithoutTargetsAPlatformGetsTheLowestGradeAndSaysWhy() {
        GradingRules.KindRule yearly = rule("HZ-PLATFORMS-2024", AssessmentKind.YEARLY);
        GradingRules.Graded notSubmitted = yearly.grade(BigDecimal.ONE, false, 0);
        assertThat(notSubmitted.grade().code()).isEqualTo("FAIL");
        assertThat(notSubmitted.reasons()).containsExactly("NOT_SUBMITTED");
        GradingRules.Graded noTargets = yearly.grade(null, true, 0);
        assertThat(noTargets.grade().code()).isEqualTo("FAIL");
        assertThat(noTargets.score()).isNull();
        assertThat(noTargets.reasons()).containsExactly("NO_TARGETS");
    }

    @Test
    void aMissingRequiredReportCapsTheGradeAtTheRulesCapButNeverRaisesIt() {
        GradingRules.KindRule endOfTerm = rule("HZ-PLATFORMS-2024", AssessmentKind.END_OF_TERM);
        GradingRules.Graded capped = endOfTerm.grade(BigDecimal.ONE, true, 1);
        assertThat(capped.grade().name()).isEqualTo("合格");
        assertThat(capped.reasons()).containsExactly("REPORTS_MISSING");
        assertThat(endOfTerm.grade(new BigDecimal("0.3"), true, 2).grade().name()).isEqualTo("不合格");
        assertThat(endOfTerm.grade(BigDecimal.ONE, true, 0).grade().name()).isEqualTo("优秀");
    }

    @Test
    void theAcceptancePassesAtSixtyAndOnlyAssessesItsDataYear() {
        GradingRules.KindRule acceptance = rule("MOE-CITY-CONSORTIUM-2023", AssessmentKind.ACCEPTANCE);
        assertThat(acceptance.grade(new BigDecimal("0.6"), true, 0).grade().passes()).isTrue();
        assertThat(acceptance.grade(new BigDecimal("0.59"), true, 0).grade().name()).isEqualTo("未通过验收");
        assertThat(acceptance.applies(AssessmentKind.ACCEPTANCE, List.of(2023, 2024, 2025), 2023)).isTrue();
        assertThat(acceptance.applies(AssessmentKind.ACCEPTANCE, List.of(2023, 2024, 2025), 2024)).isFalse();
    }

    @Test
    void theEndOfTermAssessmentAppliesToTheLastPlanYearOnlyAndTheYearlyToEveryPlanYear() {
        GradingRules.KindRule endOfTerm = rule("HZ-PLATFORMS-2024", AssessmentKind.END_OF_TERM);
        assertThat(endOfTerm.applies(AssessmentKind.END_OF_TERM, List.of(2024, 2025, 2026), 2026)).isTrue();
        assertThat(endOfTerm.applies(AssessmentKind.END_OF_TERM, List.of(2024, 2025, 2026), 2025)).isFalse();
        GradingRules.KindRule yearly = rule("HZ-PLATFORMS-2024", AssessmentKind.YEARLY);
        assertThat(yearly.applies(AssessmentKind.YEARLY, List.of(2024, 2025, 2026), 2025)).isTrue();
        assertThat(yearly.applies(AssessmentKind.YEARLY, List.of(2024, 2025, 2026), 2023)).isFalse();
    }

    @Test
    void aRuleWithGradesOutOfOrderOrAnUnknownCapDoesNotLoad() {
        String bad = """
                programmeCode: X
                kinds:
                  YEARLY:
                    name: 年度考核
                    missingReportsCap: GOOD
                    grades:
                      - { code: PASS, name: 合格, minScore: 60, passes: true }
                      - { code: EXCELLENT, name: 优秀, minScore: 90, passes: true }
                      - { code: FAIL, name: 不合格, minScore: 10, passes: false }
                """;
        assertThatThrownBy(() -> GradingRules.parse(new ByteArrayResource(bad.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "bad.yml";
            }
        }, JSON, VALIDATOR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from the highest minScore down")
                .hasMessageContaining("missingReportsCap GOOD")
                .hasMessageContaining("minScore 0");
    }
}
