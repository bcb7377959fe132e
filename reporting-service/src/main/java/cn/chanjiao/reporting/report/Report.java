package cn.chanjiao.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One report obligation of a platform (kind, plan year, deadline) with its report document: the
 * outline's sections as text, attachments (the stamped PDF), and where it stands.
 */
record Report(UUID id, UUID obligationId, UUID platformId, ReportKind kind, int year, LocalDate dueOn, Instant dueAt,
        ReportStatus status, Map<String, String> sections, List<AttachmentRef> attachments, long version,
        Instant submittedAt, Boolean onTime, Instant overdueAt, Instant reviewedAt, String reviewedBy,
        String reviewComment, Instant publishedAt, Instant cancelledAt, Instant updatedAt) {

    boolean editable() {
        return cancelledAt == null && (status == ReportStatus.DRAFT || status == ReportStatus.RETURNED);
    }

    Report withSections(Map<String, String> newSections, Instant now) {
        return new Report(id, obligationId, platformId, kind, year, dueOn, dueAt, status, newSections, attachments,
                version + 1, submittedAt, onTime, overdueAt, reviewedAt, reviewedBy, reviewComment, publishedAt,
                cancelledAt, now);
    }

    Report withAttachments(List<AttachmentRef> newAttachments, Instant now) {
        return new Report(id, obligationId, platformId, kind, year, dueOn, dueAt, status, sections, newAttachments,
                version + 1, submittedAt, onTime, overdueAt, reviewedAt, reviewedBy, reviewComment, publishedAt,
                cancelledAt, now);
    }

    Report submitted(Instant now) {
        return new Report(id, obligationId, platformId, kind, year, dueOn, dueAt, ReportStatus.SUBMITTED, sections,
                attachments, version + 1, now, !now.isAfter(dueAt), overdueAt, reviewedAt, reviewedBy, reviewComment,
                publishedAt, cancelledAt, now);
    }

    Report reviewed(ReportStatus outcome, String by, String comment, Instant now) {
        return new Report(id, obligationId, platformId, kind, year, dueOn, dueAt, outcome, sections, attachments,
                version + 1, submittedAt, onTime, overdueAt, now, by, comment, publishedAt, cancelledAt, now);
    }

    Report published(Instant now) {
        return new Report(id, obligationId, platformId, kind, year, dueOn, dueAt, status, sections, attachments,
                version + 1, submittedAt, onTime, overdueAt, reviewedAt, reviewedBy, reviewComment, now, cancelledAt,
                now);
    }

    Report overdue(Instant now) {
        return new Report(id, obligationId, platformId, kind, year, dueOn, dueAt, status, sections, attachments,
                version, submittedAt, onTime, now, reviewedAt, reviewedBy, reviewComment, publishedAt, cancelledAt,
                updatedAt);
    }

    /** A file attached to the report. */
    record AttachmentRef(UUID id, String role, String fileName, String fileType, long size, String sha256) {
    }
}
