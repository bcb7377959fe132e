package cn.chanjiao.kit.web;

import org.springframework.http.HttpHeaders;

/**
 * Optimistic locking over HTTP: a resource's version travels as a strong {@code ETag} ({@code "7"});
 * every edit names the version it started from in {@code If-Match}. Without it the edit is refused
 * (428) so that no save silently overwrites another; with a stale one it is refused (412) with the
 * current version.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by {@code If-Match}: {@code "7"}, {@code W/"7"} or {@code 7}. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired("version.ifMatchRequired");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.preconditionRequired("version.ifMatchInvalid", ifMatch);
        }
    }

    /** Refuses a write that did not start from {@code current}. */
    public static void check(long expected, long current) {
        if (expected != current) {
            throw stale(current);
        }
    }

    public static ApiException stale(long current) {
        ApiException problem = ApiException.preconditionFailed("version.stale", current)
                .with("currentVersion", current);
        problem.getHeaders().set(HttpHeaders.ETAG, etag(current));
        return problem;
    }
}
