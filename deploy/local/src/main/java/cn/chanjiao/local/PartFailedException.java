package cn.chanjiao.local;

/** One part of the platform did not start; the message says which, why, and the end of its log. */
public final class PartFailedException extends RuntimeException {

    private final String part;

    PartFailedException(String part, String reason, Throwable cause) {
        super(part + " did not start: " + reason, cause);
        this.part = part;
    }

    PartFailedException(String part, String reason) {
        this(part, reason, null);
    }

    /** PostgreSQL, Kafka, Keycloak or the service's name. */
    public String part() {
        return part;
    }
}
