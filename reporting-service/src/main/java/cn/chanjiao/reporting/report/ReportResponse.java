package cn.chanjiao.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A report obligation with its document as the API shows it. */
public record ReportResponse(UUID id, UUID obligationId, UUID platformId, String platformName, String kind,
        String title, int year, LocalDate dueOn, Instant dueAt, String status, boolean overdue, Boolean onTime,
        Instant submittedAt, List<SectionView> sections, int totalCharacters, Integer totalLimit,
        List<Report.AttachmentRef> attachments, long version, Instant reviewedAt, String reviewComment,
        Instant publishedAt, boolean cancelled) {

    /** One section of the outline with its text and count. */
    public record SectionView(String code, String title, int limit, boolean required, String text, int characters) {
    }

    /** The outline of a report kind. */
    public record Outline(String kind, String title, Integer totalLimit, boolean stampedPdfRequired, boolean publishable,
            List<SectionView> sections) {
    }

    static ReportResponse of(ReportService.Loaded loaded) {
        Report r = loaded.report();
        List<SectionView> sections = r.kind().sections().stream().map(s -> {
            String text = r.sections().getOrDefault(s.code(), "");
            return new SectionView(s.code(), ReportService.sectionTitle(s, loaded.platform().platformType()), s.limit(),
                    s.required(), text,
                    cn.chanjiao.kit.text.CharacterCount.of(text));
        }).toList();
        return new ReportResponse(r.id(), r.obligationId(), r.platformId(), loaded.platform().name(), r.kind().name(),
                ReportService.title(r.kind()), r.year(), r.dueOn(), r.dueAt(), r.status().name(), r.overdueAt() != null,
                r.onTime(), r.submittedAt(), sections, sections.stream().mapToInt(SectionView::characters).sum(),
                r.kind().totalLimit() > 0 ? r.kind().totalLimit() : null, r.attachments(), r.version(), r.reviewedAt(),
                r.reviewComment(), r.publishedAt(), r.cancelledAt() != null);
    }

    static Outline outline(ReportKind kind) {
        return new Outline(kind.name(), ReportService.title(kind), kind.totalLimit() > 0 ? kind.totalLimit() : null,
                kind.stampedPdfRequired(), kind.publishable(), kind.sections().stream()
                        .map(s -> new SectionView(s.code(), ReportService.sectionTitle(s), s.limit(), s.required(), null, 0))
                        .toList());
    }
}
