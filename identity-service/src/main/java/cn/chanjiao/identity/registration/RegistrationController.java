package cn.chanjiao.identity.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.chanjiao.identity.web.FieldProblems;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Self-registration, open to anyone (the registering unit has no account yet): the organisation and
 * its org admin in one request. Send an {@code Idempotency-Key} to make a retry safe.
 */
@RestController
@RequestMapping("/api/v1/public/identity/registrations")
class RegistrationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** On a replayed answer, as every service sends it. */
    static final String REPLAYED = "Idempotent-Replayed";
    /** The first name this endpoint gave the same header; kept for clients that read it. */
    static final String DEPRECATED_REPLAYED = "Idempotency-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final RegistrationService registrations;
    private final MessageSource messages;

    RegistrationController(RegistrationService registrations, MessageSource messages) {
        this.registrations = registrations;
        this.messages = messages;
    }

    /**
     * 201 with the organisation ({@code PENDING}) and its org admin; the same answer again, with
     * {@code Idempotent-Replayed: true} (the name every service uses), for a retry with the same key and
     * content. {@code Idempotency-Replayed}, this endpoint's first name for it, is still sent (deprecated).
     */
    @PostMapping
    @ApiResponse(responseCode = "503", description = "Keycloak is unavailable; nothing was changed, retry after `Retry-After` seconds")
    @ApiResponse(responseCode = "201", description = "The organisation (`PENDING`) and its org admin (`Location`); a retry with the same key and content gets the same answer with `Idempotent-Replayed: true` (also sent, deprecated: `Idempotency-Replayed`)", content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    ResponseEntity<RegistrationResponse> register(
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody RegisterOrganisationRequest request) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw FieldProblems.single(messages, IDEMPOTENCY_KEY, idempotencyKey, "problem.idempotencyKeyFormat");
        }
        RegistrationService.Outcome outcome = registrations.register(request, idempotencyKey);
        ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/identity/organisations/" + outcome.response().organisation().id()));
        if (outcome.replayed()) {
            created.header(REPLAYED, "true").header(DEPRECATED_REPLAYED, "true");
        }
        return created.body(outcome.response());
    }
}
