package cn.chanjiao.notification.reminder;

import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.kit.time.ChinaTime;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import cn.chanjiao.notification.config.NotificationServiceProperties.Schedule;
import cn.chanjiao.notification.notice.AudienceSpec;
import cn.chanjiao.notification.notice.NotificationRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Persisted reminder schedules of deadlines: planned from {@link DeadlineScheduled} (T-7 days, T-1
 * day, on the day, once overdue by default, per deadline kind configurable), fired once each,
 * cancelled by the events that complete the thing due.
 */
@Component
public class Reminders {

    static final String ON_THE_DAY = "ON_THE_DAY";
    static final String OVERDUE = "OVERDUE";

    private final JdbcTemplate jdbc;
    private final NotificationRequests requests;
    private final NotificationServiceProperties.Reminders settings;
    private final Clock clock;

    Reminders(JdbcTemplate jdbc, NotificationRequests requests, NotificationServiceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.settings = properties.reminders();
        this.clock = clock;
    }

    /**
     * Plans the reminders of a deadline; a deadline scheduled again (same kind, subject and
     * organisation) replaces the reminders still waiting. Stages already past are left out, except
     * the overdue one.
     */
    public void plan(DeadlineScheduled deadline) {
        Instant now = clock.instant();
        jdbc.update("""
                update reminder set status = 'SUPERSEDED', closed_reason = ? where deadline_kind = ? and subject_id = ?
                  and organisation_id is not distinct from ? and status = 'SCHEDULED'""",
                "rescheduled by " + deadline.eventId(), deadline.kind(), deadline.subjectId(), deadline.organisationId());
        for (Map.Entry<String, Instant> stage : stages(deadline.kind(), deadline.dueAt()).entrySet()) {
            if (!stage.getValue().isAfter(now) && !OVERDUE.equals(stage.getKey())) {
                continue;
            }
            jdbc.update("""
                    insert into reminder (id, deadline_event_id, deadline_kind, subject_id, organisation_id, authority_code,
                        due_at, stage, fire_at, status, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?)""",
                    UUID.randomUUID(), deadline.eventId(), deadline.kind(), deadline.subjectId(), deadline.organisationId(),
                    deadline.authorityCode(), Timestamp.from(deadline.dueAt()), stage.getKey(),
                    Timestamp.from(stage.getValue()), Timestamp.from(now));
        }
    }

    /** The stages of a deadline kind and when each fires: {@code BEFORE_7D}, {@code BEFORE_1D}, {@code ON_THE_DAY}, {@code OVERDUE}. */
    Map<String, Instant> stages(String deadlineKind, Instant dueAt) {
        Schedule schedule = settings.scheduleOf(deadlineKind);
        Map<String, Instant> stages = new LinkedHashMap<>();
        for (Duration before : schedule.before()) {
            stages.put("BEFORE_" + label(before), dueAt.minus(before));
        }
        if (schedule.onTheDay()) {
            Instant morning = dueAt.atZone(ChinaTime.ZONE).toLocalDate().atTime(LocalTime.parse(schedule.onTheDayAt()))
                    .atZone(ChinaTime.ZONE).toInstant();
            stages.put(ON_THE_DAY, morning.isBefore(dueAt) ? morning : dueAt);
        }
        if (schedule.overdue() != null) {
            stages.put(OVERDUE, dueAt.plus(schedule.overdue()));
        }
        return stages;
    }

    private static String label(Duration before) {
        return before.toHours() % 24 == 0 ? before.toDays() + "D" : before.toHours() + "H";
    }

    /** Cancels the waiting reminders an event completes, if its type is a completion (see {@code completed-by}). */
    public int cancelBy(String eventType, Map<String, Object> payload) {
        NotificationServiceProperties.Completion completion = settings.completedBy().get(eventType);
        if (completion == null) {
            return 0;
        }
        Object organisation = completion.organisationField() == null ? null : payload.get(completion.organisationField());
        int cancelled = 0;
        for (String field : completion.subjectFields()) {
            Object subject = payload.get(field);
            if (subject == null) {
                continue;
            }
            cancelled += jdbc.update("""
                    update reminder set status = 'CANCELLED', closed_reason = ? where subject_id = ? and status = 'SCHEDULED'
                      and (?::uuid is null or organisation_id = ?::uuid)""", eventType, subject.toString(),
                    organisation == null ? null : organisation.toString(), organisation == null ? null : organisation.toString());
        }
        return cancelled;
    }

    /**
     * Fires every reminder whose time has come, each once: the rows are claimed with
     * {@code for update skip locked} and marked fired in the transaction that accepts the
     * notification. Of several stages of one deadline due at once, only the latest is sent.
     */
    int fireDue() {
        List<Due> due = jdbc.query("""
                select id, deadline_event_id, deadline_kind, subject_id, organisation_id, authority_code, due_at, stage, fire_at
                from reminder where status = 'SCHEDULED' and fire_at <= ? order by fire_at desc limit 200
                for update skip locked""", (rs, i) -> new Due(rs.getObject("id", UUID.class),
                rs.getObject("deadline_event_id", UUID.class), rs.getString("deadline_kind"), rs.getString("subject_id"),
                rs.getObject("organisation_id", UUID.class), rs.getString("authority_code"),
                rs.getTimestamp("due_at").toInstant(), rs.getString("stage"), rs.getTimestamp("fire_at").toInstant()),
                Timestamp.from(clock.instant()));
        Set<String> sent = new HashSet<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (Due reminder : due) {
            String deadline = reminder.deadlineKind() + "|" + reminder.subjectId() + "|" + reminder.organisationId();
            if (!sent.add(deadline)) {
                jdbc.update("update reminder set status = 'SKIPPED', closed_reason = 'a later stage fired' where id = ?",
                        reminder.id());
                continue;
            }
            jdbc.update("update reminder set status = 'FIRED', fired_at = ? where id = ?", now, reminder.id());
            requests.accept(reminder.deadlineEventId(), "reminder:" + reminder.stage(), kindOf(reminder.stage()),
                    params(reminder), audience(reminder));
        }
        return due.size();
    }

    private static String kindOf(String stage) {
        return switch (stage) {
            case ON_THE_DAY -> "DEADLINE_DUE_TODAY";
            case OVERDUE -> "DEADLINE_OVERDUE";
            default -> "DEADLINE_UPCOMING";
        };
    }

    private static Map<String, Object> params(Due reminder) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("deadlineKind", reminder.deadlineKind());
        params.put("subjectId", reminder.subjectId());
        params.put("dueAt", reminder.dueAt().toString());
        params.put("stage", reminder.stage());
        long hoursLeft = Duration.between(reminder.fireAt(), reminder.dueAt()).toHours();
        params.put("daysLeft", Math.max(0, (hoursLeft + 23) / 24));
        if (reminder.organisationId() != null) {
            params.put("organisationId", reminder.organisationId().toString());
        }
        if (reminder.authorityCode() != null) {
            params.put("authorityCode", reminder.authorityCode());
        }
        return params;
    }

    private List<AudienceSpec> audience(Due reminder) {
        if (reminder.organisationId() != null) {
            return List.of(AudienceSpec.organisation(reminder.organisationId().toString()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("authorityCode", reminder.authorityCode());
        return new ArrayList<>(AudienceSpec.from(settings.scheduleOf(reminder.deadlineKind()).audience(), payload));
    }

    record Due(UUID id, UUID deadlineEventId, String deadlineKind, String subjectId, UUID organisationId,
            String authorityCode, Instant dueAt, String stage, Instant fireAt) {
    }
}
