package cn.chanjiao.application.calendar;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar: public to read, platform admins edit its days. */
@RestController
@Tag(name = "Working-day calendar")
@org.springframework.validation.annotation.Validated
class CalendarController {

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    record YearResponse(int year, boolean covered, List<CalendarService.Day> days) {
    }

    record PeriodResponse(LocalDate start, int workingDays, LocalDate lastDay) {
    }

    record PutDayRequest(@NotNull WorkingDayCalendar.Kind kind, @NotBlank @Size(max = 60) String name,
            @Size(max = 300) String source) {
    }

    @GetMapping({"/api/v1/public/calendar/{year}", "/api/v1/public/applications/calendar/{year}"})
    @Operation(summary = "A year's statutory holidays and make-up working days (every other Monday–Friday is a working day)")
    YearResponse year(@PathVariable @Min(2000) @Max(2100) int year) {
        List<CalendarService.Day> days = calendar.days(year);
        return new YearResponse(year, !days.isEmpty(), days);
    }

    @GetMapping({"/api/v1/public/calendar/period", "/api/v1/public/applications/calendar/period"})
    @Operation(summary = "The last day of a period of N working days starting on a date (the start counts when it is a working day)")
    PeriodResponse period(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam @Min(1) @Max(250) int workingDays) {
        try {
            return new PeriodResponse(start, workingDays, calendar.calendar().lastOf(start, workingDays));
        } catch (WorkingDayCalendar.YearNotCovered e) {
            throw ApiException.unprocessable("calendar.yearNotCovered", String.valueOf(e.year()));
        }
    }

    @PutMapping({"/api/v1/calendar/days/{day}", "/api/v1/applications/calendar/days/{day}"})
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(summary = "Set a day as a holiday or a make-up working day (e.g. the next year's schedule once published)")
    CalendarService.Day put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @RequestBody PutDayRequest request, Caller caller) {
        return calendar.put(day, request.kind(), request.name().strip(), request.source(), caller);
    }

    @DeleteMapping({"/api/v1/calendar/days/{day}", "/api/v1/applications/calendar/days/{day}"})
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(summary = "Make a day ordinary again (working on weekdays, off at weekends)")
    @ApiResponse(responseCode = "204", description = "The day is ordinary again")
    ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        if (!calendar.remove(day)) {
            throw ApiException.notFound("calendar.dayNotFound", day);
        }
        return ResponseEntity.noContent().build();
    }
}
