package cn.chanjiao.reporting.report;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.reporting.support.IntegrationTestBase;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Obligations from PlatformApproved on real Kafka and PostgreSQL; deadlines announced; overdue marked once. */
class ObligationsIT extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPlatformApprovedDeliveredTwiceCreatesItsObligationsOnceEachWithADeadlineScheduled() throws Exception {
        UUID lead = UUID.randomUUID();
        PlatformApproved event = approved("HZ-PLATFORMS-2024", "INDUSTRY_COMMUNITY", lead, UUID.randomUUID(), "330106",
                "330100", List.of(2024, 2025, 2026), Instant.parse("2024-07-01T02:00:00Z"));
        String envelope = JSON.writeValueAsString(EventEnvelope.wrap(event, "application-service"));
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                TestEngines.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.APPLICATION_LIFECYCLE, event.aggregateId(), envelope)).get();
            producer.send(new ProducerRecord<>(Topics.APPLICATION_LIFECYCLE, event.aggregateId(), envelope)).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> obligations(event.platformId()) == 11);
        List<ConsumerRecord<String, String>> deadlines = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_SCHEDULE, r -> r.value().contains(lead.toString()), Duration.ofSeconds(10), 12);

        assertThat(obligations(event.platformId())).isEqualTo(11);
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                event.eventId())).isEqualTo(1);
        assertThat(deadlines).hasSize(11);
        assertThat(deadlines).allMatch(r -> r.value().contains("\"DeadlineScheduled\""));
        assertThat(deadlines.stream().filter(r -> r.value().contains("ANNUAL_SUMMARY_DUE"))).hasSize(3);
        assertThat(jdbc.queryForList("select kind || ':' || year || ':' || due_on from report where platform_id = ? "
                + "order by year, due_on, kind", String.class, event.platformId())).containsExactly(
                        "ANNUAL_SUMMARY:2024:2024-12-15",
                        "ANNUAL_WORK_PLAN:2025:2025-03-31", "INDUSTRY_ANALYSIS:2025:2025-03-31",
                        "SUPPLY_DEMAND_LISTS:2025:2025-03-31", "TALENT_FORECAST:2025:2025-03-31",
                        "ANNUAL_SUMMARY:2025:2025-12-15",
                        "ANNUAL_WORK_PLAN:2026:2026-03-31", "INDUSTRY_ANALYSIS:2026:2026-03-31",
                        "SUPPLY_DEMAND_LISTS:2026:2026-03-31", "TALENT_FORECAST:2026:2026-03-31",
                        "ANNUAL_SUMMARY:2026:2026-12-15");
        assertThat(jdbc.queryForObject("select due_at from report where platform_id = ? and kind = 'ANNUAL_SUMMARY' "
                + "and year = 2024", java.sql.Timestamp.class, event.platformId()).toInstant())
                .isEqualTo(Instant.parse("2024-12-15T15:59:59Z"));
    }

    @Test
    void aPracticeCentreOwesItsOperationPlanWithTheTwoListsAndItsOperationReport() {
        TestPlatform centre = approve("HZ-PLATFORMS-2024", "PRACTICE_CENTER_SCHOOL", "330106", "330100",
                List.of(2024, 2025, 2026), Instant.parse("2024-07-01T02:00:00Z"));

        assertThat(jdbc.queryForList("select kind || ':' || year from report where platform_id = ? order by year, kind",
                String.class, centre.id())).containsExactly("OPERATION_REPORT:2024", "OPERATION_PLAN:2025",
                        "OPERATION_REPORT:2025", "OPERATION_PLAN:2026", "OPERATION_REPORT:2026");
    }

    @Test
    void aProgrammeWithoutItsOwnScheduleGetsTheDefaultThirtyFirstOfMarchAndFifteenthOfDecember() {
        TestPlatform platform = approve("SOME-NEW-PROGRAMME", "INDUSTRY_COMMUNITY", "140105", "140000", List.of(2025),
                Instant.parse("2025-01-10T02:00:00Z"));

        assertThat(jdbc.queryForList("select kind || ':' || due_on from report where platform_id = ? order by due_on, kind",
                String.class, platform.id())).containsExactly("ANNUAL_WORK_PLAN:2025-03-31",
                        "INDUSTRY_ANALYSIS:2025-03-31", "SUPPLY_DEMAND_LISTS:2025-03-31", "TALENT_FORECAST:2025-03-31",
                        "ANNUAL_SUMMARY:2025-12-15");
    }

    @Test
    void theSchedulerMarksAMissedDeadlineOverdueOnceAndPublishesReportOverdueOnce() {
        TestPlatform platform = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140105", "140000",
                List.of(2025), Instant.parse("2025-01-10T02:00:00Z"));
        UUID plan = obligation(platform.id(), "ANNUAL_WORK_PLAN", 2025);

        clock.setBeijing("2025-03-31T23:59:00");
        reportService.markOverdue();
        assertThat(overdue(plan)).isFalse();

        clock.setBeijing("2025-04-01T00:00:01");
        int first = reportService.markOverdue();
        int second = reportService.markOverdue();

        assertThat(overdue(plan)).isTrue();
        assertThat(first).isGreaterThanOrEqualTo(4);
        assertThat(second).isZero();
        List<ConsumerRecord<String, String>> overdue = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.REPORTING, r -> r.key().equals(plan.toString()) && r.value().contains("\"ReportOverdue\""),
                Duration.ofSeconds(6), 2);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).value()).contains("\"kind\":\"ANNUAL_WORK_PLAN\"")
                // the platform's supervising authority travels along, so notification-service can tell its programme admins
                .contains("\"authorityCode\":\"140000\"").contains("\"regionCode\":\"140105\"")
                .contains("\"platformName\":\"" + platform.event().name() + "\"");
    }

    @Test
    void aRevokedPlatformOwesNothingMoreAndIsNeverMarkedOverdue() {
        TestPlatform platform = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140105", "140000",
                List.of(2025), Instant.parse("2025-01-10T02:00:00Z"));
        UUID plan = obligation(platform.id(), "ANNUAL_WORK_PLAN", 2025);

        reportService.platformRevoked(new cn.chanjiao.contracts.application.PlatformRevoked(UUID.randomUUID(),
                Instant.parse("2025-02-01T02:00:00Z"), platform.id(), platform.event().programmeId(), platform.lead(),
                "140000", "解散"));
        clock.setBeijing("2025-12-31T00:00:00");
        reportService.markOverdue();

        assertThat(jdbc.queryForObject("select count(*) from report where platform_id = ? and cancelled_at is null",
                Integer.class, platform.id())).isZero();
        assertThat(overdue(plan)).isFalse();
        var refused = api.put("/api/v1/reports/" + jdbc.queryForObject("select id from report where obligation_id = ?",
                UUID.class, plan) + "/sections/GOALS").bearer(applicant(platform.lead())).header("If-Match", "\"1\"")
                .json("{\"text\":\"目标\"}").send();
        assertThat(refused.isProblem(409)).as(refused.toString()).isTrue();
    }

    private int obligations(UUID platformId) {
        return jdbc.queryForObject("select count(*) from report where platform_id = ?", Integer.class, platformId);
    }

    private UUID obligation(UUID platformId, String kind, int year) {
        return jdbc.queryForObject("select obligation_id from report where platform_id = ? and kind = ? and year = ?",
                UUID.class, platformId, kind, year);
    }

    private boolean overdue(UUID obligationId) {
        return jdbc.queryForObject("select overdue_at is not null from report where obligation_id = ?", Boolean.class,
                obligationId);
    }
}
