package cn.chanjiao.indicator.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An authority's list of one kind of assessment of a programme's year: every platform of its
 * jurisdiction the kind applies to, with its proposed, adjusted or published grade.
 *
 * @param published    whether the caller's authority has published this kind for this year
 * @param byGrade      how many platforms hold each grade code
 */
public record GradedAssessments(String programmeCode, int year, AssessmentKind kind, String kindName, Integer dataYear,
        String authorityCode, boolean published, List<GradingRules.Grade> grades, Map<String, Integer> byGrade,
        List<Row> rows) {

    public record Row(UUID platformId, String name, String platformType, String regionCode, boolean submitted,
            BigDecimal completion, Assessments.Grading grading) {
    }
}
