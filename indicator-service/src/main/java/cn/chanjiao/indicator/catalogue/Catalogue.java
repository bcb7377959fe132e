package cn.chanjiao.indicator.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One programme's monitoring catalogue as data ({@code classpath:catalogues/*.yml}): per platform type
 * its dimensions and every indicator with code, dimension, group, name, unit, value type and kind.
 */
public record Catalogue(@NotNull @Valid Programme programme, @NotEmpty List<@Valid TypeCatalogue> platformTypes) {

    public Optional<TypeCatalogue> type(String platformType) {
        return platformTypes.stream().filter(type -> type.type().equals(platformType)).findFirst();
    }

    /**
     * @param code          the programme's stable code, the same as application-service's preset
     * @param authorityCode the issuing authority (GB/T 2260)
     * @param collection    the yearly collection window (default 1 Nov – 15 Dec, Asia/Shanghai)
     */
    public record Programme(@NotBlank String code, @NotBlank String name, String documentNumber,
            @NotBlank @Pattern(regexp = "\\d{6}") String authorityCode, @NotNull @Valid Years planYears,
            @NotNull @Valid Collection collection) {
    }

    public record Years(int from, int to) {

        public boolean contains(int year) {
            return year >= from && year <= to;
        }
    }

    /** Opens on {@code opens} 00:00 and closes after {@code closes} 23:59:59 each year from {@code fromYear} to {@code toYear}. */
    public record Collection(@NotNull @Pattern(regexp = "\\d{2}-\\d{2}") String opens,
            @NotNull @Pattern(regexp = "\\d{2}-\\d{2}") String closes, int fromYear, Integer toYear) {

        public boolean collects(int year) {
            return year >= fromYear && (toYear == null || year <= toYear);
        }

        public LocalDate opensOn(int year) {
            return MonthDay.parse("--" + opens).atYear(year);
        }

        public LocalDate closesOn(int year) {
            return MonthDay.parse("--" + closes).atYear(year);
        }
    }

    /**
     * @param centreTypes for practice centres: the centre types this platform type covers
     */
    public record TypeCatalogue(@NotBlank String type, @NotBlank String name, Integer baselineYear,
            List<CentreType> centreTypes, @NotEmpty List<@Valid Dimension> dimensions,
            @NotEmpty List<@Valid Indicator> indicators) {

        public TypeCatalogue {
            centreTypes = centreTypes == null ? List.of() : List.copyOf(centreTypes);
        }

        public Map<String, Indicator> byCode() {
            return indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a,
                    java.util.LinkedHashMap::new));
        }

        public Optional<Dimension> dimension(String code) {
            return dimensions.stream().filter(dimension -> dimension.code().equals(code)).findFirst();
        }
    }

    /**
     * @param focus             what the dimension examines (重点考核 …), from the seed
     * @param observationPoints for consortia: the observation points experts score
     * @param deduction         points are deducted rather than earned (consortium 7 其他)
     */
    public record Dimension(@NotBlank String code, @NotBlank String name, String focus,
            List<ObservationPoint> observationPoints, Boolean deduction) {

        public Dimension {
            deduction = Boolean.TRUE.equals(deduction);
            observationPoints = observationPoints == null ? List.of() : List.copyOf(observationPoints);
        }
    }

    public record ObservationPoint(String code, String text) {
    }

    /**
     * @param inPlanTable whether the application form's plan table holds it
     * @param formYears   the only years the form asks it for (e.g. the baseline year), or null for every year
     * @param keyFor      practice centres: the centre types for which it is a key indicator
     * @param derivation  for derived indicators: the rule (and its parameters) that computes it
     * @param sumOf       the indicators it should be the sum of (a plausibility check)
     * @param partOf      the indicator it is a part of (a plausibility check)
     */
    public record Indicator(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code, @NotBlank String dimension,
            String group, String subgroup, @NotBlank String name, @NotBlank String unit, @NotNull ValueType valueType,
            @NotNull IndicatorKind kind, Boolean inPlanTable, List<Integer> formYears, List<CentreType> keyFor,
            Map<String, String> derivation, List<String> sumOf, String partOf, String note) {

        public Indicator {
            inPlanTable = Boolean.TRUE.equals(inPlanTable);
            keyFor = keyFor == null ? List.of() : List.copyOf(keyFor);
            sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
            derivation = derivation == null ? Map.of() : Map.copyOf(derivation);
        }

        public boolean keyFor(CentreType centreType) {
            return centreType != null && keyFor.contains(centreType);
        }

        public String rule() {
            return derivation.get("rule");
        }
    }
}
