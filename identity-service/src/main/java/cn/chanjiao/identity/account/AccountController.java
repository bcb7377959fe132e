package cn.chanjiao.identity.account;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.chanjiao.identity.web.PageResponse;
import cn.chanjiao.kit.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Users: an org admin's invitations, and lookups for the platform's services and admins. */
@RestController
@RequestMapping("/api/v1/identity")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * The org admin invites an applicant of its organisation: created in Keycloak with role
     * {@code applicant}, the organisation's {@code org_id} and {@code authority_code}, and a one-time
     * initial password it must change at the first login.
     */
    @PostMapping("/organisations/{organisationId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('org-admin')")
    @ApiResponse(responseCode = "503", description = "Keycloak is unavailable; nothing was changed, retry after `Retry-After` seconds")
    InvitationResponse invite(Caller caller, @PathVariable UUID organisationId, @Valid @RequestBody PersonDetails person) {
        return accounts.invite(caller, organisationId, person);
    }

    /** The users of an organisation. */
    @GetMapping("/organisations/{organisationId}/users")
    List<AccountResponse> usersOf(Caller caller, @PathVariable UUID organisationId) {
        return accounts.usersOf(caller, organisationId);
    }

    @GetMapping("/users/{id}")
    AccountResponse get(Caller caller, @PathVariable UUID id) {
        return accounts.get(caller, id);
    }

    /**
     * Users holding a role in an authority and department (e.g. {@code role=reviewer&authority=330100&department=development-reform}),
     * of an organisation, by name; {@code below=true} includes the authorities below; {@code updatedSince} for sync.
     */
    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('service', 'platform-admin', 'programme-admin')")
    PageResponse<AccountResponse> search(Caller caller, @RequestParam(required = false) String role,
            @RequestParam(required = false) String authority, @RequestParam(defaultValue = "false") boolean below,
            @RequestParam(required = false) String department, @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) String q, @RequestParam(required = false) Instant updatedSince,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return accounts.search(caller, new AccountService.Criteria(blank(role), blank(authority), below, blank(department),
                organisation, q, updatedSince), page, size);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
