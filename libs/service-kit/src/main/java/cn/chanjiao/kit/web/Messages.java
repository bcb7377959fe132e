package cn.chanjiao.kit.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link Violation}s into problem details in the caller's language: every broken rule under
 * {@code errors} as {@code {field, code, message}}. Every service gets this bean from the kit.
 */
public class Messages {

    private final MessageSource messages;

    public Messages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Each violation as {@code {field, code, message}}. */
    public List<Map<String, Object>> describe(List<Violation> violations) {
        return violations.stream().map(violation -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", violation.field());
            entry.put("code", violation.code());
            entry.put("message", text(violation.code(), violation.args().toArray()));
            return entry;
        }).toList();
    }

    /**
     * A 400 for bad input: with one violation its message is the detail; with several the detail
     * counts them. Every violation is listed under {@code errors}.
     */
    public ApiException badRequest(List<Violation> violations) {
        return problem(HttpStatus.BAD_REQUEST, violations);
    }

    public ApiException problem(HttpStatus status, List<Violation> violations) {
        ApiException problem = violations.size() == 1
                ? new ApiException(status, violations.get(0).code(), violations.get(0).args().toArray())
                : new ApiException(status, "problem.validation", violations.size());
        return problem.with("errors", describe(violations));
    }
}
