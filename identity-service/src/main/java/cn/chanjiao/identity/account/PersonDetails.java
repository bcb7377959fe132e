package cn.chanjiao.identity.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person to give an account: the Keycloak username (lower case, as Keycloak keeps it), names in
 * Chinese order, an e-mail (unique in the realm) and a mainland mobile number.
 */
public record PersonDetails(
        @NotBlank @Pattern(regexp = USERNAME) String username,
        @NotBlank @Size(max = 60) String familyName,
        @NotBlank @Size(max = 60) String givenName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = MOBILE) String mobile) {

    /** 3–50 characters: lower-case letters, digits, dot, underscore and dash, starting with a letter or digit. */
    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,49}";
    /** A mainland China mobile number: 11 digits starting with 13–19. */
    public static final String MOBILE = "1[3-9][0-9]{9}";
}
