package cn.chanjiao.application.calendar;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code calendar/cn-working-days.yml}: per year, holidays and make-up working days by name. */
final class CalendarFile {

    static final String LOCATION = "calendar/cn-working-days.yml";

    record Entry(WorkingDayCalendar.Kind kind, String name, String source) {
    }

    private CalendarFile() {
    }

    static Map<LocalDate, Entry> read() {
        try (InputStream in = CalendarFile.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<LocalDate, Entry> read(InputStream in) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        Map<LocalDate, Entry> days = new LinkedHashMap<>();
        for (Map<String, Object> year : (List<Map<String, Object>>) root.get("years")) {
            String source = (String) year.get("source");
            add(days, (Map<String, List<Object>>) year.get("holidays"), WorkingDayCalendar.Kind.HOLIDAY, source);
            add(days, (Map<String, List<Object>>) year.get("workdays"), WorkingDayCalendar.Kind.WORKDAY, source);
        }
        return days;
    }

    static Map<LocalDate, WorkingDayCalendar.Kind> kinds(Map<LocalDate, Entry> entries) {
        Map<LocalDate, WorkingDayCalendar.Kind> kinds = new LinkedHashMap<>();
        entries.forEach((day, entry) -> kinds.put(day, entry.kind()));
        return kinds;
    }

    private static void add(Map<LocalDate, Entry> days, Map<String, List<Object>> named, WorkingDayCalendar.Kind kind,
            String source) {
        if (named == null) {
            return;
        }
        named.forEach((name, values) -> {
            for (Object value : values) {
                String text = value instanceof Date date ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString()
                        : value.toString();
                String[] range = text.split("/");
                LocalDate from = LocalDate.parse(range[0].strip());
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1].strip()) : from;
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    if (days.put(day, new Entry(kind, name, source)) != null) {
                        throw new IllegalStateException(day + " is listed twice in " + LOCATION);
                    }
                }
            }
        });
    }
}
