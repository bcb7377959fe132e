package cn.chanjiao.application.form;

import cn.chanjiao.application.form.FormRequests.CreateApplicationRequest;
import cn.chanjiao.application.form.FormRequests.ParticipantRequest;
import cn.chanjiao.application.form.FormRequests.ReturnApplicationRequest;
import cn.chanjiao.application.form.FormRequests.UpdateBasicInfoRequest;
import cn.chanjiao.application.form.FormRequests.UpdateCommitmentRequest;
import cn.chanjiao.application.form.FormRequests.UpdateLeadUnitsRequest;
import cn.chanjiao.application.form.FormRequests.UpdateParticipantsRequest;
import cn.chanjiao.application.form.FormRequests.UpdatePlanRequest;
import cn.chanjiao.application.form.FormRequests.UpdateSectionRequest;
import cn.chanjiao.application.form.FormRequests.WithdrawApplicationRequest;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.kit.web.Messages;
import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.kit.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Application forms: applicants create and fill drafts of their organisation and submit them;
 * staff read submitted ones in their jurisdiction and may return them. Every edit needs
 * {@code If-Match} with the version (ETag) it started from.
 */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications")
@org.springframework.validation.annotation.Validated
class ApplicationController {

    private static final String APPLICANT = "hasAnyRole('applicant', 'org-admin')";

    private final FormService forms;
    private final Messages messages;

