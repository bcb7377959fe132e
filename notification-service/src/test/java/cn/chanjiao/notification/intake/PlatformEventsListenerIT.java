package cn.chanjiao.notification.intake;

import cn.chanjiao.contracts.application.ApplicationReturned;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.reporting.ReportOverdue;
import cn.chanjiao.notification.support.NotificationIntegrationTest;
import cn.chanjiao.notification.support.Peers;
import cn.chanjiao.notification.support.TestEvents;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PlatformEventsListenerIT extends NotificationIntegrationTest {

    @Test
    void anEventDeliveredTwiceNotifiesEachUserOfTheOrganisationOnce() throws Exception {
        UUID organisation = UUID.randomUUID();
        Map<String, Object> wang = Peers.user("wang", "wang-" + organisation + "@school.example.cn", null);
        Map<String, Object> li = Peers.user("li", "li-" + organisation + "@school.example.cn", null);
        peers.organisationHas(organisation, wang, li);
        ApplicationReturned returned = new ApplicationReturned(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), organisation, "请补充牵头企业的营业执照", "reviewer-shanxi-edu", "140000");

        publish(returned);
        publish(returned);

        await().atMost(Duration.ofSeconds(20)).until(() -> peers.mailTo("li-" + organisation).size() == 1);
        JsonNode inbox = api.get("/api/v1/notifications/inbox").bearer(tokenOf(wang)).send().json();
        assertThat(inbox.path("totalItems").asInt()).isEqualTo(1);
        assertThat(inbox.path("items").get(0).path("kind").asString()).isEqualTo("APPLICATION_RETURNED");
        assertThat(inbox.path("items").get(0).path("body").asString()).contains("请补充牵头企业的营业执照");
        Thread.sleep(1000);
        assertThat(count("select count(*) from processed_event where event_id = ?", returned.eventId())).isEqualTo(1);
        assertThat(count("select count(*) from notification_request where source_event_id = ?", returned.eventId()))
                .isEqualTo(1);
        assertThat(peers.mailTo("wang-" + organisation)).hasSize(1);
        MimeMessage mail = peers.mailTo("li-" + organisation).get(0);
        assertThat(mail.getSubject()).isEqualTo("申报书被退回修改");
        assertThat(Peers.part(mail, "text/plain")).contains("请补充牵头企业的营业执照")
                .contains("https://chanjiao.example.cn/applications/" + returned.applicationId());
        assertThat(Peers.part(mail, "text/html")).contains("<a href=\"https://chanjiao.example.cn/applications/"
                + returned.applicationId() + "\"");
    }

    @Test
    void anApprovedPlatformIsToldToItsLeadOrganisationInItsLanguage() {
        UUID organisation = UUID.randomUUID();
        Map<String, Object> qian = Peers.user("qian", null, null);
        peers.organisationHas(organisation, qian);
        PlatformApproved approved = new PlatformApproved(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "HZ-PLATFORMS-2024", "CITY_CONSORTIUM", "钱塘市域产教联合体",
                organisation, List.of(organisation), "330114", "330100", List.of(2024, 2025, 2026), 2023, List.of(),
                List.of(), Instant.parse("2024-07-10T02:00:00Z"));

        publish(approved);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications/inbox/unread-count")
                .bearer(tokenOf(qian)).send().json().path("unread").asInt() == 1);
        JsonNode zh = api.get("/api/v1/notifications/inbox").bearer(tokenOf(qian)).send().json().path("items").get(0);
        assertThat(zh.path("kind").asString()).isEqualTo("PLATFORM_APPROVED");
        assertThat(zh.path("title").asString()).isEqualTo("已认定为培育建设单位：钱塘市域产教联合体");
        assertThat(zh.path("body").asString()).contains("2024年7月10日 10:00（北京时间）");
    }

    @Test
    void whenIdentityServiceIsDownTheNotificationWaitsAndIsDeliveredOnceItIsBack() {
        UUID organisation = UUID.randomUUID();
        Map<String, Object> zhao = Peers.user("zhao", "zhao-" + organisation + "@example.cn", null);
        peers.organisationLookupFails(organisation);
        ApplicationReturned returned = new ApplicationReturned(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), organisation, "材料不全", "reviewer", "140000");

        publish(returned);

        await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                select count(*) from notification_request where source_event_id = ? and status = 'PENDING'
                  and attempts >= 1 and last_error is not null""", returned.eventId()) == 1);
        assertThat(count("select count(*) from notification where user_id = ?", zhao.get("id"))).isZero();

        peers.organisationHas(organisation, zhao);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from notification where user_id = ?",
                zhao.get("id")) == 1);
        assertThat(count("select count(*) from notification_request where source_event_id = ? and status = 'DONE'",
                returned.eventId())).isEqualTo(1);
    }

    @Test
    void anEventRecordRegisteredOnlyInTheCatalogPlugsInThroughConfiguration() {
        Map<String, Object> expert = Peers.user("expert-zhang", null, null);
        peers.userIs(expert);
        TestEvents.ExpertAssigned assigned = new TestEvents.ExpertAssigned(UUID.randomUUID(), Instant.now(),
                UUID.randomUUID(), String.valueOf(expert.get("id")), "330100");

        publish(assigned);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications/inbox/unread-count")
                .bearer(tokenOf(expert)).send().json().path("unread").asInt() == 1);
        JsonNode item = api.get("/api/v1/notifications/inbox").bearer(tokenOf(expert)).english().send().json()
                .path("items").get(0);
        assertThat(item.path("kind").asString()).isEqualTo("EXPERT_ASSIGNED");
        assertThat(item.path("title").asString()).isEqualTo("Platform notification: EXPERT_ASSIGNED");
    }

    @Test
    void anOverdueReportIsToldToThePlatformAndToTheProgrammeAdminsOfItsSupervisingAuthorityInTheirLanguage() throws Exception {
        UUID organisation = UUID.randomUUID();
        Map<String, Object> lead = Peers.user("lead-" + organisation.toString().substring(0, 8),
                "lead-" + organisation + "@school.example.cn", null);
        peers.organisationHas(organisation, lead);
        // 台州 (331000): no other test stubs its programme admins
        Map<String, Object> admin = Peers.user("tz-admin-" + organisation.toString().substring(0, 8),
                "admin-" + organisation + "@edu.example.cn", null);
        peers.authorityHas("programme-admin", "331000", admin);
        ReportOverdue overdue = new ReportOverdue(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), organisation, "ANNUAL_SUMMARY", 2024, Instant.parse("2024-12-15T15:59:59Z"),
                "台州智能制造实践中心", "331000", "331002");

        publish(overdue);
        publish(overdue);

        await().atMost(Duration.ofSeconds(20)).until(() -> peers.mailTo("admin-" + organisation).size() == 1
                && peers.mailTo("lead-" + organisation).size() == 1);
        JsonNode zh = api.get("/api/v1/notifications/inbox").bearer(tokenOf(admin)).send().json().path("items").get(0);
        assertThat(zh.path("kind").asString()).isEqualTo("REPORT_OVERDUE_AUTHORITY");
        assertThat(zh.path("title").asString()).isEqualTo("【逾期未报】台州智能制造实践中心未按时提交报告");
        assertThat(zh.path("body").asString()).contains("2024年度报告（ANNUAL_SUMMARY）").contains("2024年12月15日 23:59")
                .contains("督促");
        assertThat(zh.path("link").asString()).endsWith("/platforms/" + overdue.platformId() + "/reports");
        JsonNode en = api.get("/api/v1/notifications/inbox").bearer(tokenOf(admin)).english().send().json().path("items").get(0);
        assertThat(en.path("title").asString()).isEqualTo("[Overdue] 台州智能制造实践中心 has not submitted a report");
        assertThat(api.get("/api/v1/notifications/inbox").bearer(tokenOf(lead)).send().json().path("items").get(0)
                .path("kind").asString()).isEqualTo("REPORT_OVERDUE");
        assertThat(peers.mailTo("admin-" + organisation).get(0).getSubject())
                .isEqualTo("【逾期未报】台州智能制造实践中心未按时提交报告");
        assertThat(count("select count(*) from notification_request where source_event_id = ?", overdue.eventId()))
                .isEqualTo(2);

        // an event published before the authority travelled along tells the platform only
        ReportOverdue earlier = new ReportOverdue(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), organisation, "ANNUAL_WORK_PLAN", 2025, Instant.parse("2025-03-31T15:59:59Z"));
        publish(earlier);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from processed_event where event_id = ?", earlier.eventId()) == 1);
        assertThat(count("select count(*) from notification_request where source_event_id = ?", earlier.eventId()))
                .isEqualTo(1);
    }
}
