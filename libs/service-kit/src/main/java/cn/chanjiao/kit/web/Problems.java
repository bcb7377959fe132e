package cn.chanjiao.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Builds RFC 9457 problem details in the caller's language: Simplified Chinese unless the request
 * asks for English with {@code Accept-Language}. Every problem carries a localized title for its
 * status, the path as {@code instance}, and the request id.
 */
public class Problems {

    private static final String TYPE_PREFIX = "urn:chanjiao:problem:";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    public Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** The problem type a client can branch on: {@code urn:chanjiao:problem:<message code>}. */
    public static URI type(String messageCode) {
        return URI.create(TYPE_PREFIX + (messageCode.startsWith("problem.") ? messageCode.substring(8) : messageCode));
    }

    /** A problem whose detail is the message {@code code} in the given locale, typed by that code. */
    public ProblemDetail forCode(HttpStatusCode status, String code, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(code, locale, arguments));
        problem.setType(type(code));
        return problem;
    }

    /** A message in the given locale; the code itself when the bundles lack it. */
    public String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }

    /** A field error or other resolvable in the given locale. */
    public String message(MessageSourceResolvable resolvable, Locale locale) {
        try {
            return messages.getMessage(resolvable, locale);
        } catch (NoSuchMessageException e) {
            return resolvable.getDefaultMessage();
        }
    }

    /** Adds the title for the status, the instance and the request id where missing. */
    public ProblemDetail complete(ProblemDetail problem, HttpServletRequest request, Locale locale) {
        problem.setTitle(message("problem.title." + problem.getStatus(), locale));
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        if (request != null && request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id) {
            problem.setProperty("requestId", id);
        }
        return problem;
    }

    /** Writes a problem straight to a servlet response (for filters, outside Spring MVC). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
            String detailCode, Object... arguments) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = complete(forCode(status, detailCode, locale, arguments), request, locale);
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Content-Language", locale.toLanguageTag());
        json.writeValue(response.getOutputStream(), problem);
    }
}
