package cn.chanjiao.notification.inbox;

import cn.chanjiao.notification.support.NotificationIntegrationTest;
import cn.chanjiao.notification.support.Peers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboxIT extends NotificationIntegrationTest {

    private static final String INBOX = "/api/v1/notifications/inbox";

    @Autowired
    Inbox inbox;

    @Test
    void aUserPagesThroughTheirInboxNewestFirstAndMarksOneAndThenAllRead() {
        Map<String, Object> user = Peers.user("zhou", null, null);
        String token = tokenOf(user);
        for (int i = 0; i < 3; i++) {
            deliver(user, "ORGANISATION_VERIFIED", Map.of("name", "太原职业技术学院 " + i, "organisationId", "org-" + i));
        }

        JsonNode first = api.get(INBOX + "?page=0&size=2").bearer(token).send().json();
        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("title").asString()).isEqualTo("单位审核通过：太原职业技术学院 2");
        assertThat(first.path("items").get(0).path("link").asString()).isEqualTo("https://chanjiao.example.cn/organisations/org-2");
        assertThat(api.get(INBOX + "?page=1&size=2").bearer(token).send().json().path("items")).hasSize(1);
        assertThat(unread(token)).isEqualTo(3);

        String id = first.path("items").get(0).path("id").asString();
        JsonNode read = api.post(INBOX + "/" + id + "/read").bearer(token).send().json();
        assertThat(read.path("read").asBoolean()).isTrue();
        assertThat(unread(token)).isEqualTo(2);
        assertThat(api.get(INBOX + "?unread=true").bearer(token).send().json().path("totalItems").asInt()).isEqualTo(2);

        assertThat(api.post(INBOX + "/read-all").bearer(token).send().json().path("marked").asInt()).isEqualTo(2);
        assertThat(unread(token)).isZero();
    }

    @Test
    void theInboxSpeaksEnglishWhenAskedTo() {
        Map<String, Object> user = Peers.user("wu", null, null);
        deliver(user, "ORGANISATION_REJECTED", Map.of("name", "Hangzhou Park", "reason", "missing licence"));

        JsonNode item = api.get(INBOX).bearer(tokenOf(user)).english().send().json().path("items").get(0);

        assertThat(item.path("title").asString()).isEqualTo("Organisation not verified: Hangzhou Park");
        assertThat(item.path("body").asString()).contains("Reason: missing licence");
    }

    @Test
    void aUserCanNeitherSeeNorMarkAnotherUsersNotification() {
        Map<String, Object> owner = Peers.user("owner", null, null);
        Map<String, Object> other = Peers.user("other", null, null);
        UUID id = deliver(owner, "ORGANISATION_VERIFIED", Map.of("name", "X"));

        assertThat(api.get(INBOX + "/" + id).bearer(tokenOf(other)).send().isProblem(404)).isTrue();
        assertThat(api.post(INBOX + "/" + id + "/read").bearer(tokenOf(other)).send().isProblem(404)).isTrue();
        assertThat(api.post(INBOX + "/read-all").bearer(tokenOf(other)).send().json().path("marked").asInt()).isZero();

        assertThat(count("select count(*) from notification where id = ? and read_at is null", id)).isEqualTo(1);
        assertThat(api.get(INBOX).bearer(tokenOf(other)).send().json().path("totalItems").asInt()).isZero();
        assertThat(api.get(INBOX + "/" + id).bearer(tokenOf(owner)).send().status()).isEqualTo(200);
    }

    @Test
    void theInboxNeedsAPersonsToken() {
        assertThat(api.get(INBOX).send().isProblem(401)).isTrue();
        String service = tokens.client("integration-shanxi").roles("integration").authority("140000").mint();
        assertThat(api.get(INBOX).bearer(service).send().isProblem(403)).isTrue();
        assertThat(api.get(INBOX + "?size=1000").bearer(tokenOf(Peers.user("x", null, null))).send().isProblem(400))
                .isTrue();
    }

    private UUID deliver(Map<String, Object> user, String kind, Map<String, Object> params) {
        UUID request = UUID.randomUUID();
        jdbc.update("""
                insert into notification_request (id, source_type, kind, params, audience, status, next_attempt_at, created_at)
                values (?, 'test', ?, '{}'::jsonb, '[]'::jsonb, 'DONE', ?, ?)""", request, kind,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        UUID id = inbox.add(request, String.valueOf(user.get("id")), kind, params).orElseThrow();
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return id;
    }

    private int unread(String token) {
        return api.get(INBOX + "/unread-count").bearer(token).send().json().path("unread").asInt();
    }
}
