package cn.chanjiao.identity.account;

/**
 * A user created by someone else (an org admin, a programme admin, a platform admin).
 *
 * @param initialPassword shown this once to the inviter, who hands it over; temporary: Keycloak asks the
 *                        user for a new password at the first login (authorization-code login at the
 *                        front end); identity-service keeps no copy
 * @param emailSent       whether Keycloak also e-mailed the user a link to set a password
 */
public record InvitationResponse(AccountResponse account, String initialPassword, boolean emailSent) {

    @Override
    public String toString() {
        return "InvitationResponse[" + account.username() + "]";
    }
}
