package cn.chanjiao.application.programme;

import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.kit.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Programmes (calls) for signed-in users; programme admins create and edit those of their authority. */
@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes")
class ProgrammeController {

    private final ProgrammeService programmes;
    private final Clock clock;

    ProgrammeController(ProgrammeService programmes, Clock clock) {
        this.programmes = programmes;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Programmes the caller may see: published ones, and unpublished ones of its own authority for programme admins")
    List<ProgrammeResponse.Summary> list(Caller caller) {
        return programmes.list(caller).stream().map(p -> ProgrammeViews.summary(p, clock)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One programme with all its rules; ETag = its version")
    ResponseEntity<ProgrammeResponse> get(@PathVariable UUID id, Caller caller) {
        return withVersion(HttpStatus.OK, programmes.get(id, caller));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('programme-admin', 'platform-admin')")
    @Operation(summary = "Create a programme (programme admins: for their own authority)")
    @ApiResponse(responseCode = "201", description = "The new programme (`Location`, `ETag` = its version)", content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    ResponseEntity<ProgrammeResponse> create(@Valid @RequestBody SaveProgrammeRequest request, Caller caller) {
        Programme programme = programmes.create(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme.id()))
                .eTag(Versions.etag(programme.version())).body(ProgrammeViews.response(programme, clock));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('programme-admin', 'platform-admin')")
    @Operation(summary = "Replace a programme's rules; If-Match with the version it was read at")
    ResponseEntity<ProgrammeResponse> update(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SaveProgrammeRequest request, Caller caller) {
        long expected = Versions.required(ifMatch);
        return withVersion(HttpStatus.OK, programmes.update(id, expected, request, caller));
    }

    private ResponseEntity<ProgrammeResponse> withVersion(HttpStatus status, Programme programme) {
        return ResponseEntity.status(status).eTag(Versions.etag(programme.version()))
                .body(ProgrammeViews.response(programme, clock));
    }
}
