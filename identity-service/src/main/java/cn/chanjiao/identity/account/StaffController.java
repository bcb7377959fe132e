package cn.chanjiao.identity.account;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.chanjiao.kit.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Staff accounts: programme admins create reviewers (scoped to an authority of their jurisdiction
 * and a department) and experts (with their organisation, for conflict-of-interest checks); platform
 * admins create programme admins. Each gets a one-time initial password to change at the first login.
 */
@RestController
@RequestMapping("/api/v1/identity/staff")
class StaffController {

    private final AccountService accounts;

    StaffController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/reviewers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('programme-admin')")
    @ApiResponse(responseCode = "503", description = "Keycloak is unavailable; nothing was changed, retry after `Retry-After` seconds")
    InvitationResponse reviewer(Caller caller, @Valid @RequestBody ScopedStaffRequest request) {
        return accounts.createReviewer(caller, request.person(), request.authorityCode(), request.department());
    }

    @PostMapping("/experts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('programme-admin')")
    @ApiResponse(responseCode = "503", description = "Keycloak is unavailable; nothing was changed, retry after `Retry-After` seconds")
    InvitationResponse expert(Caller caller, @Valid @RequestBody ExpertRequest request) {
        return accounts.createExpert(caller, request.person(), request.organisationId());
    }

    @PostMapping("/programme-admins")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    @ApiResponse(responseCode = "503", description = "Keycloak is unavailable; nothing was changed, retry after `Retry-After` seconds")
    InvitationResponse programmeAdmin(Caller caller, @Valid @RequestBody ScopedStaffRequest request) {
        return accounts.createProgrammeAdmin(caller, request.person(), request.authorityCode(), request.department());
    }

    /** A reviewer or programme admin: the person, the authority (GB/T 2260) and the department code. */
    record ScopedStaffRequest(
            @NotBlank @Pattern(regexp = PersonDetails.USERNAME) String username,
            @NotBlank @Size(max = 60) String familyName,
            @NotBlank @Size(max = 60) String givenName,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = PersonDetails.MOBILE) String mobile,
            @NotBlank @Pattern(regexp = "[0-9]{6}") String authorityCode,
            @NotBlank String department) {

        PersonDetails person() {
            return new PersonDetails(username, familyName, givenName, email, mobile);
        }
    }

    /** An expert: the person and the organisation it works for. */
    record ExpertRequest(
            @NotBlank @Pattern(regexp = PersonDetails.USERNAME) String username,
            @NotBlank @Size(max = 60) String familyName,
            @NotBlank @Size(max = 60) String givenName,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = PersonDetails.MOBILE) String mobile,
            @NotNull UUID organisationId) {

        PersonDetails person() {
            return new PersonDetails(username, familyName, givenName, email, mobile);
        }
    }
}
