package cn.chanjiao.identity.registration;

import cn.chanjiao.identity.account.PersonDetails;
import cn.chanjiao.identity.organisation.OrganisationDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A lead unit registers itself and its first user, the org admin, in one request.
 *
 * @param organisation the organisation, as in the application forms
 * @param admin        its first user; the password goes to Keycloak and nowhere else
 */
public record RegisterOrganisationRequest(@NotNull @Valid OrganisationDetails organisation, @NotNull @Valid Admin admin) {

    /**
     * @param password at least 8 characters with letters and digits; checked without ever being echoed
     *                 in an error, passed to Keycloak, never stored or logged
     */
    public record Admin(
            @NotBlank @Pattern(regexp = PersonDetails.USERNAME) String username,
            @NotBlank @Size(max = 60) String familyName,
            @NotBlank @Size(max = 60) String givenName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = PersonDetails.MOBILE) String mobile,
            String password) {

        PersonDetails person() {
            return new PersonDetails(username, familyName, givenName, email, mobile);
        }

        Admin withoutPassword() {
            return new Admin(username, familyName, givenName, email, mobile, null);
        }

        @Override
        public String toString() {
            return "Admin[" + username + ", " + email + ", password hidden]";
        }
    }

    RegisterOrganisationRequest withoutPassword() {
        return new RegisterOrganisationRequest(organisation, admin.withoutPassword());
    }
}
