package cn.chanjiao.kit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.Map;

/**
 * A refusal the caller can act on, answered as a problem detail whose text comes from the message
 * bundles ({@code messages*.properties}) in the caller's language. Name the message code and its
 * arguments; add properties a client can read (e.g. the conflicting organisation's name).
 */
public class ApiException extends ErrorResponseException {

    public ApiException(HttpStatus status, String messageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, arguments);
        getBody().setType(Problems.type(messageCode));
    }

    /** Adds a machine-readable property to the problem body. */
    public ApiException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    public ApiException with(Map<String, Object> properties) {
        properties.forEach(this::with);
        return this;
    }

    public static ApiException badRequest(String messageCode, Object... arguments) {
        return new ApiException(HttpStatus.BAD_REQUEST, messageCode, arguments);
    }

    public static ApiException notFound(String messageCode, Object... arguments) {
        return new ApiException(HttpStatus.NOT_FOUND, messageCode, arguments);
    }

    public static ApiException conflict(String messageCode, Object... arguments) {
        return new ApiException(HttpStatus.CONFLICT, messageCode, arguments);
    }

    /** The {@code If-Match} version is not the current one: someone else saved first. */
    public static ApiException preconditionFailed(String messageCode, Object... arguments) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, messageCode, arguments);
    }

    /** An edit without {@code If-Match}: refused so that no save silently overwrites another. */
    public static ApiException preconditionRequired(String messageCode, Object... arguments) {
        return new ApiException(HttpStatus.PRECONDITION_REQUIRED, messageCode, arguments);
    }

    public static ApiException forbidden(String messageCode, Object... arguments) {
        return new ApiException(HttpStatus.FORBIDDEN, messageCode, arguments);
    }

    public static ApiException unprocessable(String messageCode, Object... arguments) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, messageCode, arguments);
    }
}
