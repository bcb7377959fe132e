package cn.chanjiao.reporting.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The obligation schedules are data: one file per programme preset, a default for the rest. */
class ObligationSchedulesTest {

    private final ObligationSchedules schedules = new ObligationSchedules();

    @Test
    void everyProgrammePresetHasItsOwnSchedule() {
        for (String code : List.of("MOE-INDUSTRY-COMMUNITY-2023", "SX-INDUSTRY-COMMUNITY-2023", "MOE-CITY-CONSORTIUM-2023",
                "HZ-PLATFORMS-2024")) {
            assertThat(schedules.rules(code, code.contains("CONSORTIUM") ? "CITY_CONSORTIUM" : "INDUSTRY_COMMUNITY"))
                    .as(code).isNotEmpty().allMatch(rule -> rule.fromYear() != null);
        }
    }

    @Test
    void aCommunityOwesFourFirstQuarterReportsAndTheSummaryByTheFifteenthOfDecember() {
        var rules = schedules.rules("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY");

        assertThat(rules).extracting(r -> r.kind() + "@" + r.due()).containsExactlyInAnyOrder(
                "ANNUAL_WORK_PLAN@--03-31", "INDUSTRY_ANALYSIS@--03-31", "TALENT_FORECAST@--03-31",
                "SUPPLY_DEMAND_LISTS@--03-31", "ANNUAL_SUMMARY@--12-15");
    }

    @Test
    void hangzhouPracticeCentresStartTheirOperationPlanIn2025AsTheNoticeAllows() {
        var dues = schedules.dues("HZ-PLATFORMS-2024", "PRACTICE_CENTER_PUBLIC", List.of(2024, 2025, 2026));

        assertThat(dues).extracting(d -> d.kind() + ":" + d.dueOn()).containsExactlyInAnyOrder(
                "OPERATION_PLAN:2025-03-31", "OPERATION_PLAN:2026-03-31", "OPERATION_REPORT:2024-12-15",
                "OPERATION_REPORT:2025-12-15", "OPERATION_REPORT:2026-12-15");
    }

    @Test
    void anUnknownProgrammeGetsTheDefaultThirtyFirstOfMarchAndFifteenthOfDecember() {
        var rules = schedules.rules("NO-SUCH-PROGRAMME", "PRACTICE_CENTER_ENTERPRISE");

        assertThat(rules).extracting(ObligationSchedules.Rule::due)
                .containsExactlyInAnyOrder(MonthDay.of(3, 31), MonthDay.of(12, 15));
        assertThat(schedules.dues("NO-SUCH-PROGRAMME", "PRACTICE_CENTER_ENTERPRISE", List.of(2027)))
                .extracting(ObligationSchedules.Due::dueOn).contains(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 12, 15));
    }

    @Test
    void theSummaryAndOperationReportAnnounceAnAnnualSummaryDeadlineTheOthersAReportDeadline() {
        assertThat(ReportService.deadlineKind(ReportKind.ANNUAL_SUMMARY)).isEqualTo("ANNUAL_SUMMARY_DUE");
        assertThat(ReportService.deadlineKind(ReportKind.OPERATION_REPORT)).isEqualTo("ANNUAL_SUMMARY_DUE");
        assertThat(ReportService.deadlineKind(ReportKind.TALENT_FORECAST)).isEqualTo("REPORT_DUE");
    }

    @Test
    void theProgrammesOwnWindowsSetTheDueDatesAndTheYearsWhenTheApprovalCarriesThem() {
        var windows = List.of(
                new cn.chanjiao.contracts.application.PlatformApproved.ProgrammeWindow("ANNUAL_PLAN", null, null, "01-01",
                        "03-20", 2025, null),
                new cn.chanjiao.contracts.application.PlatformApproved.ProgrammeWindow("ANNUAL_SUMMARY", null, null, "01-01",
                        "12-10", 2024, null));

        var dues = schedules.dues("HZ-PLATFORMS-2024", "PRACTICE_CENTER_PUBLIC", List.of(2024, 2025, 2026), windows);

        assertThat(dues).extracting(d -> d.kind() + ":" + d.dueOn()).containsExactlyInAnyOrder(
                "OPERATION_PLAN:2025-03-20", "OPERATION_PLAN:2026-03-20", "OPERATION_REPORT:2024-12-10",
                "OPERATION_REPORT:2025-12-10", "OPERATION_REPORT:2026-12-10");
    }

    @Test
    void withoutTheProgrammesWindowsTheFileDecidesAsBefore() {
        var summaryOnly = List.of(new cn.chanjiao.contracts.application.PlatformApproved.ProgrammeWindow("ANNUAL_SUMMARY",
                null, null, "01-01", "12-10", 2024, null));

        assertThat(schedules.dues("HZ-PLATFORMS-2024", "PRACTICE_CENTER_PUBLIC", List.of(2025), null))
                .extracting(d -> d.kind() + ":" + d.dueOn())
                .containsExactlyInAnyOrder("OPERATION_PLAN:2025-03-31", "OPERATION_REPORT:2025-12-15");
        assertThat(schedules.dues("HZ-PLATFORMS-2024", "PRACTICE_CENTER_PUBLIC", List.of(2025), summaryOnly))
                .extracting(d -> d.kind() + ":" + d.dueOn())
                .containsExactlyInAnyOrder("OPERATION_PLAN:2025-03-31", "OPERATION_REPORT:2025-12-10");
    }
}
