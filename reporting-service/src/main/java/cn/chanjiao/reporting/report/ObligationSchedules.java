package cn.chanjiao.reporting.report;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which reports a platform owes each plan year and by when, as data: one file per programme code
 * under {@code classpath:obligations/} (mirroring the programme's ANNUAL_PLAN / ANNUAL_SUMMARY
 * windows in application-service), and {@code default.yml} for programmes or platform types without
 * a file entry (31 Mar / 15 Dec).
 */
@Component
public class ObligationSchedules {

    static final String DEFAULT = "DEFAULT";

    private final Map<String, List<Rule>> byProgramme = new HashMap<>();

    public ObligationSchedules() {
        this("classpath*:obligations/*.yml");
    }

    ObligationSchedules(String pattern) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    load(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), resource.getFilename());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!byProgramme.containsKey(DEFAULT)) {
            throw new IllegalStateException("obligations/default.yml is missing");
        }
    }

    @SuppressWarnings("unchecked")
    private void load(Map<String, Object> file, String name) {
        String code = (String) file.get("programmeCode");
        if (code == null) {
            throw new IllegalStateException("obligations/" + name + ": programmeCode missing");
        }
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) file.get("obligations")) {
            MonthDay due = MonthDay.parse("--" + entry.get("due"));
            Integer fromYear = (Integer) entry.get("fromYear");
            for (String type : (List<String>) entry.get("types")) {
                for (String kind : (List<String>) entry.get("kinds")) {
                    rules.add(new Rule(type, ReportKind.valueOf(kind), due, fromYear));
                }
            }
        }
        byProgramme.put(code, List.copyOf(rules));
    }

    /** The obligations of one platform type of a programme; the default ones where the programme names none. */
    public List<Rule> rules(String programmeCode, String platformType) {
        List<Rule> own = byProgramme.getOrDefault(programmeCode, List.of()).stream()
                .filter(rule -> rule.platformType().equals(platformType)).toList();
        return own.isEmpty()
                ? byProgramme.get(DEFAULT).stream().filter(rule -> rule.platformType().equals(platformType)).toList()
                : own;
    }

    /** Every due date of a platform over its plan years: those from {@code fromYear} on. */
    public List<Due> dues(String programmeCode, String platformType, List<Integer> planYears) {
        List<Due> dues = new ArrayList<>();
        for (int year : planYears) {
            for (Rule rule : rules(programmeCode, platformType)) {
                if (rule.fromYear() == null || year >= rule.fromYear()) {
                    dues.add(new Due(rule.kind(), year, rule.due().atYear(year)));
                }
            }
        }
        return dues;
    }

    /**
     * Every due date of a platform over its plan years, with the programme's own windows where the approval carried
     * them (application-service's ANNUAL_PLAN window for the first-quarter reports, ANNUAL_SUMMARY for the summary and
     * the operation report): a report is due on the last day of that window's occurrence in the plan year, and not at
     * all in a year the window does not occur. Kinds whose window the programme does not define keep this file's rule.
     */
    public List<Due> dues(String programmeCode, String platformType, List<Integer> planYears,
            List<cn.chanjiao.contracts.application.PlatformApproved.ProgrammeWindow> windows) {
        if (windows == null || windows.isEmpty()) {
            return dues(programmeCode, platformType, planYears);
        }
        List<Due> dues = new ArrayList<>();
        for (int year : planYears) {
            for (Rule rule : rules(programmeCode, platformType)) {
                String purpose = windowPurpose(rule.kind());
                var own = windows.stream().filter(w -> purpose.equals(w.purpose())).toList();
                if (own.isEmpty()) {
                    if (rule.fromYear() == null || year >= rule.fromYear()) {
                        dues.add(new Due(rule.kind(), year, rule.due().atYear(year)));
                    }
                    continue;
                }
                own.stream().filter(w -> w.occursIn(year)).map(w -> w.closesOn(year))
                        .max(java.util.Comparator.naturalOrder())
                        .ifPresent(day -> dues.add(new Due(rule.kind(), year, day)));
            }
        }
        return dues;
    }

    /** The programme window a report kind is due at the end of. */
    static String windowPurpose(ReportKind kind) {
        return kind == ReportKind.ANNUAL_SUMMARY || kind == ReportKind.OPERATION_REPORT ? "ANNUAL_SUMMARY" : "ANNUAL_PLAN";
    }

    /** A report of {@code kind} is due by {@code due} (month-day) each plan year from {@code fromYear} (null: every year). */
    public record Rule(String platformType, ReportKind kind, MonthDay due, Integer fromYear) {
    }

    /** One report due: kind, plan year, last day (Asia/Shanghai). */
    public record Due(ReportKind kind, int year, LocalDate dueOn) {
    }
}
