package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.web.FieldProblems;
import cn.chanjiao.identity.web.PageResponse;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Organisations for their own people, reviewers, programme admins, integrators and the platform's
 * services. Which organisation a caller may see or change is decided per organisation by
 * {@link OrganisationAccess}; self-registration is the registration feature's.
 */
@RestController
@RequestMapping("/api/v1/identity/organisations")
class OrganisationController {

    static final int MAX_PAGE_SIZE = 200;

    private final OrganisationService organisations;
    private final MessageSource messages;

    OrganisationController(OrganisationService organisations, MessageSource messages) {
        this.organisations = organisations;
        this.messages = messages;
    }

    /** Paged search by name or code, kind, status and region, and {@code updatedSince} for incremental sync. */
    @GetMapping
    PageResponse<OrganisationResponse> search(Caller caller, @RequestParam(required = false) String q,
            @RequestParam(required = false) String code, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String province,
            @RequestParam(required = false) String city, @RequestParam(required = false) String district,
            @RequestParam(required = false) Instant updatedSince,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        OrganisationKind kindValue = enumParam(OrganisationKind.class, "kind", kind);
        OrganisationStatus statusValue = enumParam(OrganisationStatus.class, "status", status);
        return organisations.search(caller, new OrganisationService.Criteria(q, blank(code), kindValue, statusValue,
                blank(province), blank(city), blank(district), updatedSince), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganisationResponse> get(Caller caller, @PathVariable UUID id) {
        return withETag(organisations.get(caller, id));
    }

    /** By unified social credit code or 10-digit school code. */
    @GetMapping("/by-code/{code}")
    ResponseEntity<OrganisationResponse> byCode(Caller caller, @PathVariable String code) {
        return withETag(organisations.byCode(caller, code.strip()));
    }

    /** Many at once, for the platform's services (Feign): those that exist, in the order asked. */
    @PostMapping("/batch")
    @PreAuthorize("hasAnyRole('service', 'platform-admin')")
    List<OrganisationResponse> batch(@Valid @RequestBody BatchRequest request) {
        return organisations.batch(request.ids());
    }

    /**
     * Edits an organisation; {@code If-Match} must carry the version read (its ETag). Its applicants
     * and org admin may; a change of name, codes, kind or region makes a verified organisation pending
     * again, and any change makes a rejected one pending again.
     */
    @PutMapping("/{id}")
    ResponseEntity<OrganisationResponse> edit(Caller caller, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody OrganisationDetails details) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired("problem.organisation.ifMatchRequired");
        }
        return withETag(organisations.edit(caller, id, version(ifMatch), details));
    }

    /** A programme admin of its jurisdiction verifies a pending organisation: it may now lead applications. */
    @PostMapping("/{id}/verification")
    @PreAuthorize("hasRole('programme-admin')")
    OrganisationResponse verify(Caller caller, @PathVariable UUID id) {
        return organisations.verify(caller, id);
    }

    /** A programme admin of its jurisdiction rejects a pending organisation, saying why. */
    @PostMapping("/{id}/rejection")
    @PreAuthorize("hasRole('programme-admin')")
    OrganisationResponse reject(Caller caller, @PathVariable UUID id, @Valid @RequestBody RejectRequest request) {
        return organisations.reject(caller, id, request.reason());
    }

    record BatchRequest(@NotNull @NotEmpty @Size(max = MAX_PAGE_SIZE) List<@NotNull UUID> ids) {
    }

    record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private static ResponseEntity<OrganisationResponse> withETag(OrganisationResponse response) {
        return ResponseEntity.ok().eTag("\"" + response.version() + "\"").body(response);
    }

    private long version(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw FieldProblems.single(messages, HttpHeaders.IF_MATCH, ifMatch, "problem.organisation.ifMatchFormat");
        }
    }

    private <E extends Enum<E>> E enumParam(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return OrganisationRules.parse(type, value.strip()).orElseThrow(() -> FieldProblems.single(messages, name, value,
                "problem.field.oneOf", String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
