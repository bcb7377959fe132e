package cn.chanjiao.notification.delivery;

import cn.chanjiao.contracts.identity.OrganisationVerified;
import cn.chanjiao.notification.support.NotificationIntegrationTest;
import cn.chanjiao.notification.support.Peers;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChannelsIT extends NotificationIntegrationTest {

    private static final String PREFERENCES = "/api/v1/notifications/preferences";

    @Test
    void aUserWhoChoseSmsInEnglishGetsAnSmsAndNoEmail() {
        UUID organisation = UUID.randomUUID();
        String mobile = "+86138" + (10_000_000 + (int) (Math.random() * 89_999_999));
        Map<String, Object> user = Peers.user("he", "he-" + organisation + "@example.cn", mobile);
        peers.organisationHas(organisation, user);
        JsonNode saved = api.put(PREFERENCES).bearer(tokenOf(user))
                .json(Map.of("language", "en", "channels", Map.of("ORGANISATION_VERIFIED", Set.of("SMS")))).send().json();
        assertThat(saved.path("language").asString()).isEqualTo("en");

        publish(new OrganisationVerified(UUID.randomUUID(), Instant.now(), organisation, "Shanxi Coal Group", "140000",
                "admin"));

        await().atMost(Duration.ofSeconds(20)).until(() -> sms(mobile).size() == 1);
        LoggedRequest sms = sms(mobile).get(0);
        assertThat(sms.getHeader("Authorization")).isEqualTo("Bearer test-sms-key");
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(sms.getBodyAsString());
        assertThat(body.path("text").asString()).startsWith("Organisation verified: Shanxi Coal Group")
                .contains("https://chanjiao.example.cn/organisations/" + organisation);
        assertThat(body.path("signature").asString()).isEqualTo("产教融合平台");
        assertThat(peers.mailTo("he-" + organisation)).isEmpty();
    }

    @Test
    void anSmsTheProviderKeepsRefusingIsRetriedThenMarkedDeadInTheDeliveryLog() {
        UUID organisation = UUID.randomUUID();
        String mobile = "+86139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        Map<String, Object> user = Peers.user("ma", null, mobile);
        peers.organisationHas(organisation, user);
        peers.http().stubFor(post(urlPathEqualTo(Peers.SMS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(mobile))).willReturn(aResponse().withStatus(503)));
        api.put(PREFERENCES).bearer(tokenOf(user))
                .json(Map.of("channels", Map.of("ORGANISATION_VERIFIED", Set.of("SMS")))).send();

        publish(new OrganisationVerified(UUID.randomUUID(), Instant.now(), organisation, "山西焦煤集团", "140000", "admin"));

        String admin = tokens.user("root").roles("platform-admin").mint();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from delivery where recipient = ? and status = 'DEAD'", mobile) == 1);
        assertThat(sms(mobile)).hasSize(3);
        JsonNode log = api.get("/api/v1/notifications/admin/deliveries?channel=SMS&status=DEAD&size=200").bearer(admin)
                .send().json();
        JsonNode dead = java.util.stream.StreamSupport.stream(log.path("items").spliterator(), false)
                .filter(d -> d.path("recipient").asString().equals(mobile)).findFirst().orElseThrow();
        assertThat(dead.path("attemptLog")).hasSize(3);
        assertThat(dead.path("attemptLog").get(0).path("httpStatus").asInt()).isEqualTo(503);
        assertThat(api.get("/api/v1/notifications/admin/deliveries").bearer(tokenOf(user)).send().isProblem(403)).isTrue();
    }

    @Test
    void preferencesRefuseUnknownKindsAndChannelsAndKeepWhatWasThere() {
        Map<String, Object> user = Peers.user("lin", null, null);
        String token = tokenOf(user);
        api.put(PREFERENCES).bearer(token).json(Map.of("channels", Map.of("DEADLINE_UPCOMING", Set.of("EMAIL")))).send();

        assertThat(api.put(PREFERENCES).bearer(token).json(Map.of("channels", Map.of("NO_SUCH_KIND", Set.of("EMAIL"))))
                .send().isProblem(400)).isTrue();
        assertThat(api.put(PREFERENCES).bearer(token).json(Map.of("channels", Map.of("DEADLINE_UPCOMING", Set.of("FAX"))))
                .send().isProblem(400)).isTrue();
        assertThat(api.put(PREFERENCES).bearer(token).json(Map.of("language", "fr")).send().isProblem(400)).isTrue();

        JsonNode kept = api.get(PREFERENCES).bearer(token).send().json();
        assertThat(kept.path("channels").path("DEADLINE_UPCOMING").get(0).asString()).isEqualTo("EMAIL");
        assertThat(kept.path("language").asString()).isEqualTo("zh-CN");
    }

    private List<LoggedRequest> sms(String mobile) {
        return peers.http().findAll(postRequestedFor(urlPathEqualTo(Peers.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(mobile))));
    }
}
