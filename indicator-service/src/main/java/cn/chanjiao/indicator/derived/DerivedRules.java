package cn.chanjiao.indicator.derived;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.IndicatorKind;
import cn.chanjiao.indicator.platform.Jurisdiction;
import cn.chanjiao.indicator.platform.Platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The derived indicators (issue 7 §6): member diversity and distribution from the members of
 * {@code PlatformApproved}, report timeliness from {@code ReportSubmitted}/{@code ReportOverdue},
 * tech demands undertaken and completed from {@code TechDemandUndertaken}/{@code TechDemandCompleted}.
 */
public final class DerivedRules {

    private DerivedRules() {
    }

    /**
     * A year's report obligations of a platform that reporting-service has told us about.
     *
     * @param due     obligations of the year (submitted or overdue)
     * @param onTime  submitted by the deadline
     * @param late    submitted after it
     * @param missing overdue and not submitted
     */
    public record Reports(int due, int onTime, int late, int missing) {

        public static final Reports NONE = new Reports(0, 0, 0, 0);
    }

    public record TechDemands(int undertaken, int completed) {

        public static final TechDemands NONE = new TechDemands(0, 0);
    }

    /** The value of every derived indicator of the type (null where there is nothing to compute from). */
    public static Map<String, BigDecimal> compute(Catalogue.TypeCatalogue type, Platform platform, List<Platform.Member> members,
            Reports reports, TechDemands demands) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Catalogue.Indicator indicator : type.indicators()) {
            if (indicator.kind() != IndicatorKind.DERIVED) {
                continue;
            }
            values.put(indicator.code(), value(indicator, platform, members, reports, demands));
        }
        return values;
    }

    static BigDecimal value(Catalogue.Indicator indicator, Platform platform, List<Platform.Member> members, Reports reports,
            TechDemands demands) {
        String leadProvince = Jurisdiction.province(platform.regionCode());
        String leadCity = Jurisdiction.city(platform.regionCode());
        return switch (indicator.rule()) {
            case "MEMBER_COUNT" -> count(members.size());
            case "MEMBER_TYPES" -> distinct(members, Platform.Member::memberType);
            case "MEMBER_PROVINCES" -> distinct(members, Platform.Member::provinceCode);
            case "MEMBER_CITIES" -> distinct(members, Platform.Member::cityCode);
            case "MEMBER_DISTRICTS" -> distinct(members, Platform.Member::districtCode);
            case "MEMBERS_OUTSIDE_LEAD_PROVINCE" -> leadProvince == null ? null
                    : counted(members, member -> member.provinceCode() != null && !member.provinceCode().equals(leadProvince));
            case "MEMBERS_OUTSIDE_LEAD_CITY" -> leadCity == null ? null
                    : counted(members, member -> member.cityCode() != null && !member.cityCode().equals(leadCity));
            case "MEMBERS_OF_TYPE" -> counted(members, member -> indicator.derivation().get("memberType").equals(member.memberType()));
            case "REPORTS_DUE" -> count(reports.due());
            case "REPORTS_ON_TIME" -> count(reports.onTime());
            case "REPORTS_LATE" -> count(reports.late());
            case "REPORTS_MISSING" -> count(reports.missing());
            case "REPORT_TIMELINESS_RATE" -> reports.due() == 0 ? null : BigDecimal.valueOf(reports.onTime() * 100L)
                    .divide(BigDecimal.valueOf(reports.due()), 1, RoundingMode.HALF_UP);
            case "TECH_DEMANDS_UNDERTAKEN" -> count(demands.undertaken());
            case "TECH_DEMANDS_COMPLETED" -> count(demands.completed());
            default -> throw new IllegalStateException("no rule " + indicator.rule());
        };
    }

    private static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }

    private static BigDecimal distinct(List<Platform.Member> members, Function<Platform.Member, String> property) {
        return count(members.stream().map(property).filter(Objects::nonNull).distinct().count());
    }

    private static BigDecimal counted(List<Platform.Member> members, Predicate<Platform.Member> filter) {
        return count(members.stream().filter(filter).count());
    }
}
