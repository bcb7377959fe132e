package cn.chanjiao.indicator.results;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * An authority's adjustment of a platform-year's grade (e.g. an expert deduction for a violation, seed 003 annex 2).
 *
 * @param grade   a grade code of the programme's rule for the kind (e.g. EXCELLENT, PASS, FAIL)
 * @param score   the adjusted score 0–100; omitted = the computed score stands
 * @param comment why (required, kept in the assessment's history)
 */
public record AdjustAssessmentRequest(@NotBlank @Size(max = 32) String grade,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal score,
        @NotBlank @Size(max = 2000) String comment) {
}