    ApplicationController(FormService forms, Messages messages) {
        this.forms = forms;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Create a draft for a programme and platform type; the caller's organisation becomes the filing lead unit")
    @ApiResponse(responseCode = "503", description = "identity-service is unavailable; nothing was changed, retry after `Retry-After` seconds")
    @ApiResponse(responseCode = "201", description = "The new draft (`Location`, `ETag` = its version)", content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    ResponseEntity<ApplicationResponse> create(@Valid @RequestBody CreateApplicationRequest request, Caller caller) {
        FormService.Loaded loaded = forms.create(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + loaded.application().id()))
                .eTag(Versions.etag(loaded.application().version())).body(ApplicationViews.response(loaded));
    }

    @GetMapping
    @Operation(summary = "Applications the caller may see: its organisation's, or submitted ones in its jurisdiction")
    ApplicationResponse.Page<ApplicationResponse.Summary> list(Caller caller,
            @RequestParam(required = false) UUID programmeId, @RequestParam(required = false) PlatformType platformType,
            @RequestParam(required = false) ApplicationStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = forms.list(new ApplicationFilter(caller, programmeId, platformType, status, region, updatedSince),
                page, size);
        return new ApplicationResponse.Page<>(result.items().stream().map(ApplicationViews::summary).toList(), page, size,
                result.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One application; ETag = its version")
    ResponseEntity<ApplicationResponse> get(@PathVariable UUID id, Caller caller) {
        return ok(forms.get(id, caller));
    }

    @GetMapping("/{id}/validation")
    @Operation(summary = "What submitting now would meet: every broken rule of the form as it stands")
    ApplicationResponse.Validation validation(@PathVariable UUID id, Caller caller) {
        var problems = messages.describe(forms.validate(id, caller)).stream()
                .map(p -> new ApplicationResponse.Problem((String) p.get("field"), (String) p.get("code"),
                        (String) p.get("message"))).toList();
        return new ApplicationResponse.Validation(problems.isEmpty(), problems);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Status changes: who, when, from, to, comment")
    java.util.List<ApplicationResponse.TransitionView> history(@PathVariable UUID id, Caller caller) {
        return forms.history(id, caller).stream()
                .map(t -> new ApplicationResponse.TransitionView(t.from(), t.to(), t.actor(), t.role(),
                        t.stage(), t.authorityCode(), t.department(), t.at(), t.comment())).toList();
    }

    @GetMapping("/{id}/document.docx")
    @Operation(summary = "The form as a Word document in the seed layout (cover, tables, sections), to print and stamp")
    ResponseEntity<byte[]> document(@PathVariable UUID id, Caller caller) {
        FormService.Loaded loaded = forms.get(id, caller);
        byte[] docx = FormDocument.docx(loaded, messages, forms.today());
        return file(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                fileName(loaded, loaded.type().formTitle()) + ".docx");
    }

    @GetMapping("/{id}/plan.xlsx")
    @Operation(summary = "The construction-plan table as a spreadsheet")
    ResponseEntity<byte[]> planSheet(@PathVariable UUID id, Caller caller) {
        FormService.Loaded loaded = forms.get(id, caller);
        return file(FormDocument.planXlsx(loaded), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                fileName(loaded, "建设计划") + ".xlsx");
    }

    private static String fileName(FormService.Loaded loaded, String what) {
        String name = loaded.application().name();
        return (name == null || name.isBlank() ? "" : name.replaceAll("[\\/:*?\"<>|]", "") + "-") + what;
    }

    private static ResponseEntity<byte[]> file(byte[] content, String contentType, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    @PutMapping("/{id}/basic-info")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Save the basic information (基本信息); partial is fine")
    ResponseEntity<ApplicationResponse> basicInfo(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody UpdateBasicInfoRequest request, Caller caller) {
        return ok(forms.updateBasicInfo(id, Versions.required(ifMatch), request.toBasicInfo(), caller));
    }

    @PutMapping("/{id}/lead-units")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Replace the lead units; each is checked with identity-service (exists, verified, kind, attributes, region)")
    @ApiResponse(responseCode = "503", description = "identity-service is unavailable; nothing was changed, retry after `Retry-After` seconds")
    @ApiResponse(responseCode = "200", description = "The application with its lead units (`ETag` = its new version)", content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    ResponseEntity<ApplicationResponse> leadUnits(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody UpdateLeadUnitsRequest request, Caller caller) {
        return ok(forms.updateLeadUnits(id, Versions.required(ifMatch), request.leadUnits(), caller));
    }

    @PutMapping("/{id}/participants")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Replace the participants (参与单位 / 成员单位 / 共建单位)")
    ResponseEntity<ApplicationResponse> participants(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody UpdateParticipantsRequest request, Caller caller) {
        return ok(forms.updateParticipants(id, Versions.required(ifMatch),
                request.participants().stream().map(ParticipantRequest::toParticipant).toList(), caller));
    }

    @PutMapping("/{id}/plan")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Replace the construction-plan table: values per indicator and year")
    ResponseEntity<ApplicationResponse> plan(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody UpdatePlanRequest request, Caller caller) {
        return ok(forms.updatePlan(id, Versions.required(ifMatch), request.values(), caller));
    }

    @PutMapping("/{id}/sections/{code}")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Save one text section; over its character limit is a 400 naming the section and the count")
    ResponseEntity<ApplicationResponse> section(@PathVariable UUID id, @PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateSectionRequest request, Caller caller) {
        return ok(forms.updateSection(id, Versions.required(ifMatch), code, request.text(), caller));
    }

    @PutMapping("/{id}/commitment")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Accept (or take back) the commitment (承诺)")
    ResponseEntity<ApplicationResponse> commitment(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody UpdateCommitmentRequest request, Caller caller) {
        return ok(forms.updateCommitment(id, Versions.required(ifMatch), request.accepted(), request.signatory(), caller));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Upload an attachment of a kind the programme asks for; PDF/JPEG/PNG/DOCX/XLSX recognised by content")
    @ApiResponse(responseCode = "201", description = "The application with the new attachment (`ETag` = its new version)", content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    ResponseEntity<ApplicationResponse> upload(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @RequestParam String kind, @RequestPart("file") MultipartFile file,
            Caller caller) {
        long version = Versions.required(ifMatch);
        try {
            return withStatus(HttpStatus.CREATED, forms.addAttachment(id, version, kind, file.getOriginalFilename(),
                    file.getInputStream(), caller));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachmentId, Caller caller) {
        FormService.Download download = forms.download(id, attachmentId, caller);
        var attachment = download.attachment();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.fileType().contentType()))
                .contentLength(attachment.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Remove an attachment of a draft")
    ResponseEntity<ApplicationResponse> removeAttachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return ok(forms.removeAttachment(id, Versions.required(ifMatch), attachmentId, caller));
    }

    @PostMapping("/{id}/submission")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Submit: inside the registration window, complete and valid; once per Idempotency-Key")
    @ApiResponse(responseCode = "200", description = "The submitted application (`ETag` = its version); a retry with the same `Idempotency-Key` gets the first answer with `Idempotent-Replayed: true`", content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @ApiResponse(responseCode = "503", description = "identity-service is unavailable; nothing was changed, retry after `Retry-After` seconds")
    ResponseEntity<?> submit(@PathVariable UUID id, @Parameter(required = true) @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.required(ifMatch);
        FormService.Submission submission = forms.submit(id, key, expected, caller, ApplicationViews::response);
        if (submission.replay() != null) {
            return ResponseEntity.status(submission.replay().status()).header("Idempotent-Replayed", "true")
                    .eTag(Versions.etag(submission.replay().body().path("version").asLong()))
                    .contentType(MediaType.APPLICATION_JSON).body(submission.replay().body());
        }
        return ok(submission.loaded());
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize(APPLICANT)
    @Operation(summary = "Withdraw a draft or a submitted application before review starts")
    ResponseEntity<ApplicationResponse> withdraw(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody(required = false) WithdrawApplicationRequest request,
            Caller caller) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.required(ifMatch);
        return ok(forms.withdraw(id, expected, request == null ? null : request.reason(), caller));
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAnyRole('reviewer', 'programme-admin', 'platform-admin')")
    @Operation(summary = "Return a submitted application to its applicant as an editable draft, with a comment")
    ResponseEntity<ApplicationResponse> returnToApplicant(@PathVariable UUID id,
            @Valid @RequestBody ReturnApplicationRequest request, Caller caller) {
        return ok(forms.returnToApplicant(id, request.comment(), caller));
    }

    private static ResponseEntity<ApplicationResponse> ok(FormService.Loaded loaded) {
        return withStatus(HttpStatus.OK, loaded);
    }

    private static ResponseEntity<ApplicationResponse> withStatus(HttpStatus status, FormService.Loaded loaded) {
        return ResponseEntity.status(status).eTag(Versions.etag(loaded.application().version()))
                .body(ApplicationViews.response(loaded));
    }
}
