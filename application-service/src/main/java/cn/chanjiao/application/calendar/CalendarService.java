package cn.chanjiao.application.calendar;

import cn.chanjiao.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working-day calendar this service owns: seeded on start from the official schedules in
 * {@code calendar/cn-working-days.yml} (days already stored are kept), edited by platform admins
 * for later years, read by public notices to reckon their end.
 */
@Service
public class CalendarService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = 0;
        for (Map.Entry<LocalDate, CalendarFile.Entry> day : CalendarFile.read().entrySet()) {
            added += jdbc.sql("insert into calendar_day (day, kind, name, source, updated_by, updated_at) "
                    + "values (?, ?, ?, ?, 'preset', ?) on conflict (day) do nothing")
                    .param(Date.valueOf(day.getKey())).param(day.getValue().kind().name()).param(day.getValue().name())
                    .param(day.getValue().source()).param(Timestamp.from(clock.instant())).update();
        }
        if (added > 0) {
            log.info("working-day calendar: {} holiday and make-up days loaded from {}", added, CalendarFile.LOCATION);
        }
    }

    public record Day(LocalDate day, WorkingDayCalendar.Kind kind, String name, String source, String updatedBy) {
    }

    /** The calendar as stored now. */
    public WorkingDayCalendar calendar() {
        Map<LocalDate, WorkingDayCalendar.Kind> kinds = new LinkedHashMap<>();
        days(null).forEach(day -> kinds.put(day.day(), day.kind()));
        return new WorkingDayCalendar(kinds);
    }

    List<Day> days(Integer year) {
        String where = year == null ? "" : " where extract(year from day) = " + year.intValue();
        return jdbc.sql("select day, kind, name, source, updated_by from calendar_day" + where + " order by day")
                .query((rs, n) -> new Day(rs.getDate(1).toLocalDate(), WorkingDayCalendar.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    Day put(LocalDate day, WorkingDayCalendar.Kind kind, String name, String source, Caller caller) {
        jdbc.sql("""
                insert into calendar_day (day, kind, name, source, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name, source = excluded.source,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param(Date.valueOf(day)).param(kind.name()).param(name).param(source).param(caller.username())
                .param(Timestamp.from(clock.instant())).update();
        return new Day(day, kind, name, source, caller.username());
    }

    boolean remove(LocalDate day) {
        return jdbc.sql("delete from calendar_day where day = ?").param(Date.valueOf(day)).update() == 1;
    }
}
