package cn.chanjiao.identity.web;

import cn.chanjiao.kit.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field errors found by rules Bean Validation cannot express (a USCC's check character, a region
 * code not in the tree, an attribute that does not fit the organisation's kind), answered as the
 * same 400 problem as Bean Validation's: {@code errors} with {@code field}, {@code message} and the
 * rejected value, in the caller's language. Collect, then {@link #throwIfAny()} before anything is written.
 */
public final class FieldProblems {

    private final MessageSource messages;
    private final List<Map<String, Object>> errors = new ArrayList<>();

    public FieldProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Records that {@code field} (a JSON path such as {@code organisation.uscc}) is wrong; {@code code} names the message. */
    public FieldProblems reject(String field, Object rejectedValue, String code, Object... arguments) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", field);
        entry.put("message", messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale()));
        entry.put("code", code);
        if (rejectedValue != null) {
            entry.put("rejectedValue", String.valueOf(rejectedValue));
        }
        errors.add(entry);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The problems recorded, for a log line. */
    @Override
    public String toString() {
        return errors.toString();
    }

    /** A 400 naming every field recorded, if any was. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("problem.validation", errors.size()).with("errors", List.copyOf(errors));
        }
    }

    /** A 400 for one field. */
    public static ApiException single(MessageSource messages, String field, Object rejectedValue, String code,
            Object... arguments) {
        FieldProblems problems = new FieldProblems(messages).reject(field, rejectedValue, code, arguments);
        return ApiException.badRequest("problem.validation", 1).with("errors", List.copyOf(problems.errors));
    }
}
