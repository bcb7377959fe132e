package cn.chanjiao.indicator.results;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTest {

    @Test
    void anIndicatorsCompletionIsActualOverTargetAndAMissingValueCountsAsNothing() {
        assertThat(Completion.ratio(new BigDecimal("8"), new BigDecimal("6"))).isEqualByComparingTo("0.75");
        assertThat(Completion.ratio(new BigDecimal("8"), new BigDecimal("12"))).isEqualByComparingTo("1.5");
        assertThat(Completion.ratio(new BigDecimal("8"), null)).isEqualByComparingTo("0");
        assertThat(Completion.ratio(BigDecimal.ZERO, new BigDecimal("3"))).isNull();
        assertThat(Completion.ratio(null, new BigDecimal("3"))).isNull();
    }

    @Test
    void aMeanCapsEachCompletionAtOneAndIgnoresIndicatorsWithoutTarget() {
        assertThat(Completion.mean(Arrays.asList(new BigDecimal("0.5"), new BigDecimal("1.5"), null))).isEqualByComparingTo("0.75");
        assertThat(Completion.mean(List.of())).isNull();
        assertThat(Completion.percent(new BigDecimal("0.83333"))).isEqualByComparingTo("83.3");
    }
}
