package cn.chanjiao.application.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Without a token: notices and their lists, objections filed by anyone during a notice, the approved platforms. */
@RestController
@Tag(name = "Public notices")
class PublicNoticeController {

    private final NoticeService notices;

    PublicNoticeController(NoticeService notices) {
        this.notices = notices;
    }

    record FileObjectionRequest(@NotNull UUID applicationId, @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String contact, @Size(max = 5000) String grounds) {
    }

    @GetMapping({"/api/v1/public/notices", "/api/v1/public/applications/notices"})
    @Operation(summary = "Public notices, newest first, with the applications on each")
    List<NoticeViews.NoticeResponse> list(@RequestParam(required = false) UUID programmeId) {
        return notices.publicList(programmeId).stream().map(d -> NoticeViews.of(d, false)).toList();
    }

    @GetMapping({"/api/v1/public/notices/{id}", "/api/v1/public/applications/notices/{id}"})
    @Operation(summary = "One notice: dates (working days), phase, the applications on it")
    NoticeViews.NoticeResponse notice(@PathVariable UUID id) {
        return NoticeViews.of(notices.publicView(id), false);
    }

    @PostMapping({"/api/v1/public/notices/{id}/objections", "/api/v1/public/applications/notices/{id}/objections"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an objection to an application on notice: name, contact, grounds; only while the notice runs")
    NoticeViews.FiledResponse object(@PathVariable UUID id, @Valid @RequestBody FileObjectionRequest request) {
        var filed = notices.file(id, new NoticeService.FileObjection(request.applicationId(), request.name(),
                request.contact(), request.grounds()));
        var objection = filed.objection();
        return new NoticeViews.FiledResponse(objection.id(), objection.noticeId(), objection.applicationId(),
                objection.status(), objection.filedAt(), filed.token());
    }

    @PostMapping(path = {"/api/v1/public/notices/{id}/objections/{objectionId}/attachments", "/api/v1/public/applications/notices/{id}/objections/{objectionId}/attachments"},
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach evidence (PDF, JPEG, PNG, DOCX, XLSX by content, ≤ 10 MB, ≤ 5 files) to one's objection, "
            + "with the token from filing in X-Objection-Token, while the notice runs")
    NoticeViews.EvidenceView attach(@PathVariable UUID id, @PathVariable UUID objectionId,
            @org.springframework.web.bind.annotation.RequestHeader(value = "X-Objection-Token", required = false) String token,
            @org.springframework.web.bind.annotation.RequestPart("file") org.springframework.web.multipart.MultipartFile file) {
        try {
            return NoticeViews.EvidenceView.of(notices.attach(id, objectionId, token, file.getOriginalFilename(),
                    file.getInputStream()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GetMapping({"/api/v1/public/platforms", "/api/v1/public/applications/platforms"})
    @Operation(summary = "The approved list: platforms under construction (and revoked ones with status=REVOKED)")
    List<NoticeViews.PlatformResponse> platforms(@RequestParam(required = false) UUID programmeId,
            @RequestParam(defaultValue = "APPROVED") String status) {
        return notices.platforms(programmeId, status).stream().map(NoticeViews.PlatformResponse::of).toList();
    }

    @GetMapping({"/api/v1/public/platforms/{id}", "/api/v1/public/applications/platforms/{id}"})
    @Operation(summary = "One approved platform")
    NoticeViews.PlatformResponse platform(@PathVariable UUID id) {
        return NoticeViews.PlatformResponse.of(notices.platform(id));
    }
}
