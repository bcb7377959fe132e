package cn.chanjiao.indicator.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One platform-year's graded assessment of one kind, with the rule's grades and the history of
 * adjustments and publication. Its {@code grading.version} is the {@code ETag} an adjustment names in {@code If-Match}.
 */
public record PlatformAssessment(UUID platformId, String name, String programmeCode, int year, String status,
        BigDecimal completion, Assessments.Grading grading, List<GradingRules.Grade> grades,
        List<Assessments.AuditEntry> history) {
}
