package cn.chanjiao.reporting.report;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.reporting.attachment.Attachments;
import cn.chanjiao.kit.files.FileType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Yearly reports: the platform's lead organisations draft (every edit with {@code If-Match}) and
 * submit; the approving authority (or one above it) reviews; accepted plans and operation reports
 * may be published.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportController {

    private final ReportService reports;
    private final Attachments attachments;

    ReportController(ReportService reports, Attachments attachments) {
        this.reports = reports;
        this.attachments = attachments;
    }

    @GetMapping("/outlines")
    @Operation(summary = "The outline of every report kind: sections, character limits, whether a stamped PDF is needed")
    List<ReportResponse.Outline> outlines() {
        return Arrays.stream(ReportKind.values()).map(ReportResponse::outline).toList();
    }

    @GetMapping
    @Operation(summary = "Report obligations the caller may see: its organisation's platforms, or those in its jurisdiction")
    List<ReportResponse> list(Caller caller, @RequestParam(required = false) UUID platformId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) ReportStatus status) {
        return reports.list(caller, platformId, year, status).stream().map(ReportResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report; ETag = its version")
    ResponseEntity<ReportResponse> get(@PathVariable UUID id, Caller caller) {
        return ok(reports.get(id, caller));
    }

    @PutMapping("/{id}/sections")
    @Operation(summary = "Save several sections at once (If-Match); a blank text clears a section")
    ResponseEntity<ReportResponse> saveSections(@PathVariable UUID id, Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SaveSectionsRequest request) {
        long version = Versions.required(ifMatch);
        return ok(reports.saveSections(id, caller, version, request.sections()));
    }

    @PutMapping("/{id}/sections/{code}")
    @Operation(summary = "Save one section (If-Match)")
    ResponseEntity<ReportResponse> saveSection(@PathVariable UUID id, @PathVariable String code, Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SaveSectionRequest request) {
        long version = Versions.required(ifMatch);
        return ok(reports.saveSections(id, caller, version, java.util.Collections.singletonMap(code, request.text())));
    }

    @PostMapping(value = "/{id}/attachments", consumes = "multipart/form-data")
    @Operation(summary = "Attach a file: role STAMPED_PDF (default; a PDF, replaces an earlier one) or SUPPORTING")
    ResponseEntity<ReportResponse> attach(@PathVariable UUID id, Caller caller, @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = ReportService.STAMPED_PDF) String role) {
        reports.get(id, caller);
        Set<FileType> allowed = ReportService.STAMPED_PDF.equals(role) ? Set.of(FileType.PDF)
                : Set.of(FileType.values());
        if (!ReportService.STAMPED_PDF.equals(role) && !"SUPPORTING".equals(role)) {
            throw cn.chanjiao.kit.web.ApiException.badRequest("report.attachment.role", role);
        }
        return ok(reports.attach(id, caller, role, attachments.store(file, caller, allowed)));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit (If-Match; once per Idempotency-Key): on time by the deadline (23:59:59 Beijing time of the due day), late after")
    @ApiResponse(responseCode = "200", description = "The submitted report (`ETag` = its version); a retry with the same `Idempotency-Key` gets the first answer with `Idempotent-Replayed: true`", content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    ResponseEntity<?> submit(@PathVariable UUID id, Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long version = Versions.required(ifMatch);
        ReportService.Submission submission = reports.submit(id, caller, version, key, ReportResponse::of);
        if (submission.replay() != null) {
            return ResponseEntity.status(submission.replay().status()).header("Idempotent-Replayed", "true")
                    .eTag(Versions.etag(submission.replay().body().path("version").asLong()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(submission.replay().body());
        }
        return ok(submission.loaded());
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Accept or return a submitted report (reviewer or programme admin of the approving authority)")
    ResponseEntity<ReportResponse> review(@PathVariable UUID id, Caller caller,
            @Valid @RequestBody ReviewReportRequest request) {
        return ok(reports.review(id, caller, request.outcome(), request.comment()));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish an accepted plan or report to the public information service")
    ResponseEntity<ReportResponse> publish(@PathVariable UUID id, Caller caller) {
        return ok(reports.publish(id, caller));
    }

    private static ResponseEntity<ReportResponse> ok(ReportService.Loaded loaded) {
        return ResponseEntity.ok().eTag(Versions.etag(loaded.report().version())).body(ReportResponse.of(loaded));
    }

    record SaveSectionsRequest(@NotNull Map<String, @Size(max = 100_000) String> sections) {
    }

    record SaveSectionRequest(@Size(max = 100_000) String text) {
    }

    record ReviewReportRequest(@NotNull ReportStatus outcome, @Size(max = 2000) String comment) {
    }
}
