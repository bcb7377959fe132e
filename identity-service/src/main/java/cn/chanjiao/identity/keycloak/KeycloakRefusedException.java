package cn.chanjiao.identity.keycloak;

/**
 * Keycloak refused a user or client for a reason the caller can fix: a username, e-mail or client id
 * that exists already ({@link Reason#USERNAME_TAKEN}, {@link Reason#EMAIL_TAKEN}, {@link Reason#CLIENT_TAKEN}),
 * or a value its user profile does not accept ({@link Reason#INVALID}, naming the profile attribute).
 */
public class KeycloakRefusedException extends RuntimeException {

    public enum Reason { USERNAME_TAKEN, EMAIL_TAKEN, CLIENT_TAKEN, INVALID }

    private final Reason reason;
    private final String attribute;

    KeycloakRefusedException(Reason reason, String attribute, String message) {
        super(message);
        this.reason = reason;
        this.attribute = attribute;
    }

    public Reason reason() {
        return reason;
    }

    /** The Keycloak user-profile attribute it refused ({@code username}, {@code email}, {@code firstName} …). */
    public String attribute() {
        return attribute;
    }
}
