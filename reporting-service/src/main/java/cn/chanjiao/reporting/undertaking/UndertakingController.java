package cn.chanjiao.reporting.undertaking;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.reporting.attachment.Attachments;
import cn.chanjiao.kit.files.FileType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Undertaking published technology demands: undertake, report progress and completion with evidence, confirm. */
@RestController
@RequestMapping("/api/v1/supply-demand")
@Tag(name = "Undertakings")
class UndertakingController {

    private final UndertakingService undertakings;
    private final Attachments attachments;

    UndertakingController(UndertakingService undertakings, Attachments attachments) {
        this.undertakings = undertakings;
        this.attachments = attachments;
    }

    @PostMapping("/rows/{demandId}/undertakings")
    @Operation(summary = "Undertake a published technology demand (a member organisation of its platform)")
    @ApiResponse(responseCode = "201", description = "The undertaking", content = @Content(schema = @Schema(implementation = Undertaking.class)))
    ResponseEntity<Undertaking> undertake(@PathVariable UUID demandId, Caller caller,
            @Valid @RequestBody UndertakeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(undertakings.undertake(demandId, caller, request.plan()));
    }

    @GetMapping("/rows/{demandId}/undertakings")
    @Operation(summary = "Who undertook a demand")
    List<Undertaking> ofDemand(@PathVariable UUID demandId) {
        return undertakings.ofDemand(demandId);
    }

    @GetMapping("/undertakings")
    @Operation(summary = "Undertakings of the caller's organisation, as owner or undertaker")
    List<Undertaking> mine(Caller caller) {
        return undertakings.mine(caller);
    }

    @GetMapping("/undertakings/{id}")
    Undertaking get(@PathVariable UUID id, Caller caller) {
        return undertakings.get(id, caller);
    }

    @PostMapping("/undertakings/{id}/progress")
    @Operation(summary = "Report progress (the undertaker)")
    Undertaking progress(@PathVariable UUID id, Caller caller, @Valid @RequestBody ProgressRequest request) {
        return undertakings.progress(id, caller, request.percent(), request.note());
    }

    @PostMapping(value = "/undertakings/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add evidence (PDF, image, DOCX or XLSX, recognised by content)")
    Undertaking evidence(@PathVariable UUID id, Caller caller, @RequestPart("file") MultipartFile file) {
        undertakings.get(id, caller);
        return undertakings.evidence(id, caller, attachments.store(file, caller, Set.of(FileType.values())));
    }

    @PostMapping("/undertakings/{id}/completion")
    @Operation(summary = "Report completion with a summary (evidence needed)")
    Undertaking completion(@PathVariable UUID id, Caller caller, @Valid @RequestBody CompletionRequest request) {
        return undertakings.reportCompletion(id, caller, request.summary());
    }

    @PostMapping("/undertakings/{id}/confirmation")
    @Operation(summary = "The demand's owner confirms completion, or sends it back with a comment")
    Undertaking confirm(@PathVariable UUID id, Caller caller, @Valid @RequestBody ConfirmRequest request) {
        return undertakings.confirm(id, caller, request.confirmed(), request.comment());
    }

    record UndertakeRequest(@Size(max = 2000) String plan) {
    }

    record ProgressRequest(@Min(0) @Max(100) Integer percent, @NotBlank @Size(max = 2000) String note) {
    }

    record CompletionRequest(@NotBlank @Size(max = 4000) String summary) {
    }

    record ConfirmRequest(@NotNull Boolean confirmed, @Size(max = 2000) String comment) {
    }
}
