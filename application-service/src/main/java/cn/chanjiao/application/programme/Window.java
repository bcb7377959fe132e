package cn.chanjiao.application.programme;

import cn.chanjiao.kit.time.ChinaTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A window of a programme, either fixed ({@code opensOn}..{@code closesOn}) or recurring every year
 * ({@code yearly}: e.g. 01-01..10-31 from 2024 on). Both ends are whole days in Asia/Shanghai: a
 * window closing on 31 Oct is open until 31 Oct 23:59:59.999 Beijing time.
 */
public record Window(@NotNull WindowPurpose purpose, LocalDate opensOn, LocalDate closesOn, @Valid Yearly yearly,
        @Size(max = 500) String note) {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /**
     * @param opens     first day each year, {@code MM-dd}
     * @param closes    last day each year, {@code MM-dd}
     * @param fromYear  first year it recurs
     * @param untilYear last year it recurs, open-ended when absent
     */
    public record Yearly(@NotNull @Pattern(regexp = "\\d{2}-\\d{2}") String opens,
            @NotNull @Pattern(regexp = "\\d{2}-\\d{2}") String closes,
            @NotNull @Min(2000) @Max(2100) Integer fromYear, @Min(2000) @Max(2100) Integer untilYear) {

        MonthDay opensDay() {
            return MonthDay.parse("--" + opens);
        }

        MonthDay closesDay() {
            return MonthDay.parse("--" + closes);
        }
    }

    public boolean recurring() {
        return yearly != null;
    }

    /** The occurrence of this window that contains {@code date}, if one does. */
    public Optional<Occurrence> occurrenceOn(LocalDate date) {
        if (!recurring()) {
            if (opensOn != null && closesOn != null && !date.isBefore(opensOn) && !date.isAfter(closesOn)) {
                return Optional.of(new Occurrence(purpose, opensOn, closesOn));
            }
            return Optional.empty();
        }
        return occurrenceIn(date.getYear()).filter(o -> !date.isBefore(o.opensOn()) && !date.isAfter(o.closesOn()));
    }

    /** The first occurrence that has not closed yet on {@code date} (the one open now, or the next). */
    public Optional<Occurrence> currentOrNext(LocalDate date) {
        if (!recurring()) {
            return closesOn != null && !date.isAfter(closesOn) ? Optional.of(new Occurrence(purpose, opensOn, closesOn))
                    : Optional.empty();
        }
        for (int year = Math.max(date.getYear(), yearly.fromYear()); year <= date.getYear() + 1; year++) {
            Optional<Occurrence> occurrence = occurrenceIn(year).filter(o -> !date.isAfter(o.closesOn()));
            if (occurrence.isPresent()) {
                return occurrence;
            }
        }
        return Optional.empty();
    }

    private Optional<Occurrence> occurrenceIn(int year) {
        if (year < yearly.fromYear() || (yearly.untilYear() != null && year > yearly.untilYear())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Occurrence(purpose, yearly.opensDay().atYear(year), yearly.closesDay().atYear(year)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String format(MonthDay day) {
        return MONTH_DAY.format(day);
    }

    /** One occurrence of a window: whole days, Asia/Shanghai. */
    public record Occurrence(WindowPurpose purpose, LocalDate opensOn, LocalDate closesOn) {

        public Instant opensAt() {
            return opensOn.atStartOfDay(ChinaTime.ZONE).toInstant();
        }

        /** The first instant after the window: midnight after its last day, Beijing time. */
        public Instant closesAt() {
            return closesOn.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        }
    }
}
