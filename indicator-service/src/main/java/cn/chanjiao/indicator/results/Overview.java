package cn.chanjiao.indicator.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An authority's view of a programme's year: every platform within its jurisdiction with its
 * completion and rank, those that have not submitted, and statistics by platform type, province and city.
 */
public record Overview(String programmeCode, int year, String authorityCode, int platforms, int submitted,
        BigDecimal averageCompletion, List<Row> rows, List<Row> missing, List<Group> byType, List<Group> byProvince,
        List<Group> byCity) {

    /**
     * @param rank       by completion among all platforms of the view (1 = best; without completion last)
     * @param rankInType the same among platforms of its type
     * @param grading    the year's graded assessment (kind YEARLY) by the programme's rule: proposed, adjusted or
     *                   published; null where the programme has no rule
     */
    public record Row(UUID platformId, String name, String platformType, String regionCode, String status, boolean submitted,
            Instant submittedAt, int entered, BigDecimal completion, BigDecimal keyCompletion, int rank, int rankInType,
            long version, Assessments.Grading grading) {

        Row withGrading(Assessments.Grading grading) {
            return new Row(platformId, name, platformType, regionCode, status, submitted, submittedAt, entered, completion,
                    keyCompletion, rank, rankInType, version, grading);
        }
    }

    public record Group(String key, int platforms, int submitted, BigDecimal averageCompletion) {
    }
}
