package cn.chanjiao.application.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Working days in mainland China: Monday to Friday, except statutory holidays (and the bridging
 * days of the State Council's arrangement), plus the make-up working days on weekends (调休上班).
 * Only years the calendar holds data for can be reckoned: elsewhere the answer would be a guess.
 */
public final class WorkingDayCalendar {

    public enum Kind {
        /** a day off although a weekday */
        HOLIDAY,
        /** a working day although a weekend */
        WORKDAY
    }

    private final Map<LocalDate, Kind> exceptions;
    private final Set<Integer> years;

    public WorkingDayCalendar(Map<LocalDate, Kind> exceptions) {
        this.exceptions = new TreeMap<>(exceptions);
        this.years = exceptions.keySet().stream().map(LocalDate::getYear).collect(Collectors.toUnmodifiableSet());
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        requireCovered(day);
        Kind kind = exceptions.get(day);
        if (kind != null) {
            return kind == Kind.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a period of {@code workingDays} working days starting on {@code start}: the
     * start counts when it is a working day (a notice published on Monday for 5 working days ends on
     * Friday); otherwise counting begins with the next working day.
     */
    public LocalDate lastOf(LocalDate start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("at least one working day");
        }
        LocalDate day = start;
        int counted = 0;
        while (true) {
            if (isWorkingDay(day)) {
                counted++;
                if (counted == workingDays) {
                    return day;
                }
            }
            day = day.plusDays(1);
        }
    }

    /** Working days from {@code from} to {@code to}, both included. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private void requireCovered(LocalDate day) {
        if (!covers(day.getYear())) {
            throw new YearNotCovered(day.getYear());
        }
    }

    /** The calendar holds no schedule for this year. */
    public static final class YearNotCovered extends RuntimeException {

        private final int year;

        YearNotCovered(int year) {
            super("no working-day schedule for " + year);
            this.year = year;
        }

        public int year() {
            return year;
        }
    }
}
