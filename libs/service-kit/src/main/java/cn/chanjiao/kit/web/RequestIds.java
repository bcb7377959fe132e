package cn.chanjiao.kit.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} that follows one request through the gateway and every service. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key under which logs carry it. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The incoming id if it is well-formed, a new one otherwise. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
