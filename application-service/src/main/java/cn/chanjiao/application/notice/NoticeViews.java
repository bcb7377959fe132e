package cn.chanjiao.application.notice;

import cn.chanjiao.application.notice.NoticeRepository.Objection;
import cn.chanjiao.application.notice.NoticeRepository.Platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response records of notices, objections and platforms. */
final class NoticeViews {

    private NoticeViews() {
    }

    record NoticeResponse(UUID id, UUID programmeId, String programmeCode, String programmeName, String authorityCode,
            String title, LocalDate startsOn, LocalDate endsOn, Instant startsAt, Instant endsAt, int workingDays,
            String phase, List<ListedApplication> applications, List<ObjectionResponse> objections) {
    }

    /** What the public sees of an application on notice. */
    record ListedApplication(UUID applicationId, int position, String name, String platformType, List<String> leadUnits,
            String regionCode, String outcome) {
    }

    record ObjectionResponse(UUID id, UUID noticeId, UUID applicationId, String filerName, String filerContact,
            String grounds, String status, String assignee, String rulingReason, String ruledBy, Instant ruledAt,
            Instant filedAt, List<EvidenceView> attachments) {

        static ObjectionResponse of(Objection o, List<NoticeRepository.Evidence> evidence) {
            return new ObjectionResponse(o.id(), o.noticeId(), o.applicationId(), o.filerName(), o.filerContact(),
                    o.grounds(), o.status(), o.assignee(), o.rulingReason(), o.ruledBy(), o.ruledAt(), o.filedAt(),
                    evidence.stream().map(EvidenceView::of).toList());
        }
    }

    record EvidenceView(UUID id, String fileName, String fileType, String contentType, long size, String sha256,
            Instant uploadedAt) {

        static EvidenceView of(NoticeRepository.Evidence e) {
            return new EvidenceView(e.id(), e.fileName(), e.fileType(), e.contentType(), e.size(), e.sha256(),
                    e.uploadedAt());
        }
    }

    /**
     * An objection as its filer is told: received, when, and the token (shown this once) with which
     * they attach evidence while the notice runs.
     */
    record FiledResponse(UUID id, UUID noticeId, UUID applicationId, String status, Instant filedAt,
            String attachmentToken) {
    }

    record PlatformResponse(UUID id, UUID applicationId, UUID programmeId, String platformType, String name,
            UUID leadOrganisationId, String regionCode, String authorityCode, int planFrom, int planTo, String status,
            Instant approvedAt, Instant revokedAt, String revokeReason, Revocation revocation) {

        static PlatformResponse of(Platform p) {
            return new PlatformResponse(p.id(), p.applicationId(), p.programmeId(), p.platformType(), p.name(),
                    p.leadOrganisationId(), p.regionCode(), p.authorityCode(), p.planFrom(), p.planTo(), p.status(),
                    p.approvedAt(), p.revokedAt(), p.revokeReason(), Revocation.of(p));
        }
    }

    /**
     * Why a platform was revoked: the reason code, its name (Chinese, English with {@code Accept-Language: en}),
     * the authority's comment and when; null while the platform stands.
     */
    record Revocation(String reasonCode, String reasonName, String comment, Instant revokedAt) {

        static Revocation of(Platform p) {
            if (p.revokedAt() == null) {
                return null;
            }
            var reason = RevocationReason.parse(p.revokeReasonCode());
            boolean english = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
            String name = reason.map(r -> english ? r.english() : r.chinese()).orElse(null);
            return new Revocation(p.revokeReasonCode(), name, p.revokeReason(), p.revokedAt());
        }
    }

    static NoticeResponse of(NoticeService.NoticeDetail d, boolean withObjections) {
        var n = d.notice();
        return new NoticeResponse(n.id(), n.programmeId(), d.programme().definition().code(),
                d.programme().definition().name(), n.authorityCode(), n.title(), n.startsOn(), n.endsOn(), n.startsAt(),
                n.endsAt(), n.workingDays(), d.phase(), d.applications().stream().map(l -> new ListedApplication(
                        l.application().id(), l.entry().position(), l.form().basicInfo().name() != null
                                ? l.form().basicInfo().name() : l.application().name(),
                        l.application().platformType().name(), NoticeService.leadNames(l.form()),
                        ApprovedPlatforms.regionOf(l.form().leadUnits().isEmpty() ? null : l.form().leadUnits().get(0),
                                l.application()), l.entry().outcome())).toList(),
                withObjections ? d.objections().stream().map(o -> ObjectionResponse.of(o,
                        d.evidence().getOrDefault(o.id(), List.of()))).toList() : null);
    }
}
