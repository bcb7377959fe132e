package cn.chanjiao.indicator.results;

import cn.chanjiao.indicator.catalogue.CentreType;
import cn.chanjiao.indicator.catalogue.IndicatorKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A platform's year: plan against actual per indicator, per dimension and overall; derived
 * indicators computed from events and data.
 *
 * @param completion    mean completion (0–1) over the indicators with a target
 * @param keyCompletion practice centres: the same over the key indicators of the centre type
 * @param reports       the timeliness of each required report of the year (only in a platform's own results)
 * @param assessments   the year's graded assessments (YEARLY, and ACCEPTANCE or END_OF_TERM where they apply):
 *                      authorities see proposed and adjusted grades, the platform's own users only published ones
 */
public record PlatformResults(UUID platformId, String name, String programmeCode, String platformType, CentreType centreType,
        String regionCode, int year, String status, Instant submittedAt, BigDecimal completion, BigDecimal keyCompletion,
        List<DimensionResult> dimensions, List<IndicatorResult> indicators,
        List<cn.chanjiao.indicator.derived.DerivedFacts.ReportTimeliness> reports, List<Assessments.Grading> assessments) {

    public record DimensionResult(String code, String name, BigDecimal completion, int indicators, int withTargets) {
    }

    /**
     * @param completion actual ÷ target (not capped), or null without a target
     */
    public record IndicatorResult(String code, String dimension, String name, String unit, IndicatorKind kind, boolean key,
            BigDecimal target, BigDecimal actual, BigDecimal completion) {
    }
}
