package cn.chanjiao.application.review;

import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ProgrammeService;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.ReviewStageKind;
import cn.chanjiao.application.programme.TypeRules.ScoringItem;
import cn.chanjiao.application.review.ExpertReviewRepository.Assignment;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Expert review rounds, experts' own assignments and scores, meeting / site-visit records, the shortlist. */
@RestController
@Tag(name = "Expert review")
class ExpertReviewController {

    private static final String STAFF = "hasAnyRole('reviewer', 'programme-admin')";

    private final ExpertReviewService service;
    private final ProgrammeService programmes;

    ExpertReviewController(ExpertReviewService service, ProgrammeService programmes) {
        this.service = service;
        this.programmes = programmes;
    }

    record CreateRoundRequest(@NotNull UUID programmeId, @NotNull PlatformType platformType,
            @NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 500) List<@NotNull UUID> applicationIds,
            @Min(1) @Max(15) Integer expertsPerApplication) {
    }

    record AssignRequest(@NotNull UUID applicationId, @NotNull UUID expertId) {
    }

    record ScoreRequest(@NotNull Map<String, BigDecimal> scores, BigDecimal deduction, @Size(max = 4000) String comment) {
    }

    record ShortlistRequest(@NotEmpty List<@NotNull UUID> applicationIds, @Size(max = 2000) String comment) {
    }

    record AssignmentView(UUID id, UUID applicationId, UUID expertId, String expertName, UUID expertOrganisationId,
            String how, Instant assignedAt, Map<String, BigDecimal> scores, BigDecimal deduction, BigDecimal total,
            String comment, Instant scoredAt, boolean outlier) {

        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id(), a.applicationId(), a.expertId(), a.expertName(), a.expertOrganisationId(),
                    a.how(), a.assignedAt(), a.scores(), a.deduction(), a.total(), a.comment(), a.scoredAt(), a.outlier());
        }
    }

    record SheetView(BigDecimal maximum, BigDecimal maxDeduction, List<ScoringItem> items) {

        static SheetView of(ScoringSheet sheet) {
            return new SheetView(sheet.maximum(), sheet.maxDeduction(), sheet.items());
        }
    }

    record RoundResponse(UUID id, UUID programmeId, String platformType, String name, String authorityCode,
            String department, int expertsPerApplication, boolean avoidSameCity, String status, Instant createdAt,
            Instant closedAt, List<Result> applications, List<AssignmentView> assignments, SheetView sheet) {

        record Result(UUID applicationId, BigDecimal average, BigDecimal averageWithoutOutliers) {
        }

        static RoundResponse of(ExpertReviewService.RoundDetail d) {
            var r = d.round();
            return new RoundResponse(r.id(), r.programmeId(), r.platformType(), r.name(), r.authorityCode(),
                    r.department(), r.expertsPerApplication(), r.avoidSameCity(), r.status(), r.createdAt(), r.closedAt(),
                    d.applications().stream().map(a -> new Result(a.applicationId(), a.average(),
                            a.averageWithoutOutliers())).toList(),
                    d.assignments().stream().map(AssignmentView::of).toList(), SheetView.of(d.sheet()));
        }
    }

    /** What an expert sees: their assignment, the sheet, and the form as submitted. */
    record ExpertAssignmentResponse(UUID id, UUID roundId, String roundName, boolean roundOpen, UUID applicationId,
            String applicationName, String platformType, Map<String, BigDecimal> scores, BigDecimal deduction,
            BigDecimal total, String comment, Instant scoredAt, SheetView sheet, Form form, List<FileView> attachments) {

        record FileView(UUID id, String kind, String fileName, String fileType, long sizeBytes) {
        }

        static ExpertAssignmentResponse of(ExpertReviewService.ExpertView v) {
            Assignment a = v.assignment();
            return new ExpertAssignmentResponse(a.id(), v.round().id(), v.round().name(), v.round().open(),
                    v.application().id(), v.application().name(), v.application().platformType().name(), a.scores(),
                    a.deduction(), a.total(), a.comment(), a.scoredAt(), SheetView.of(v.sheet()), v.form(),
                    v.attachments().stream().map(f -> new FileView(f.id(), f.kind(), f.fileName(), f.fileType().name(),
                            f.sizeBytes())).toList());
        }
    }

    record StageRecordView(UUID id, String stage, String outcome, String comment, UUID minutesAttachmentId,
            String recordedBy, Instant recordedAt) {

        static StageRecordView of(ExpertReviewRepository.StageRecord r) {
            return new StageRecordView(r.id(), r.stage(), r.outcome(), r.comment(), r.minutesId(), r.recordedBy(),
                    r.recordedAt());
        }
    }

    record ShortlistResponse(List<Entry> shortlisted) {

        record Entry(UUID applicationId, String name, String status) {
        }
    }

    @PostMapping({"/api/v1/review-rounds", "/api/v1/applications/review-rounds"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(STAFF)
    @Operation(summary = "Open an expert review round for recommended applications (held by the route's expert stage)")
    RoundResponse create(@Valid @RequestBody CreateRoundRequest request, Caller caller) {
        TypeRules type = type(request.programmeId(), request.platformType());
        var round = service.create(new ExpertReviewService.CreateRound(request.programmeId(), type, request.name().strip(),
                request.applicationIds(), request.expertsPerApplication() == null ? 3 : request.expertsPerApplication()),
                caller);
        return RoundResponse.of(service.detail(round.id(), caller));
    }

    record RoundSummary(UUID id, UUID programmeId, String platformType, String name, String status, Instant createdAt,
            Instant closedAt) {
    }

    @GetMapping({"/api/v1/review-rounds", "/api/v1/applications/review-rounds"})
    @PreAuthorize(STAFF)
    @Operation(summary = "The rounds the caller's authority and department hold, newest first")
    List<RoundSummary> rounds(@RequestParam(required = false) UUID programmeId,
            @RequestParam(required = false) PlatformType platformType, Caller caller) {
        return service.rounds(programmeId, platformType == null ? null : platformType.name(), caller).stream()
                .map(r -> new RoundSummary(r.id(), r.programmeId(), r.platformType(), r.name(), r.status(), r.createdAt(),
                        r.closedAt())).toList();
    }

    @GetMapping({"/api/v1/review-rounds/{id}/scores.xlsx", "/api/v1/applications/review-rounds/{id}/scores.xlsx"})
    @PreAuthorize("hasAnyRole('reviewer', 'programme-admin', 'platform-admin')")
    @Operation(summary = "The round's scores as a spreadsheet (per expert and observation point, averages, outliers)")
    org.springframework.http.ResponseEntity<byte[]> scores(@PathVariable UUID id, Caller caller) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("专家评分.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(service.scoresXlsx(id, caller));
    }

    @GetMapping({"/api/v1/review-rounds/{id}", "/api/v1/applications/review-rounds/{id}"})
    @PreAuthorize("hasAnyRole('reviewer', 'programme-admin', 'platform-admin')")
    @Operation(summary = "A round: its applications with averages, assignments with scores and outliers, the sheet")
    RoundResponse round(@PathVariable UUID id, Caller caller) {
        return RoundResponse.of(service.detail(id, caller));
    }

    @PostMapping({"/api/v1/review-rounds/{id}/random-assignment", "/api/v1/applications/review-rounds/{id}/random-assignment"})
    @PreAuthorize(STAFF)
    @Operation(summary = "Assign experts at random from the authority's pool, never one with a conflict of interest")
    @ApiResponse(responseCode = "503", description = "identity-service (the expert pool) is unavailable; nothing was changed, retry after `Retry-After` seconds")
    @ApiResponse(responseCode = "200", description = "The round with its assignments", content = @Content(schema = @Schema(implementation = RoundResponse.class)))
    RoundResponse assignRandomly(@PathVariable UUID id, Caller caller) {
        return RoundResponse.of(service.assignRandomly(id, caller));
    }

    @PostMapping({"/api/v1/review-rounds/{id}/assignments", "/api/v1/applications/review-rounds/{id}/assignments"})
    @PreAuthorize(STAFF)
    @Operation(summary = "Assign a chosen expert; a conflicted one is refused (409 naming why)")
    @ApiResponse(responseCode = "503", description = "identity-service (the expert pool) is unavailable; nothing was changed, retry after `Retry-After` seconds")
    @ApiResponse(responseCode = "200", description = "The round with its assignments", content = @Content(schema = @Schema(implementation = RoundResponse.class)))
    RoundResponse assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request, Caller caller) {
        return RoundResponse.of(service.assign(id, request.applicationId(), request.expertId(), caller));
    }

    @PostMapping({"/api/v1/review-rounds/{id}/closure", "/api/v1/applications/review-rounds/{id}/closure"})
    @PreAuthorize(STAFF)
    @Operation(summary = "Close the round when every assignment is scored: averages, outliers flagged")
    RoundResponse close(@PathVariable UUID id, Caller caller) {
        return RoundResponse.of(service.close(id, caller));
    }

    @GetMapping({"/api/v1/expert/assignments", "/api/v1/applications/expert/assignments"})
    @PreAuthorize("hasRole('expert')")
    @Operation(summary = "The calling expert's assignments, and nobody else's")
    List<ExpertAssignmentResponse> myAssignments(Caller caller) {
        return service.myAssignments(caller).stream().map(ExpertAssignmentResponse::of).toList();
    }

    @GetMapping({"/api/v1/expert/assignments/{id}", "/api/v1/applications/expert/assignments/{id}"})
    @PreAuthorize("hasRole('expert')")
    @Operation(summary = "One of the caller's assignments with the scoring sheet and the submitted form")
    ExpertAssignmentResponse myAssignment(@PathVariable UUID id, Caller caller) {
        return ExpertAssignmentResponse.of(service.myAssignment(id, caller));
    }

    @GetMapping({"/api/v1/expert/assignments/{id}/attachments/{attachmentId}",
            "/api/v1/applications/expert/assignments/{id}/attachments/{attachmentId}"})
    @PreAuthorize("hasRole('expert')")
    @Operation(summary = "A file of the application assigned to the calling expert (the stamped form, supporting materials)")
    org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> file(@PathVariable UUID id,
            @PathVariable UUID attachmentId, Caller caller) {
        var file = service.file(id, attachmentId, caller);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.attachment().fileType().contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(file.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new org.springframework.core.io.InputStreamResource(file.content()));
    }

    @PutMapping({"/api/v1/expert/assignments/{id}/score", "/api/v1/applications/expert/assignments/{id}/score"})
    @PreAuthorize("hasRole('expert')")
    @Operation(summary = "Score every observation point within its range, the deduction, a comment; again while the round is open")
    ExpertAssignmentResponse score(@PathVariable UUID id, @Valid @RequestBody ScoreRequest request, Caller caller) {
        return ExpertAssignmentResponse.of(service.score(id, request.scores(), request.deduction(), request.comment(),
                caller));
    }

    @PostMapping(path = "/api/v1/applications/{id}/review-stages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(STAFF)
    @Operation(summary = "Record a meeting review or site visit: outcome PASSED/FAILED, comment, minutes file")
    StageRecordView record(@PathVariable UUID id, @RequestParam ReviewStageKind stage, @RequestParam String outcome,
            @RequestParam(required = false) String comment, @RequestPart(value = "minutes", required = false) MultipartFile minutes,
            Caller caller) {
        try {
            return StageRecordView.of(service.record(id, stage, outcome, comment,
                    minutes == null ? null : minutes.getOriginalFilename(), minutes == null ? null : minutes.getInputStream(),
                    caller));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/applications/{id}/review-stages")
    @Operation(summary = "The meeting review and site visit records of an application")
    List<StageRecordView> records(@PathVariable UUID id, Caller caller) {
        return service.records(id, caller).stream().map(StageRecordView::of).toList();
    }

    @PostMapping("/api/v1/programmes/{programmeId}/shortlist/{type}")
    @PreAuthorize(STAFF)
    @Operation(summary = "Shortlist applications whose expert review is complete, within the programme's total quota (409 naming it)")
    ShortlistResponse shortlist(@PathVariable UUID programmeId, @PathVariable PlatformType type,
            @Valid @RequestBody ShortlistRequest request, Caller caller) {
        List<ApplicationForm> moved = service.shortlist(programmeId, type(programmeId, type), request.applicationIds(),
                request.comment(), caller);
        return new ShortlistResponse(moved.stream().map(a -> new ShortlistResponse.Entry(a.id(), a.name(),
                a.status().name())).toList());
    }

    private TypeRules type(UUID programmeId, PlatformType type) {
        Programme programme = programmes.find(programmeId)
                .orElseThrow(() -> ApiException.notFound("programme.notFound", programmeId));
        return programme.definition().type(type).orElseThrow(() -> ApiException.notFound("programme.typeNotFound", type));
    }
}
