package cn.chanjiao.indicator.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What makes a catalogue usable: unique codes, known dimensions and references, a rule for every derived indicator. */
public final class CatalogueRules {

    static final Set<String> RULES = Set.of("MEMBER_COUNT", "MEMBER_TYPES", "MEMBER_PROVINCES", "MEMBER_CITIES",
            "MEMBER_DISTRICTS", "MEMBERS_OUTSIDE_LEAD_PROVINCE", "MEMBERS_OUTSIDE_LEAD_CITY", "MEMBERS_OF_TYPE",
            "REPORTS_DUE", "REPORTS_ON_TIME", "REPORTS_LATE", "REPORTS_MISSING", "REPORT_TIMELINESS_RATE",
            "TECH_DEMANDS_UNDERTAKEN", "TECH_DEMANDS_COMPLETED");

    private CatalogueRules() {
    }

    /** Every problem of the catalogue, as sentences for the log; empty when it is usable. */
    public static List<String> check(Catalogue catalogue) {
        List<String> problems = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (Catalogue.TypeCatalogue type : catalogue.platformTypes()) {
            String where = catalogue.programme().code() + "/" + type.type();
            if (!types.add(type.type())) {
                problems.add(where + ": platform type listed twice");
            }
            Set<String> dimensions = new HashSet<>();
            type.dimensions().forEach(dimension -> {
                if (!dimensions.add(dimension.code())) {
                    problems.add(where + ": dimension " + dimension.code() + " listed twice");
                }
            });
            Set<String> codes = new HashSet<>();
            type.indicators().forEach(indicator -> {
                if (!codes.add(indicator.code())) {
                    problems.add(where + ": indicator " + indicator.code() + " listed twice");
                }
            });
            for (Catalogue.Indicator indicator : type.indicators()) {
                String at = where + "/" + indicator.code();
                if (!dimensions.contains(indicator.dimension())) {
                    problems.add(at + ": unknown dimension " + indicator.dimension());
                }
                if (indicator.kind() == IndicatorKind.DERIVED && !RULES.contains(indicator.rule())) {
                    problems.add(at + ": derived without a known rule (" + indicator.rule() + ")");
                }
                if (indicator.kind() != IndicatorKind.DERIVED && indicator.rule() != null) {
                    problems.add(at + ": only derived indicators have a rule");
                }
                indicator.sumOf().stream().filter(code -> !codes.contains(code))
                        .forEach(code -> problems.add(at + ": sum of unknown indicator " + code));
                if (indicator.partOf() != null && !codes.contains(indicator.partOf())) {
                    problems.add(at + ": part of unknown indicator " + indicator.partOf());
                }
                indicator.keyFor().stream().filter(centre -> !type.centreTypes().contains(centre))
                        .forEach(centre -> problems.add(at + ": key for " + centre + ", not a centre type of " + type.type()));
            }
        }
        return problems;
    }
}
