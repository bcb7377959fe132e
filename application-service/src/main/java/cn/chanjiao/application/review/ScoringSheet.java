package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.ObservationPoint;
import cn.chanjiao.application.programme.TypeRules.ScoringItem;
import cn.chanjiao.kit.web.Violation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sheet experts score by: the programme's indicator system for the type (city consortia: the 7
 * basic indicators of seed 003 with their observation points, each worth its {@code maxScore}, and
 * the deduction item), or — for a type whose programme defines none — one overall mark out of 100.
 */
record ScoringSheet(List<ScoringItem> items) {

    static final BigDecimal DEFAULT_MAX = new BigDecimal("100");
    /** An expert's total further than this share of the sheet's maximum from the median is flagged. */
    static final BigDecimal OUTLIER_SHARE = new BigDecimal("0.20");

    static ScoringSheet of(TypeRules type) {
        if (!type.scoringSheet().isEmpty()) {
            return new ScoringSheet(type.scoringSheet());
        }
        return new ScoringSheet(List.of(new ScoringItem("OVERALL", "综合评价",
                List.of(new ObservationPoint("OVERALL", "对申报材料的综合评价（满分100分）", DEFAULT_MAX)), false, null)));
    }

    /** The most an application can score (deductions aside). */
    BigDecimal maximum() {
        return items.stream().filter(item -> !item.deduction()).flatMap(item -> item.observationPoints().stream())
                .map(ScoringSheet::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal maxDeduction() {
        return items.stream().filter(ScoringItem::deduction).map(item -> item.maxDeduction() == null ? BigDecimal.ZERO
                : item.maxDeduction()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The scored observation points, in order. */
    List<ObservationPoint> points() {
        return items.stream().filter(item -> !item.deduction()).flatMap(item -> item.observationPoints().stream()).toList();
    }

    record Result(Map<String, BigDecimal> scores, BigDecimal deduction, BigDecimal total) {
    }

    /**
     * Checks an expert's marks: every observation point once, each between 0 and its maximum, the
     * deduction between 0 and the deduction item's maximum; the total is their sum less the deduction.
     */
    Result score(Map<String, BigDecimal> given, BigDecimal deduction, List<Violation> problems) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (String code : given.keySet()) {
            if (points().stream().noneMatch(p -> p.code().equals(code))) {
                problems.add(Violation.of("scores." + code, "score.unknownPoint", code));
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (ObservationPoint point : points()) {
            BigDecimal value = given.get(point.code());
            if (value == null) {
                problems.add(Violation.of("scores." + point.code(), "score.missing", point.code()));
                continue;
            }
            if (value.signum() < 0 || value.compareTo(max(point)) > 0) {
                problems.add(Violation.of("scores." + point.code(), "score.outOfRange", point.code(),
                        max(point).toPlainString(), value.toPlainString()));
                continue;
            }
            scores.put(point.code(), value);
            sum = sum.add(value);
        }
        BigDecimal deducted = deduction == null ? BigDecimal.ZERO : deduction;
        if (deducted.signum() < 0 || deducted.compareTo(maxDeduction()) > 0) {
            problems.add(Violation.of("deduction", "score.deductionOutOfRange", maxDeduction().toPlainString(),
                    deducted.toPlainString()));
        }
        return new Result(scores, deducted, sum.subtract(deducted).setScale(2, RoundingMode.HALF_UP));
    }

    /** Averages of the experts' totals and which totals are outliers. */
    record Summary(BigDecimal average, BigDecimal averageWithoutOutliers, List<Boolean> outliers) {
    }

    /**
     * The mean of all totals, and the mean without outliers: a total further than
     * {@link #OUTLIER_SHARE} of the sheet's maximum from the median of the totals (with at least three
     * experts; with fewer no total is flagged).
     */
    Summary summarise(List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            return new Summary(null, null, List.of());
        }
        BigDecimal average = mean(totals);
        List<BigDecimal> sorted = totals.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        BigDecimal threshold = maximum().multiply(OUTLIER_SHARE);
        List<Boolean> outliers = new ArrayList<>();
        List<BigDecimal> kept = new ArrayList<>();
        for (BigDecimal total : totals) {
            boolean outlier = n >= 3 && total.subtract(median).abs().compareTo(threshold) > 0;
            outliers.add(outlier);
            if (!outlier) {
                kept.add(total);
            }
        }
        return new Summary(average, kept.isEmpty() ? average : mean(kept), List.copyOf(outliers));
    }

    Optional<ObservationPoint> point(String code) {
        return points().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal max(ObservationPoint point) {
        return point.maxScore() == null ? BigDecimal.ZERO : point.maxScore();
    }
}
