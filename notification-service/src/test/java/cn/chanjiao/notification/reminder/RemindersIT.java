package cn.chanjiao.notification.reminder;

import cn.chanjiao.contracts.application.PublicNoticeStarted;
import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.contracts.reporting.ReportSubmitted;
import cn.chanjiao.notification.support.NotificationIntegrationTest;
import cn.chanjiao.notification.support.Peers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static cn.chanjiao.kit.time.ChinaTime.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RemindersIT extends NotificationIntegrationTest {

    @Autowired
    ReminderScheduler scheduler;

    /** 31 Oct 2026, 17:00 Beijing time: registration closes. */
    private static final Instant DUE = LocalDateTime.parse("2026-10-31T17:00:00").atZone(ZONE).toInstant();

    @Test
    void eachReminderStageFiresOnceAsTheClockPassesItEvenWithTwoSchedulersRacing() {
        UUID organisation = UUID.randomUUID();
        Map<String, Object> user = Peers.user("chen", null, null);
        peers.organisationHas(organisation, user);
        clock.moveToBeijing("2026-10-20T09:00:00");
        String subject = "programme-" + UUID.randomUUID();
        publish(new DeadlineScheduled(UUID.randomUUID(), Instant.now(), "REGISTRATION_CLOSES", subject, organisation,
                "140000", DUE));
        await().atMost(Duration.ofSeconds(20)).until(() -> stages(subject).size() == 4);
        assertThat(stages(subject)).containsExactly("BEFORE_7D", "BEFORE_1D", "ON_THE_DAY", "OVERDUE");

        clock.moveToBeijing("2026-10-24T17:00:30");
        fireFromTwoInstances();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(user).size() == 1);
        JsonNode first = inbox(user).get(0);
        assertThat(first.path("kind").asString()).isEqualTo("DEADLINE_UPCOMING");
        assertThat(first.path("title").asString()).isEqualTo("【截止提醒】申报将于2026年10月31日 17:00（北京时间）截止");
        assertThat(first.path("body").asString()).contains("还有7天");
        assertThat(first.path("link").asString())
                .isEqualTo("https://chanjiao.example.cn/deadlines/REGISTRATION_CLOSES/" + subject);

        fireFromTwoInstances();
        assertThat(inbox(user)).hasSize(1);

        clock.moveToBeijing("2026-10-30T17:01:00");
        fireFromTwoInstances();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(user).size() == 2);
        clock.moveToBeijing("2026-10-31T08:00:30");
        fireFromTwoInstances();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(user).size() == 3);
        clock.moveToBeijing("2026-10-31T18:00:30");
        fireFromTwoInstances();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(user).size() == 4);
        assertThat(inbox(user).get(0).path("kind").asString()).isEqualTo("DEADLINE_OVERDUE");
        assertThat(api.get("/api/v1/notifications/inbox").bearer(tokenOf(user)).english().send().json().path("items")
                .get(0).path("title").asString()).isEqualTo("Overdue: Application registration closed on 31 Oct 2026, 17:00 (Beijing time)");

        fireFromTwoInstances();
        assertThat(inbox(user)).hasSize(4);
        assertThat(count("select count(*) from reminder where subject_id = ? and status = 'FIRED'", subject)).isEqualTo(4);
    }

    @Test
    void stagesAlreadyPastWhenTheDeadlineArrivesAreLeftOutAndTheKindDecidesTheSchedule() {
        clock.moveToBeijing("2026-10-28T09:00:00");
        String late = "programme-" + UUID.randomUUID();
        String report = "obligation-" + UUID.randomUUID();

        publish(new DeadlineScheduled(UUID.randomUUID(), Instant.now(), "REGISTRATION_CLOSES", late, UUID.randomUUID(),
                "140000", DUE));
        publish(new DeadlineScheduled(UUID.randomUUID(), Instant.now(), "REPORT_DUE", report, UUID.randomUUID(),
                "140000", LocalDateTime.parse("2027-03-31T23:59:00").atZone(ZONE).toInstant()));

        await().atMost(Duration.ofSeconds(20)).until(() -> stages(late).size() == 3 && stages(report).size() == 5);
        assertThat(stages(late)).containsExactly("BEFORE_1D", "ON_THE_DAY", "OVERDUE");
        assertThat(stages(report)).containsExactly("BEFORE_30D", "BEFORE_7D", "BEFORE_1D", "ON_THE_DAY", "OVERDUE");
    }

    @Test
    void aPublicNoticeBecomesAReminderOfItsEndForTheProgrammeAdminsOfItsAuthority() {
        clock.moveToBeijing("2024-07-01T09:00:00");
        UUID notice = UUID.randomUUID();
        Instant ends = LocalDateTime.parse("2024-07-05T23:59:59").atZone(ZONE).toInstant();

        publish(new PublicNoticeStarted(UUID.randomUUID(), Instant.now(), notice, UUID.randomUUID(), "HZ-PLATFORMS-2024",
                "330100", LocalDateTime.parse("2024-07-01T00:00:00").atZone(ZONE).toInstant(), ends, 5,
                List.of(UUID.randomUUID())));

        await().atMost(Duration.ofSeconds(20)).until(() -> stages(notice.toString()).size() == 3);
        assertThat(stages(notice.toString())).containsExactly("BEFORE_1D", "ON_THE_DAY", "OVERDUE");
        assertThat(jdbc.queryForObject("select count(*) from reminder where subject_id = ? and deadline_kind = 'PUBLIC_NOTICE_ENDS'"
                + " and authority_code = '330100' and due_at = ?", Integer.class, notice.toString(),
                java.sql.Timestamp.from(ends))).isEqualTo(3);
    }

    @Test
    void aCompletionEventCancelsTheRemindersStillWaitingSoNoneFires() {
        UUID organisation = UUID.randomUUID();
        Map<String, Object> user = Peers.user("sun", null, null);
        peers.organisationHas(organisation, user);
        clock.moveToBeijing("2026-10-01T09:00:00");
        UUID obligationId = UUID.randomUUID();
        String obligation = obligationId.toString();
        Instant due = LocalDateTime.parse("2026-12-15T23:59:00").atZone(ZONE).toInstant();
        publish(new DeadlineScheduled(UUID.randomUUID(), Instant.now(), "ANNUAL_SUMMARY_DUE", obligation, organisation,
                "140000", due));
        await().atMost(Duration.ofSeconds(20)).until(() -> stages(obligation).size() == 5);

        publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), obligationId, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), organisation, "ANNUAL_SUMMARY", 2026, due, Instant.now(), true));

        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from reminder where subject_id = ? and status = 'CANCELLED'", obligation) == 5);
        clock.moveTo(due.plus(Duration.ofDays(2)));
        fireFromTwoInstances();
        assertThat(inbox(user)).isEmpty();
        assertThat(count("select count(*) from reminder where subject_id = ? and status = 'FIRED'", obligation)).isZero();
    }

    private void fireFromTwoInstances() {
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(scheduler::fireDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(scheduler::fireDue);
        one.join();
        two.join();
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> stages(String subject) {
        return jdbc.queryForList("select stage from reminder where subject_id = ? and status = 'SCHEDULED' order by fire_at",
                String.class, subject);
    }

    private List<JsonNode> inbox(Map<String, Object> user) {
        JsonNode items = api.get("/api/v1/notifications/inbox?size=50").bearer(tokenOf(user)).send().json().path("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).toList();
    }
}
