package cn.chanjiao.indicator.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * Plan against actual: an indicator's completion is actual ÷ target (a missing value counts as 0);
 * a dimension's or platform's completion is the mean of its indicators' completions, each capped
 * at 1 so that overshooting one target cannot hide missing another. Indicators without a positive
 * target do not count.
 */
public final class Completion {

    private Completion() {
    }

    /** actual ÷ target to 4 decimals, or null without a positive target. */
    public static BigDecimal ratio(BigDecimal target, BigDecimal actual) {
        if (target == null || target.signum() <= 0) {
            return null;
        }
        return (actual == null ? BigDecimal.ZERO : actual).divide(target, 4, RoundingMode.HALF_UP);
    }

    /** The mean of the ratios capped at 1, to 4 decimals; null when there are none. */
    public static BigDecimal mean(Collection<BigDecimal> ratios) {
        var counted = ratios.stream().filter(Objects::nonNull).map(ratio -> ratio.min(BigDecimal.ONE)).toList();
        if (counted.isEmpty()) {
            return null;
        }
        return counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(counted.size()), 4, RoundingMode.HALF_UP);
    }

    /** As a percentage with one decimal, for people. */
    public static BigDecimal percent(BigDecimal ratio) {
        return ratio == null ? null : ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }
}
