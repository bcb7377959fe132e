package cn.chanjiao.contracts.indicator;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An authority published an assessment (plan vs actual, graded by the programme's rule) of a programme's platforms. Published on {@link Topics#INDICATOR}, key = assessmentId.
 *
 * @param assessmentId the assessment
 * @param programmeId the programme
 * @param year the year whose data was assessed
 * @param authorityCode the publishing authority
 * @param platforms platforms assessed
 * @param kind YEARLY (年度考核), ACCEPTANCE (验收) or END_OF_TERM (期满考核); null in events published before grades (read as YEARLY)
 * @param grades each platform's grade; null in events published before grades
 */
@EventType(topic = Topics.INDICATOR)
public record AssessmentPublished(UUID eventId, Instant occurredAt, UUID assessmentId, UUID programmeId, int year, String authorityCode, int platforms, String kind, List<PlatformGrade> grades) implements IntegrationEvent {

    /** The event as published before grades (kind and grades absent). */
    public AssessmentPublished(UUID eventId, Instant occurredAt, UUID assessmentId, UUID programmeId, int year, String authorityCode, int platforms) {
        this(eventId, occurredAt, assessmentId, programmeId, year, authorityCode, platforms, null, null);
    }

    /**
     * One platform's grade.
     *
     * @param platformId the platform
     * @param score the score 0–100 (completion of the plan's targets × 100, or as the authority adjusted it), or null
     * @param grade the grade code of the programme's rule, e.g. EXCELLENT, GOOD, PASS, FAIL
     * @param gradeName the grade as the rule names it, e.g. 优秀, 合格, 不合格
     * @param passed whether the grade passes (acceptance and end-of-term outcome; false for 不合格)
     * @param adjusted whether the authority changed the computed grade or score
     */
    public record PlatformGrade(UUID platformId, BigDecimal score, String grade, String gradeName, boolean passed, boolean adjusted) {
    }

    @Override
    public String aggregateId() {
        return assessmentId.toString();
    }
}
