package cn.chanjiao.local;

/** One part of the platform did not start; the message says which, why, and the end of its log. */
public final class PartFailedException extends RuntimeException {

    private final String part;

    PartFailedException(String part, String reason, Throwable cause) {
        super(message(part, reason), cause);
        this.part = part;
    }

    private static String message(String part, String reason) {
        return switch (part) {
            case "ports", "data folder", "launcher" -> "cannot start (" + part + "): " + reason;
            default -> part + " did not start: " + reason;
        };
    }

    PartFailedException(String part, String reason) {
        this(part, reason, null);
    }

    /** PostgreSQL, Kafka, Keycloak or the service's name. */
    public String part() {
        return part;
    }
}
