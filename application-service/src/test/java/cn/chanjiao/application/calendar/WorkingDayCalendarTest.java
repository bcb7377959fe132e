package cn.chanjiao.application.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working-day arithmetic on the official schedules of {@code calendar/cn-working-days.yml}. */
class WorkingDayCalendarTest {

    private static final Map<LocalDate, CalendarFile.Entry> FILE = CalendarFile.read();
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarFile.kinds(FILE));

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void theFileCoversTwentyTwentyThreeToTwentyTwentySeven() {
        for (int year = 2023; year <= 2027; year++) {
            assertThat(calendar.covers(year)).as("year %d", year).isTrue();
        }
        assertThat(calendar.covers(2028)).isFalse();
        assertThat(FILE.get(d("2024-02-10")).name()).isEqualTo("春节");
        assertThat(FILE.get(d("2024-02-10")).source()).contains("国办发明电〔2023〕7号");
    }

    @Test
    void makeUpSaturdaysAndSundaysAreWorkingDaysAndHolidayWeekdaysAreNot() {
        assertThat(calendar.isWorkingDay(d("2024-02-04"))).as("Sunday before Spring Festival 2024").isTrue();
        assertThat(calendar.isWorkingDay(d("2024-02-18"))).as("Sunday after Spring Festival 2024").isTrue();
        assertThat(calendar.isWorkingDay(d("2024-10-12"))).as("Saturday after National Day 2024").isTrue();
        assertThat(calendar.isWorkingDay(d("2025-02-08"))).as("Saturday after Spring Festival 2025").isTrue();
        assertThat(calendar.isWorkingDay(d("2024-02-12"))).as("Monday of Spring Festival 2024").isFalse();
        assertThat(calendar.isWorkingDay(d("2025-10-08"))).as("Wednesday of National Day 2025").isFalse();
        assertThat(calendar.isWorkingDay(d("2024-03-02"))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(d("2024-03-04"))).as("an ordinary Monday").isTrue();
    }

    @Test
    void fiveWorkingDaysFromAMondayEndOnFriday() {
        assertThat(calendar.lastOf(d("2024-03-04"), 5)).isEqualTo(d("2024-03-08"));
        assertThat(calendar.lastOf(d("2024-03-02"), 5)).as("a Saturday start counts from Monday").isEqualTo(d("2024-03-08"));
    }

    @Test
    void aNoticeAcrossSpringFestival2024CountsTheMakeUpSundayAndSkipsTheHoliday() {
        // Wed 7, Thu 8, Fri 9 Feb; 10–17 off; Sun 18 is a working day; Mon 19
        assertThat(calendar.lastOf(d("2024-02-07"), 5)).isEqualTo(d("2024-02-19"));
        assertThat(calendar.workingDaysBetween(d("2024-02-07"), d("2024-02-19"))).isEqualTo(5);
    }

    @Test
    void aNoticeAcrossNationalDay2024CountsTheMakeUpSundayBeforeIt() {
        // Fri 27 Sep, Sun 29 (make-up), Mon 30; 1–7 Oct off; Tue 8, Wed 9
        assertThat(calendar.lastOf(d("2024-09-27"), 5)).isEqualTo(d("2024-10-09"));
        // from the first day after the holiday: Tue 8 … Sat 12 Oct (make-up) is the fifth
        assertThat(calendar.lastOf(d("2024-10-08"), 5)).isEqualTo(d("2024-10-12"));
    }

    @Test
    void aNoticeAcrossSpringFestival2025AndNationalDay2023() {
        // Mon 27 Jan 2025 is a working day; 28 Jan – 4 Feb off; Wed 5, Thu 6, Fri 7, Sat 8 (make-up)
        assertThat(calendar.lastOf(d("2025-01-27"), 5)).isEqualTo(d("2025-02-08"));
        // Thu 28 Sep 2023; 29 Sep – 6 Oct off; Sat 7, Sun 8 (make-up), Mon 9, Tue 10
        assertThat(calendar.lastOf(d("2023-09-28"), 5)).isEqualTo(d("2023-10-10"));
    }

    @Test
    void aYearWithoutScheduleIsNotGuessed() {
        assertThatThrownBy(() -> calendar.lastOf(d("2027-12-27"), 10))
                .isInstanceOf(WorkingDayCalendar.YearNotCovered.class);
    }
}
