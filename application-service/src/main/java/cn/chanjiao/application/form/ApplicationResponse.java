package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application form as the API shows it. {@code version} is also the {@code ETag}.
 *
 * @param sections      every text section of the type, with its limit and current character count
 * @param returnComment the reviewer's comment of a returned form
 */
public record ApplicationResponse(UUID id, UUID programmeId, String programmeCode, String programmeName,
        PlatformType platformType, UUID organisationId, ApplicationStatus status, long version, String name,
        Form.BasicInfo basicInfo, List<Form.LeadUnit> leadUnits, List<Form.Participant> participants,
        List<PlanValueView> plan, List<SectionView> sections, Form.Commitment commitment, String commitmentText,
        List<AttachmentView> attachments, String returnComment, Instant createdAt, Instant updatedAt,
        Instant submittedAt, List<Integer> planYears, Integer baselineYear) {

    public record PlanValueView(String indicator, int year, BigDecimal value) {
    }

    /**
     * @param characters the text's length as the limit counts it
     */
    public record SectionView(String code, String title, int maxChars, boolean required, int characters, String text) {
    }

    public record AttachmentView(UUID id, String kind, String fileName, String fileType, String contentType,
            long sizeBytes, String sha256, Instant uploadedAt) {
    }

    /** A line of an application list. */
    public record Summary(UUID id, UUID programmeId, PlatformType platformType, UUID organisationId,
            ApplicationStatus status, String name, String recommendingRegionCode, long version, Instant updatedAt,
            Instant submittedAt) {
    }

    /** One page of a list. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** A broken rule of the form as it stands. */
    public record Problem(String field, String code, String message) {
    }

    /** What submitting now would meet. */
    public record Validation(boolean complete, List<Problem> problems) {
    }

    /** A status change. */
    public record TransitionView(String from, String to, String actor, String role, String stage, String authorityCode,
            String department, Instant at, String comment) {
    }
}
