package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.IndicatorKind;
import cn.chanjiao.indicator.catalogue.ValueType;
import cn.chanjiao.indicator.web.Violation;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a saved value must keep (issue 7 §5) — errors: unknown or derived codes, duplicates,
 * not a number, negative, a fraction for a count, a percentage above 100, too large or too precise;
 * and the plausibility checks that only warn: a jump of more than tenfold against the previous
 * year, a value far off its target, parts that do not add up.
 */
public final class ValueRules {

    static final int MAX_EVIDENCE = 20;
    static final int MAX_NOTE = 500;
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    static final int MAX_SCALE = 4;

    private ValueRules() {
    }

    /** What a batch checked into: the bad values, or the values to store. */
    public record Checked(List<Violation> errors, List<StoredValue> values) {
    }

    public static Checked check(Catalogue.TypeCatalogue type, List<SaveValuesRequest.Entry> entries) {
        Map<String, Catalogue.Indicator> indicators = type.byCode();
        List<Violation> errors = new ArrayList<>();
        List<StoredValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            SaveValuesRequest.Entry entry = entries.get(i);
            String at = "values[" + i + "]";
            if (entry == null || entry.code() == null || entry.code().isBlank()) {
                errors.add(Violation.of(at + ".code", null, "value.codeRequired"));
                continue;
            }
            String code = entry.code().strip();
            Catalogue.Indicator indicator = indicators.get(code);
            if (indicator == null) {
                errors.add(Violation.of(at + ".code", code, "value.unknownCode", code, type.type()));
                continue;
            }
            if (indicator.kind() == IndicatorKind.DERIVED) {
                errors.add(Violation.of(at + ".code", code, "value.derived", code, indicator.name()));
                continue;
            }
            if (!seen.add(code)) {
                errors.add(Violation.of(at + ".code", code, "value.duplicate", code));
                continue;
            }
            int before = errors.size();
            BigDecimal number = number(entry.value(), at + ".value", indicator, errors);
            if (entry.evidence() != null && entry.evidence().size() > MAX_EVIDENCE) {
                errors.add(Violation.of(at + ".evidence", code, "value.tooManyEvidence", code, MAX_EVIDENCE));
            }
            if (entry.evidence() != null && entry.evidence().stream().anyMatch(ValueRules::badEvidence)) {
                errors.add(Violation.of(at + ".evidence", code, "value.badEvidence", code));
            }
            if (entry.note() != null && entry.note().codePointCount(0, entry.note().length()) > MAX_NOTE) {
                errors.add(Violation.of(at + ".note", code, "value.noteTooLong", code, MAX_NOTE));
            }
            if (errors.size() == before) {
                values.add(new StoredValue(code, number, entry.evidence() == null ? List.of() : List.copyOf(entry.evidence()),
                        entry.note() == null || entry.note().isBlank() ? null : entry.note().strip(), null, null));
            }
        }
        return new Checked(errors, values);
    }

    /** The entry's number (null to remove), or null with an error added. */
    static BigDecimal number(JsonNode node, String field, Catalogue.Indicator indicator, List<Violation> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        BigDecimal number;
        if (node.isNumber()) {
            number = node.decimalValue();
        } else if (node.isString()) {
            try {
                number = new BigDecimal(node.asString().strip().replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(Violation.of(field, indicator.code(), "value.notANumber", indicator.code(), node.asString()));
                return null;
            }
        } else {
            errors.add(Violation.of(field, indicator.code(), "value.notANumber", indicator.code(), node.toString()));
            return null;
        }
        return validNumber(number, field, indicator, errors);
    }

    static BigDecimal validNumber(BigDecimal number, String field, Catalogue.Indicator indicator, List<Violation> errors) {
        String code = indicator.code();
        ValueType type = indicator.valueType();
        int before = errors.size();
        if (number.signum() < 0) {
            errors.add(Violation.of(field, code, "value.negative", code, number.toPlainString()));
        } else if (type.max() != null && number.compareTo(type.max()) > 0) {
            errors.add(Violation.of(field, code, "value.percentRange", code, number.toPlainString()));
        } else if (number.compareTo(MAX_VALUE) >= 0) {
            errors.add(Violation.of(field, code, "value.tooLarge", code, number.toPlainString()));
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (type.integer() && stripped.scale() > 0) {
            errors.add(Violation.of(field, code, "value.notInteger", code, number.toPlainString(), indicator.unit()));
        } else if (stripped.scale() > MAX_SCALE) {
            errors.add(Violation.of(field, code, "value.tooPrecise", code, number.toPlainString(), MAX_SCALE));
        }
        return errors.size() == before ? (stripped.scale() < 0 ? stripped.setScale(0) : stripped) : null;
    }

    private static boolean badEvidence(StoredValue.Evidence evidence) {
        return evidence == null || (blank(evidence.attachmentId()) && blank(evidence.uri()))
                || length(evidence.attachmentId()) > 100 || length(evidence.name()) > 200 || length(evidence.uri()) > 1000;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    // --- plausibility: warnings, not errors

    /**
     * Warnings for the {@code checked} codes, given every value of the year after the save
     * ({@code current}), the previous year's values and the year's targets.
     */
    public static List<Violation> plausibility(Catalogue.TypeCatalogue type, Set<String> checked,
            Map<String, BigDecimal> current, Map<String, BigDecimal> previous, Map<String, BigDecimal> targets,
            BigDecimal jumpFactor, BigDecimal targetFactor) {
        List<Violation> warnings = new ArrayList<>();
        for (Catalogue.Indicator indicator : type.indicators()) {
            String code = indicator.code();
            BigDecimal value = current.get(code);
            if (!checked.contains(code) || value == null) {
                continue;
            }
            BigDecimal before = previous.get(code);
            if (before != null && before.signum() > 0 && value.compareTo(before.multiply(jumpFactor)) > 0) {
                warnings.add(Violation.of(code, code, "warning.jumpUp", code, plain(value), plain(before), plain(jumpFactor)));
            } else if (before != null && value.signum() > 0 && before.compareTo(value.multiply(jumpFactor)) > 0) {
                warnings.add(Violation.of(code, code, "warning.jumpDown", code, plain(value), plain(before), plain(jumpFactor)));
            } else if (before != null && before.signum() == 0 && value.compareTo(jumpFactor) > 0) {
                warnings.add(Violation.of(code, code, "warning.jumpFromZero", code, plain(value)));
            }
            BigDecimal target = targets.get(code);
            if (target != null && target.signum() > 0) {
                if (value.compareTo(target.multiply(targetFactor)) > 0) {
                    warnings.add(Violation.of(code, code, "warning.farAboveTarget", code, plain(value), plain(target)));
                } else if (value.multiply(targetFactor).compareTo(target) < 0) {
                    warnings.add(Violation.of(code, code, "warning.farBelowTarget", code, plain(value), plain(target)));
                }
            }
        }
        for (Catalogue.Indicator indicator : type.indicators()) {
            String code = indicator.code();
            BigDecimal total = current.get(code);
            if (total != null && !indicator.sumOf().isEmpty() && (checked.contains(code)
                    || indicator.sumOf().stream().anyMatch(checked::contains))
                    && indicator.sumOf().stream().allMatch(current::containsKey)) {
                BigDecimal sum = indicator.sumOf().stream().map(current::get).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(total) != 0) {
                    warnings.add(Violation.of(code, code, "warning.sumMismatch", code, plain(total), plain(sum),
                            String.join(", ", indicator.sumOf())));
                }
            }
            BigDecimal part = current.get(code);
            BigDecimal whole = indicator.partOf() == null ? null : current.get(indicator.partOf());
            if (part != null && whole != null && (checked.contains(code) || checked.contains(indicator.partOf()))
                    && part.compareTo(whole) > 0) {
                warnings.add(Violation.of(code, code, "warning.partExceedsWhole", code, plain(part), indicator.partOf(), plain(whole)));
            }
        }
        return warnings;
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }
}
