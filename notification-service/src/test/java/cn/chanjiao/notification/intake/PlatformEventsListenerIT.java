package cn.chanjiao.notification.intake;

import cn.chanjiao.contracts.application.ApplicationReturned;
import cn.chanjiao.contracts.application.PlatformApproved;
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
}
