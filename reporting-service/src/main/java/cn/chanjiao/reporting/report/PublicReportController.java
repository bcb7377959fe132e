package cn.chanjiao.reporting.report;

import cn.chanjiao.reporting.support.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Published plans and operation reports, readable without a token. */
@RestController
@RequestMapping("/api/v1/public/reports")
@Tag(name = "Public reports")
@Validated
class PublicReportController {

    private final ReportService reports;

    PublicReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "Published reports, newest first")
    PageResponse<ReportResponse> list(@RequestParam(required = false) UUID platformId,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var items = reports.published(platformId, year, page, size).stream().map(PublicReportController::strip).toList();
        return new PageResponse<>(items, page, size, reports.countPublished(platformId, year));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published report")
    ReportResponse get(@PathVariable String id) {
        UUID reportId;
        try {
            reportId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw cn.chanjiao.kit.web.ApiException.notFound("report.notFound", id);
        }
        return strip(reports.publishedOne(reportId));
    }

    /** The public sees the document, not the review's comment or the reviewer. */
    private static ReportResponse strip(ReportService.Loaded loaded) {
        ReportResponse full = ReportResponse.of(loaded);
        return new ReportResponse(full.id(), full.obligationId(), full.platformId(), full.platformName(), full.kind(),
                full.title(), full.year(), full.dueOn(), full.dueAt(), full.status(), full.overdue(), full.onTime(),
                full.submittedAt(), full.sections(), full.totalCharacters(), full.totalLimit(), java.util.List.of(),
                full.version(), full.reviewedAt(), null, full.publishedAt(), full.cancelled());
    }
}
