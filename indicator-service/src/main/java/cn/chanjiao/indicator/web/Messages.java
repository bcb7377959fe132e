package cn.chanjiao.indicator.web;

import cn.chanjiao.kit.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns {@link Violation}s into texts and problem details in the caller's language. */
@Component
public class Messages {

    private final MessageSource messages;

    public Messages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Each violation as {@code {field, indicatorCode, code, message}}. */
    public List<Map<String, Object>> describe(List<Violation> violations) {
        return violations.stream().map(violation -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", violation.field());
            if (violation.indicatorCode() != null) {
                entry.put("indicatorCode", violation.indicatorCode());
            }
            entry.put("code", violation.code());
            entry.put("message", text(violation.code(), violation.args().toArray()));
            return entry;
        }).toList();
    }

    /** A 400 naming every bad value under {@code errors}, each entry completed by {@code more} (e.g. a workbook's row and column). */
    public ApiException badRequest(List<Violation> violations, java.util.function.BiConsumer<Violation, Map<String, Object>> more) {
        ApiException problem = badRequest(violations);
        List<Map<String, Object>> described = describe(violations);
        for (int i = 0; i < violations.size(); i++) {
            more.accept(violations.get(i), described.get(i));
        }
        return problem.with("errors", described);
    }

    /** A 400 naming every bad value under {@code errors}. */
    public ApiException badRequest(List<Violation> violations) {
        ApiException problem = violations.size() == 1
                ? new ApiException(HttpStatus.BAD_REQUEST, violations.get(0).code(), violations.get(0).args().toArray())
                : new ApiException(HttpStatus.BAD_REQUEST, "problem.validation", violations.size());
        return problem.with("errors", describe(violations));
    }
}
