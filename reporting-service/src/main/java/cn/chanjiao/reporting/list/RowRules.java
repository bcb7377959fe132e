package cn.chanjiao.reporting.list;

import cn.chanjiao.kit.text.CharacterCount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a list row, the same whether a row is entered by hand or read from XLSX: every seed
 * column filled; texts within their limit (characters counted as a person counts); headcount a
 * positive whole number (a trailing 人 allowed); a known education level; a phone number (or e-mail);
 * dates as 2025-03-01, 2025/3/1 or 2025年3月1日, the end not before the start; a service type of the seed.
 */
public final class RowRules {

    static final int MAX_HEADCOUNT = 1_000_000;
    private static final Pattern PHONE = Pattern.compile("^[0-9+()（）\\-— 转/、,，;；]{7,40}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern WHOLE = Pattern.compile("^\\d+$");
    /** Strict: 2025-02-30 is refused, not moved to the 28th. */
    private static final List<DateTimeFormatter> DATES = java.util.stream.Stream.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d",
            "uuuu年M月d日", "uuuuMMdd").map(p -> DateTimeFormatter.ofPattern(p)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)).toList();

    private RowRules() {
    }

    /** A broken rule in one cell: the column and a message code with its arguments. */
    public record CellError(ListKind.Column column, String code, List<Object> args) {
    }

    /** The row's values, or what is wrong with them (then {@code values} is null). */
    public record Checked(RowValues values, List<CellError> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Checks raw values (strings from a sheet, or strings and numbers from JSON) against the kind's columns. */
    public static Checked check(ListKind kind, Map<Field, Object> raw) {
        List<CellError> errors = new ArrayList<>();
        Map<Field, Object> parsed = new EnumMap<>(Field.class);
        for (ListKind.Column column : kind.columns()) {
            Object value = raw.get(column.field());
            String text = value == null ? "" : value.toString().strip();
            if (text.isEmpty()) {
                errors.add(new CellError(column, "list.cell.required", List.of()));
                continue;
            }
            switch (column.field()) {
                case HEADCOUNT -> headcount(value, text).ifPresentOrElse(n -> parsed.put(column.field(), n),
                        () -> errors.add(new CellError(column, "list.cell.headcount", List.of(text))));
                case EDUCATION_LEVEL -> EducationLevel.parse(text).ifPresentOrElse(l -> parsed.put(column.field(), l),
                        () -> errors.add(new CellError(column, "list.cell.educationLevel",
                                List.of(text, EducationLevel.allowedZh()))));
                case SERVICE_TYPE -> ServiceType.parse(text).ifPresentOrElse(t -> parsed.put(column.field(), t),
                        () -> errors.add(new CellError(column, "list.cell.serviceType", List.of(text))));
                case START_ON, END_ON -> date(text).ifPresentOrElse(d -> parsed.put(column.field(), d),
                        () -> errors.add(new CellError(column, "list.cell.date", List.of(text))));
                case PHONE -> {
                    if (PHONE.matcher(text).matches() && text.chars().filter(Character::isDigit).count() >= 7
                            || EMAIL.matcher(text).matches()) {
                        parsed.put(column.field(), text);
                    } else {
                        errors.add(new CellError(column, "list.cell.phone", List.of(text)));
                    }
                }
                default -> {
                    int count = CharacterCount.of(text);
                    if (column.maxLength() > 0 && count > column.maxLength()) {
                        errors.add(new CellError(column, "list.cell.tooLong", List.of(count, column.maxLength())));
                    } else {
                        parsed.put(column.field(), text);
                    }
                }
            }
        }
        if (parsed.get(Field.START_ON) instanceof LocalDate start && parsed.get(Field.END_ON) instanceof LocalDate end
                && end.isBefore(start)) {
            ListKind.Column endColumn = kind.columns().stream().filter(c -> c.field() == Field.END_ON).findFirst().orElseThrow();
            errors.add(new CellError(endColumn, "list.cell.endBeforeStart", List.of(end.toString(), start.toString())));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new RowValues((String) parsed.get(Field.UNIT_NAME), (String) parsed.get(Field.DESCRIPTION),
                (String) parsed.get(Field.MAJOR), (EducationLevel) parsed.get(Field.EDUCATION_LEVEL),
                (Integer) parsed.get(Field.HEADCOUNT), (String) parsed.get(Field.CONTACT), (String) parsed.get(Field.PHONE),
                (LocalDate) parsed.get(Field.START_ON), (LocalDate) parsed.get(Field.END_ON),
                (ServiceType) parsed.get(Field.SERVICE_TYPE)), List.of());
    }

    static java.util.Optional<Integer> headcount(Object value, String text) {
        if (value instanceof Number number) {
            try {
                BigDecimal decimal = new BigDecimal(number.toString());
                if (decimal.signum() > 0 && decimal.stripTrailingZeros().scale() <= 0
                        && decimal.compareTo(BigDecimal.valueOf(MAX_HEADCOUNT)) <= 0) {
                    return java.util.Optional.of(decimal.intValueExact());
                }
            } catch (ArithmeticException | NumberFormatException e) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.empty();
        }
        String digits = text.endsWith("人") ? text.substring(0, text.length() - 1).strip() : text;
        if (!WHOLE.matcher(digits).matches() || digits.length() > 7) {
            return java.util.Optional.empty();
        }
        int n = Integer.parseInt(digits);
        return n > 0 && n <= MAX_HEADCOUNT ? java.util.Optional.of(n) : java.util.Optional.empty();
    }

    static java.util.Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return java.util.Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return java.util.Optional.empty();
    }

    /** The raw value a stored row shows in a column (for export and for the API). */
    public static Object value(RowValues values, Field field) {
        return switch (field) {
            case UNIT_NAME -> values.unitName();
            case DESCRIPTION -> values.description();
            case MAJOR -> values.major();
            case EDUCATION_LEVEL -> values.educationLevel();
            case HEADCOUNT -> values.headcount();
            case CONTACT -> values.contact();
            case PHONE -> values.phone();
            case START_ON -> values.startOn();
            case END_ON -> values.endOn();
            case SERVICE_TYPE -> values.serviceType();
        };
    }
}
