package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;

import java.time.Instant;
import java.util.UUID;

/**
 * An application: whose it is, where it stands, and its form.
 *
 * @param organisationId          the applicant organisation (the filing lead unit); only its users edit it
 * @param recommendingRegionCode  the region whose authority reviews it first (from the basic information)
 * @param reviewDepartments       the departments of its review route, {@code ,education,industry-it,}
 * @param version                 bumped by every change; the ETag
 * @param returnComment           the reviewer's comment when it was returned
 */
public record ApplicationForm(UUID id, UUID programmeId, PlatformType platformType, UUID organisationId,
        ApplicationStatus status, String recommendingRegionCode, String reviewDepartments, Form form, long version,
        String returnComment, String createdBy, Instant createdAt, Instant updatedAt, Instant submittedAt) {

    public ApplicationForm withForm(Form changed, Instant now) {
        String region = changed.basicInfo().recommendingRegionCode();
        return new ApplicationForm(id, programmeId, platformType, organisationId, status, region, reviewDepartments,
                changed, version + 1, returnComment, createdBy, createdAt, now, submittedAt);
    }

    public ApplicationForm withStatus(ApplicationStatus next, Instant now, String comment) {
        return new ApplicationForm(id, programmeId, platformType, organisationId, next, recommendingRegionCode,
                reviewDepartments, form, version + 1, comment, createdBy, createdAt, now,
                next == ApplicationStatus.SUBMITTED ? now : submittedAt);
    }

    public String name() {
        return form.basicInfo().name();
    }
}
