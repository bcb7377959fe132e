package cn.chanjiao.kit.web;

import java.util.List;

/**
 * One broken rule: where ({@code field}, a JSON path such as {@code leadUnits[1]}), which rule
 * ({@code code}, a message code of {@code messages*.properties}) and the message's arguments.
 */
public record Violation(String field, String code, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** Whole numbers become text, so that a year reads 2025 and a count 3001 in every language. */
    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, java.util.Arrays.stream(args)
                .map(arg -> arg instanceof Integer || arg instanceof Long ? arg.toString() : arg)
                .map(arg -> arg == null ? "" : arg).toList());
    }
}
