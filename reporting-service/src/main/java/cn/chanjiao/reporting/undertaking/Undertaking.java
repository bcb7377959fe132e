package cn.chanjiao.reporting.undertaking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member organisation's undertaking (承接) of a published technology demand:
 * UNDERTAKEN → IN_PROGRESS → COMPLETION_REPORTED → COMPLETED (or back to IN_PROGRESS when the owner
 * does not confirm).
 */
public record Undertaking(UUID id, UUID demandId, UUID platformId, UUID ownerOrganisationId,
        UUID undertakerOrganisationId, String status, String plan, List<Progress> progress, String completionSummary,
        List<Evidence> evidence, long version, Instant undertakenAt, Instant completionReportedAt, Instant completedAt,
        Instant updatedAt) {

    public static final String UNDERTAKEN = "UNDERTAKEN";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETION_REPORTED = "COMPLETION_REPORTED";
    public static final String COMPLETED = "COMPLETED";

    /** One progress report (or the owner's answer to a completion report). */
    public record Progress(Instant at, String by, Integer percent, String note) {
    }

    /** A file proving the work. */
    public record Evidence(UUID attachmentId, String fileName, String fileType, long size, String sha256) {
    }

    Undertaking with(String newStatus, List<Progress> newProgress, String summary, List<Evidence> newEvidence,
            Instant reportedAt, Instant completed, Instant now) {
        return new Undertaking(id, demandId, platformId, ownerOrganisationId, undertakerOrganisationId, newStatus, plan,
                newProgress, summary, newEvidence, version + 1, undertakenAt, reportedAt, completed, now);
    }
}
