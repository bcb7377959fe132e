package cn.chanjiao.application.notice;

import cn.chanjiao.kit.security.Caller;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The programme authority's side of public notices: start one, handle objections, revoke platforms. */
@RestController
@Tag(name = "Notices and approval")
class NoticeController {

    private static final String AUTHORITY = "hasAnyRole('programme-admin', 'platform-admin')";

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    record CreateNoticeRequest(@NotNull UUID programmeId, @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate startsOn, @Min(1) @Max(60) Integer workingDays,
            @NotEmpty @Size(max = 500) List<@NotNull UUID> applicationIds) {
    }

    record AssignObjectionRequest(@NotBlank @Size(max = 200) String assignee) {
    }

    record RuleObjectionRequest(@NotBlank String outcome, @Size(max = 2000) String reason) {
    }

    /**
     * @param reasonCode DISSOLUTION, VIOLATION, FALSIFICATION, MAJOR_CHANGE, FAILED_ACCEPTANCE, FAILED_ASSESSMENT,
     *                   VOLUNTARY_EXIT or OTHER
     * @param comment    what happened, in words (required)
     * @param reason     the comment's former name, read when {@code comment} is absent
     */
    record RevokeRequest(@Size(max = 30) String reasonCode, @Size(max = 2000) String comment,
            @Size(max = 2000) String reason) {
    }

    @PostMapping({"/api/v1/notices", "/api/v1/applications/notices"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "Put shortlisted applications on public notice from a date for at least the programme's working days")
    NoticeViews.NoticeResponse create(@Valid @RequestBody CreateNoticeRequest request, Caller caller) {
        var notice = notices.create(new NoticeService.CreateNotice(request.programmeId(), request.title().strip(),
                request.startsOn(), request.workingDays(), request.applicationIds()), caller);
        return NoticeViews.of(notices.staffView(notice.id(), caller), true);
    }

    @GetMapping({"/api/v1/notices", "/api/v1/applications/notices"})
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "The notices of the caller's authority with their objections, newest first")
    List<NoticeViews.NoticeResponse> notices(@org.springframework.web.bind.annotation.RequestParam(required = false)
            UUID programmeId, Caller caller) {
        return notices.staffList(programmeId, caller).stream().map(d -> NoticeViews.of(d, true)).toList();
    }

    @GetMapping({"/api/v1/notices/{id}", "/api/v1/applications/notices/{id}"})
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "A notice with its objections (filers' contacts included)")
    NoticeViews.NoticeResponse notice(@PathVariable UUID id, Caller caller) {
        return NoticeViews.of(notices.staffView(id, caller), true);
    }

    @PostMapping({"/api/v1/objections/{id}/assignment", "/api/v1/applications/objections/{id}/assignment"})
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "Assign an objection to someone to investigate")
    NoticeViews.ObjectionResponse assign(@PathVariable UUID id, @Valid @RequestBody AssignObjectionRequest request,
            Caller caller) {
        return NoticeViews.ObjectionResponse.of(notices.assign(id, request.assignee().strip(), caller),
                notices.evidenceOf(id));
    }

    @PostMapping({"/api/v1/objections/{id}/ruling", "/api/v1/applications/objections/{id}/ruling"})
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "Rule an objection UPHELD (the application will not be approved) or DISMISSED, with the reason")
    NoticeViews.ObjectionResponse rule(@PathVariable UUID id, @Valid @RequestBody RuleObjectionRequest request,
            Caller caller) {
        return NoticeViews.ObjectionResponse.of(notices.rule(id, request.outcome(), request.reason(), caller),
                notices.evidenceOf(id));
    }

    @GetMapping({"/api/v1/objections/{id}/attachments/{attachmentId}", "/api/v1/applications/objections/{id}/attachments/{attachmentId}"})
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "A file of evidence attached to an objection")
    org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> evidence(
            @PathVariable UUID id, @PathVariable UUID attachmentId, Caller caller) {
        var file = notices.evidence(id, attachmentId, caller);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.evidence().contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(file.evidence().fileName(),
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new org.springframework.core.io.InputStreamResource(file.content()));
    }

    @PostMapping({"/api/v1/platforms/{id}/revocation", "/api/v1/applications/platforms/{id}/revocation"})
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "Revoke an approved platform with a reason code (DISSOLUTION, VIOLATION, FALSIFICATION, "
            + "MAJOR_CHANGE, FAILED_ACCEPTANCE, FAILED_ASSESSMENT, VOLUNTARY_EXIT, OTHER) and a comment")
    NoticeViews.PlatformResponse revoke(@PathVariable UUID id, @Valid @RequestBody RevokeRequest request, Caller caller) {
        return NoticeViews.PlatformResponse.of(notices.revoke(id, request.reasonCode(),
                request.comment() != null ? request.comment() : request.reason(), caller));
    }
}
