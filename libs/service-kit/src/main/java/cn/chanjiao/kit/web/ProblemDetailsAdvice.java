package cn.chanjiao.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every error of every service as an RFC 9457 problem detail in the caller's language. Bad input is
 * a 400 naming each bad field; a stale or concurrent edit is a 409/412; nothing becomes a 500 but a
 * fault of ours, which is logged with its request id and told to the caller without internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;

    public ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.forCode(status, "problem.validation", locale, ex.getErrorCount());
        problem.setProperty("errors", errors(ex.getAllErrors(), locale));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", result.getMethodParameter().getParameterName());
            entry.put("message", problems.message(error, locale));
            errors.add(entry);
        }));
        ProblemDetail problem = problems.forCode(HttpStatus.BAD_REQUEST, "problem.validation", locale, errors.size());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = ex.getConstraintViolations().stream().map(violation -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", violation.getPropertyPath().toString());
            entry.put("message", violation.getMessage());
            return entry;
        }).toList();
        ProblemDetail problem = problems.forCode(HttpStatus.BAD_REQUEST, "problem.validation", locale, errors.size());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
    ResponseEntity<Object> concurrentEdit(Exception ex, WebRequest request) {
        return problem(ex, HttpStatus.CONFLICT, "problem.concurrentEdit", request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        log.info("integrity violation answered as 409: {}", ex.getMostSpecificCause().getMessage());
        return problem(ex, HttpStatus.CONFLICT, "problem.integrity", request);
    }

    /**
     * The database is busy or out of reach (a statement or transaction timed out, no connection could be had):
     * nothing was written, the client may retry — a 503 with Retry-After, never a 500.
     */
    @ExceptionHandler({ QueryTimeoutException.class, TransactionTimedOutException.class,
            CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class })
    ResponseEntity<Object> databaseBusy(Exception ex, WebRequest request) {
        log.warn("database busy or unreachable, answered as 503 for {}: {}", describe(request), ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        ProblemDetail problem = problems.forCode(HttpStatus.SERVICE_UNAVAILABLE, "problem.databaseBusy",
                LocaleContextHolder.getLocale());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return problem(ex, HttpStatus.FORBIDDEN, "problem.forbidden", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemDetail problem = problems.forCode(HttpStatus.UNAUTHORIZED, "problem.unauthorized",
                LocaleContextHolder.getLocale());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("unexpected failure of {}", describe(request), ex);
        return problem(ex, HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal", request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem;
        if (body instanceof ProblemDetail detail) {
            problem = detail;
        } else if (ex instanceof ErrorResponse errorResponse) {
            problem = errorResponse.updateAndGetBody(getMessageSource(), locale);
        } else {
            problem = ProblemDetail.forStatusAndDetail(statusCode, problems.message("problem.title." + statusCode.value(), locale));
        }
        problems.complete(problem, servletRequest(request), locale);
        if (statusCode.is5xxServerError() && ex.getMessage() != null && problem.getDetail() != null
                && problem.getDetail().contains(ex.getMessage())) {
            problem.setDetail(problems.message("problem.internal", locale));
        }
        HttpHeaders writable = new HttpHeaders();
        headers.forEach(writable::addAll);
        writable.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        return super.handleExceptionInternal(ex, problem, writable, statusCode, request);
    }

    private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String code, WebRequest request) {
        ProblemDetail problem = problems.forCode(status, code, LocaleContextHolder.getLocale());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
    }

    private List<Map<String, Object>> errors(List<ObjectError> errors, Locale locale) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ObjectError error : errors) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", error instanceof FieldError field ? field.getField() : error.getObjectName());
            entry.put("message", problems.message(error, locale));
            if (error instanceof FieldError field && field.getRejectedValue() != null
                    && !(field.getRejectedValue() instanceof Iterable<?>) && !field.getRejectedValue().getClass().isArray()) {
                entry.put("rejectedValue", String.valueOf(field.getRejectedValue()));
            }
            result.add(entry);
        }
        return result;
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
