package cn.chanjiao.indicator.web;

import java.util.Arrays;
import java.util.List;

/**
 * One bad value or broken rule: where ({@code field}, e.g. {@code values[3].value}), which
 * indicator, which rule ({@code code}, a message code) and the message's arguments.
 */
public record Violation(String field, String indicatorCode, String code, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** Whole numbers become text, so that a year reads 2025 in every language. */
    public static Violation of(String field, String indicatorCode, String code, Object... args) {
        return new Violation(field, indicatorCode, code, Arrays.stream(args)
                .map(arg -> arg instanceof Integer || arg instanceof Long ? arg.toString() : arg)
                .map(arg -> arg == null ? "" : arg).toList());
    }
}
