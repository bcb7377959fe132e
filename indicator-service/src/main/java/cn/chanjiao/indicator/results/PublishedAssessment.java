package cn.chanjiao.indicator.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The answer to publishing an authority's assessment of a programme's year. */
public record PublishedAssessment(UUID assessmentId, String programmeCode, int year, String authorityCode, int platforms,
        int submitted, BigDecimal averageCompletion, Instant publishedAt) {
}
