package cn.chanjiao.indicator.results;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programmes' grading rules ({@code classpath:assessment-rules/*.yml}, data like the catalogues): per
 * assessment kind, the grades with their lowest score and whether they pass. Read at start; a file that
 * breaks a rule stops the start. Each published grade keeps the rule's words, so a later change of a
 * file does not change a published assessment.
 */
@Component
public class GradingRules {

    public static final String LOCATION = "classpath:assessment-rules/*.yml";

    private final Map<String, ProgrammeRule> rules;

    GradingRules(JsonMapper json, Validator validator) {
        this.rules = read(json, validator);
    }

    public Optional<KindRule> rule(String programmeCode, AssessmentKind kind) {
        return Optional.ofNullable(rules.get(programmeCode)).map(rule -> rule.kinds().get(kind));
    }

    public Optional<ProgrammeRule> programme(String programmeCode) {
        return Optional.ofNullable(rules.get(programmeCode));
    }

    static Map<String, ProgrammeRule> read(JsonMapper json, Validator validator) {
        try {
            Map<String, ProgrammeRule> rules = new LinkedHashMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                ProgrammeRule rule = parse(resource, json, validator);
                rules.put(rule.programmeCode(), rule);
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grading rules", e);
        }
    }

    static ProgrammeRule parse(Resource resource, JsonMapper json, Validator validator) throws IOException {
        Object tree;
        try (InputStream in = resource.getInputStream()) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        ProgrammeRule rule = json.convertValue(tree, ProgrammeRule.class);
        List<String> problems = new ArrayList<>(validator.validate(rule).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).toList());
        problems.addAll(check(rule));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("grading rule " + resource.getFilename() + " is not valid: " + problems);
        }
        return rule;
    }

    /** Grades ordered from the highest score down, unique codes, the lowest open at 0, the cap a grade of the rule. */
    static List<String> check(ProgrammeRule rule) {
        List<String> problems = new ArrayList<>();
        rule.kinds().forEach((kind, kindRule) -> {
            List<Grade> grades = kindRule.grades();
            for (int i = 1; i < grades.size(); i++) {
                if (grades.get(i).minScore().compareTo(grades.get(i - 1).minScore()) >= 0) {
                    problems.add(kind + ": grades must be listed from the highest minScore down");
                }
            }
            if (grades.stream().map(Grade::code).distinct().count() != grades.size()) {
                problems.add(kind + ": grade codes must be unique");
            }
            if (!grades.isEmpty() && grades.get(grades.size() - 1).minScore().signum() != 0) {
                problems.add(kind + ": the lowest grade must start at minScore 0");
            }
            if (kindRule.missingReportsCap() != null && kindRule.find(kindRule.missingReportsCap()).isEmpty()) {
                problems.add(kind + ": missingReportsCap " + kindRule.missingReportsCap() + " is not a grade of the rule");
            }
            if (kind == AssessmentKind.ACCEPTANCE && kindRule.dataYear() == null) {
                problems.add(kind + ": an acceptance names the dataYear it assesses");
            }
        });
        return problems;
    }

    public record ProgrammeRule(@NotBlank String programmeCode, String source,
            @NotEmpty Map<AssessmentKind, @Valid KindRule> kinds) {
    }

    /**
     * One kind of assessment of a programme.
     *
     * @param dataYear           for an acceptance: the year whose data it assesses (for others any plan year; END_OF_TERM the last)
     * @param requireSubmission  a platform that did not submit its year gets the lowest grade
     * @param missingReportsCap  a platform with a required report still missing gets at most this grade (none when null)
     * @param grades             from the highest {@code minScore} down; the lowest starts at 0
     */
    public record KindRule(@NotBlank String name, String nameEn, Integer dataYear, Boolean requireSubmission,
            String missingReportsCap, @NotEmpty List<@Valid Grade> grades) {

        public KindRule {
            requireSubmission = Boolean.TRUE.equals(requireSubmission);
        }

        public Optional<Grade> find(String code) {
            return grades.stream().filter(grade -> grade.code().equals(code)).findFirst();
        }

        public Grade lowest() {
            return grades.get(grades.size() - 1);
        }

        /** Whether the kind assesses this year of a platform with these plan years. */
        public boolean applies(AssessmentKind kind, List<Integer> planYears, int year) {
            if (!planYears.contains(year)) {
                return false;
            }
            return switch (kind) {
                case YEARLY -> true;
                case ACCEPTANCE -> dataYear != null && dataYear == year;
                case END_OF_TERM -> planYears.stream().max(Comparator.naturalOrder()).orElseThrow() == year;
            };
        }

        /**
         * The grade a platform earns: its score (completion × 100) against the thresholds, the lowest grade
         * without a submission (when required) or without any target, at most {@code missingReportsCap} while
         * a required report is missing.
         */
        public Graded grade(BigDecimal completion, boolean submitted, int missingReports) {
            BigDecimal score = score(completion);
            List<String> reasons = new ArrayList<>();
            Grade grade;
            if (requireSubmission && !submitted) {
                grade = lowest();
                reasons.add("NOT_SUBMITTED");
            } else if (score == null) {
                grade = lowest();
                reasons.add("NO_TARGETS");
            } else {
                grade = grades.stream().filter(candidate -> score.compareTo(candidate.minScore()) >= 0).findFirst()
                        .orElse(lowest());
            }
            if (missingReportsCap != null && missingReports > 0) {
                Grade cap = find(missingReportsCap).orElseThrow();
                if (grades.indexOf(grade) < grades.indexOf(cap)) {
                    grade = cap;
                }
                reasons.add("REPORTS_MISSING");
            }
            return new Graded(score, grade, reasons);
        }
    }

    /**
     * @param minScore the lowest score (0–100) of the grade
     * @param passes   whether the grade passes (an acceptance's or end-of-term outcome; 不合格 does not)
     */
    public record Grade(@NotBlank String code, @NotBlank String name, String nameEn, @NotNull BigDecimal minScore,
            @NotNull Boolean passes) {
    }

    /** A computed grade with why it is lower than the score alone says. */
    public record Graded(BigDecimal score, Grade grade, List<String> reasons) {
    }

    /** Completion (0–1, each indicator capped at 1) as a score 0–100 with one decimal. */
    public static BigDecimal score(BigDecimal completion) {
        return completion == null ? null : completion.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }
}
