package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.Presets;
import cn.chanjiao.kit.web.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringSheetTest {

    private final ScoringSheet consortium = ScoringSheet.of(Presets.nationalConsortium().type(PlatformType.CITY_CONSORTIUM)
            .orElseThrow());

    private Map<String, BigDecimal> all(String value) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        consortium.points().forEach(p -> scores.put(p.code(), new BigDecimal(value)));
        return scores;
    }

    @Test
    void theCityConsortiumSheetHasSevenIndicatorsTwentyFivePointsWorthOneHundredAndADeductionItem() {
        assertThat(consortium.items()).hasSize(7);
        assertThat(consortium.points()).hasSize(25);
        assertThat(consortium.maximum()).isEqualByComparingTo("100");
        assertThat(consortium.maxDeduction()).isEqualByComparingTo("10");
        assertThat(consortium.items().get(6).deduction()).isTrue();
    }

    @Test
    void aCompleteScoreTotalsThePointsLessTheDeduction() {
        List<Violation> problems = new ArrayList<>();

        ScoringSheet.Result result = consortium.score(all("3.5"), new BigDecimal("2"), problems);

        assertThat(problems).isEmpty();
        assertThat(result.total()).isEqualByComparingTo("85.50");
    }

    @Test
    void aScoreOutsideItsRangeAMissingPointAnUnknownPointAndAnOversizedDeductionAreEachNamed() {
        Map<String, BigDecimal> scores = all("4");
        scores.put("1.1", new BigDecimal("4.5"));
        scores.remove("2.1");
        scores.put("9.9", BigDecimal.ONE);
        List<Violation> problems = new ArrayList<>();

        consortium.score(scores, new BigDecimal("11"), problems);

        assertThat(problems).extracting(Violation::field)
                .containsExactlyInAnyOrder("scores.9.9", "scores.1.1", "scores.2.1", "deduction");
        assertThat(problems).extracting(Violation::code).contains("score.outOfRange", "score.missing", "score.unknownPoint",
                "score.deductionOutOfRange");
    }

    @Test
    void aTypeWithoutASheetIsScoredOutOfOneHundredOverall() {
        ScoringSheet overall = ScoringSheet.of(Presets.hangzhou().type(PlatformType.PRACTICE_CENTER_SCHOOL).orElseThrow());
        List<Violation> problems = new ArrayList<>();

        ScoringSheet.Result result = overall.score(Map.of("OVERALL", new BigDecimal("88")), null, problems);

        assertThat(problems).isEmpty();
        assertThat(result.total()).isEqualByComparingTo("88");
        assertThat(overall.maximum()).isEqualByComparingTo("100");
    }

    @Test
    void averagesFlagATotalFarFromTheMedianAndLeaveItOutOfTheSecondAverage() {
        ScoringSheet.Summary summary = consortium.summarise(List.of(new BigDecimal("80"), new BigDecimal("84"),
                new BigDecimal("82"), new BigDecimal("50")));

        assertThat(summary.outliers()).containsExactly(false, false, false, true);
        assertThat(summary.average()).isEqualByComparingTo("74.00");
        assertThat(summary.averageWithoutOutliers()).isEqualByComparingTo("82.00");
    }

    @Test
    void withTwoExpertsNothingIsFlagged() {
        ScoringSheet.Summary summary = consortium.summarise(List.of(new BigDecimal("90"), new BigDecimal("40")));

        assertThat(summary.outliers()).containsExactly(false, false);
        assertThat(summary.average()).isEqualByComparingTo("65.00");
    }
}
