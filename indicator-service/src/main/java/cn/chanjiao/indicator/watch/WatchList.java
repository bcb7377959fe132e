package cn.chanjiao.indicator.watch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of an authority's watch-list: platforms that missed a report or their indicator data, or were graded
 * 不合格, with every reason; with {@code updatedSince} (or {@code includeResolved}) also the platforms that left it.
 */
public record WatchList(int page, int size, long total, List<Entry> items) {

    /**
     * @param onList    whether any reason is still open
     * @param since     when the earliest open reason began (null once off the list)
     * @param updatedAt when a reason last began or ended: what {@code updatedSince} compares
     */
    public record Entry(UUID platformId, String name, String programmeCode, String platformType, String regionCode,
            boolean onList, Instant since, Instant updatedAt, List<Reason> reasons) {
    }

    /**
     * One reason.
     *
     * @param reason     REPORT_OVERDUE (reporting-service's {@code ReportOverdue}), DATA_MISSING (the year's indicator data
     *                   not submitted when the collection window closed), GRADE_FAILED (a published grade that does not pass)
     * @param subject    the obligation id, the platform-year, or the assessment kind
     * @param detail     the report kind, the platform-year's state, or the grade's name
     * @param since      when it began: the report's deadline, the window's close, the publication
     * @param resolvedAt when it ended: the late submission, the submission after a reopening, a later passing grade; null while open
     */
    public record Reason(String reason, int year, String subject, String detail, Instant since, Instant resolvedAt) {

        boolean open() {
            return resolvedAt == null;
        }

        Instant changedAt() {
            return resolvedAt != null ? resolvedAt : since;
        }
    }
}
