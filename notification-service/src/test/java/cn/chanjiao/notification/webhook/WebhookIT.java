package cn.chanjiao.notification.webhook;

import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.notification.support.FakeDns;
import cn.chanjiao.notification.support.NotificationIntegrationTest;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookIT extends NotificationIntegrationTest {

    private static final String SUBSCRIPTIONS = "/api/v1/notifications/webhooks/subscriptions";

    @Test
    void aSubscribedIntegratorReceivesSignedCloudEventsOfItsOwnProvinceOnly() {
        String path = "/hooks/" + UUID.randomUUID();
        peers.http().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String token = shanxi();
        JsonNode subscription = subscribe(token, path, List.of("DeadlineScheduled")).json();
        String secret = subscription.path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(subscription.path("authorityCode").asString()).isEqualTo("140000");

        DeadlineScheduled taiyuan = deadline("140100");
        publish(deadline("330100"));
        publish(taiyuan);

        await().atMost(Duration.ofSeconds(20)).until(() -> requests(path).size() == 1);
        LoggedRequest request = requests(path).get(0);
        String body = request.getBodyAsString();
        long timestamp = Long.parseLong(request.getHeader("X-Chanjiao-Timestamp"));
        assertThat(request.getHeader("X-Chanjiao-Signature")).isEqualTo(WebhookSignature.sign(secret, timestamp, body));
        assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(request.getHeader("X-Chanjiao-Event-Type")).isEqualTo("DeadlineScheduled");
        JsonNode event = JsonMapper.builder().build().readTree(body);
        assertThat(event.path("specversion").asString()).isEqualTo("1.0");
        assertThat(event.path("id").asString()).isEqualTo(taiyuan.eventId().toString());
        assertThat(event.path("type").asString()).isEqualTo("cn.chanjiao.DeadlineScheduled");
        assertThat(event.path("source").asString()).isEqualTo("urn:chanjiao:application.schedule.v1");
        assertThat(event.path("data").path("authorityCode").asString()).isEqualTo("140100");
        assertThat(event.path("data").path("dueAt").asString()).isEqualTo("2026-12-15T15:59:00Z");

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(token, subscription).path("items").get(0)
                .path("status").asString().equals("DELIVERED"));
        JsonNode log = deliveries(token, subscription);
        assertThat(log.path("totalItems").asInt()).isEqualTo(1);
        assertThat(log.path("items").get(0).path("attemptLog").get(0).path("httpStatus").asInt()).isEqualTo(204);
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffThenDeadLetteredAndMayBeRedelivered() {
        String path = "/hooks/" + UUID.randomUUID();
        peers.http().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String token = shanxi();
        JsonNode subscription = subscribe(token, path, List.of("DeadlineScheduled")).json();

        publish(deadline("140000"));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(token, subscription).path("items").path(0)
                .path("status").asString().equals("DEAD"));
        JsonNode dead = deliveries(token, subscription).path("items").get(0);
        assertThat(dead.path("attempts").asInt()).isEqualTo(3);
        assertThat(dead.path("attemptLog")).hasSize(3);
        assertThat(dead.path("attemptLog").get(2).path("httpStatus").asInt()).isEqualTo(500);
        Instant second = Instant.parse(dead.path("attemptLog").get(1).path("at").asString());
        Instant third = Instant.parse(dead.path("attemptLog").get(2).path("at").asString());
        Instant first = Instant.parse(dead.path("attemptLog").get(0).path("at").asString());
        assertThat(Duration.between(second, third)).isGreaterThan(Duration.between(first, second));
        assertThat(requests(path)).hasSize(3);

        peers.http().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        ApiResponse redelivery = api.post("/api/v1/notifications/webhooks/deliveries/" + dead.path("id").asString()
                + "/redelivery").bearer(token).send();
        assertThat(redelivery.status()).as(redelivery.toString()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(token, subscription).path("items").get(0)
                .path("status").asString().equals("DELIVERED"));
        assertThat(deliveries(token, subscription).path("items").get(0).path("attemptLog")).hasSize(4);
        assertThat(api.post("/api/v1/notifications/webhooks/deliveries/" + dead.path("id").asString() + "/redelivery")
                .bearer(zhejiang()).send().isProblem(404)).isTrue();
    }

    @Test
    void badSubscriptionsAreClearProblemsAndChangeNothing() {
        String client = "integration-bad-" + UUID.randomUUID();
        String token = tokens.client(client).roles("integration").authority("140000").mint();

        assertThat(subscribeTo(token, "ftp://hooks.example.cn/x", List.of("DeadlineScheduled")).isProblem(400)).isTrue();
        assertThat(subscribeTo(token, "http://10.1.2.3/hook", List.of("DeadlineScheduled")).isProblem(400)).isTrue();
        ApiResponse loopback = subscribeTo(token, "http://127.0.0.2:8080/hook", List.of("DeadlineScheduled"));
        assertThat(loopback.isProblem(400)).isTrue();
        assertThat(loopback.json().path("type").asString()).isEqualTo("urn:chanjiao:problem:notification.webhook.url-refused.private-address");
        ApiResponse unknown = subscribeTo(token, peers.baseUrl() + "/hooks/x", List.of("NoSuchEvent"));
        assertThat(unknown.isProblem(400)).isTrue();
        assertThat(unknown.json().path("detail").asString()).contains("NoSuchEvent");
        assertThat(subscribeTo(token, "", List.of()).isProblem(400)).isTrue();
        assertThat(subscribeTo(tokens.user("applicant").roles("applicant").mint(), peers.baseUrl() + "/hooks/x",
                List.of("DeadlineScheduled")).isProblem(403)).isTrue();

        assertThat(api.get(SUBSCRIPTIONS).bearer(token).send().json()).isEmpty();
        assertThat(count("select count(*) from webhook_subscription where client_id = ?", client)).isZero();
    }

    @Test
    void ipv4AddressesInAnyButTheCanonicalFormAreRefused() {
        String token = shanxi();

        for (String url : List.of("http://0177.0.0.1/", "http://2130706433/hook", "http://0x7f.0.0.1/hook",
                "http://127.1/hook", "http://0177.0.0.01:8080/hook")) {
            ApiResponse refused = subscribeTo(token, url, List.of("DeadlineScheduled"));
            assertThat(refused.isProblem(400)).as(url + " " + refused).isTrue();
            assertThat(refused.json().path("type").asString()).as(url)
                    .isEqualTo("urn:chanjiao:problem:notification.webhook.url-refused.non-canonical-address");
            assertThat(refused.json().path("detail").asString()).as(url).contains("十进制");
        }
        assertThat(api.get(SUBSCRIPTIONS).bearer(token).send().json()).isEmpty();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAndOneRebindToLoopbackLaterIsNeverConnectedTo() {
        String host = "rebind-" + UUID.randomUUID() + ".example.cn";
        String path = "/hooks/" + UUID.randomUUID();
        peers.http().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String url = "http://" + host + ":" + peers.http().port() + path;
        String token = shanxi();

        FakeDns.answer(host, "127.0.0.1");
        ApiResponse loopback = subscribeTo(token, url, List.of("DeadlineScheduled"));
        assertThat(loopback.isProblem(400)).as(loopback.toString()).isTrue();
        assertThat(loopback.json().path("type").asString())
                .isEqualTo("urn:chanjiao:problem:notification.webhook.url-refused.private-address");

        FakeDns.answer(host, "203.0.113.7");
        ApiResponse accepted = subscribeTo(token, url, List.of("DeadlineScheduled"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode subscription = accepted.json();
        FakeDns.answer(host, "203.0.113.7", "127.0.0.1"); // the DNS server now rebinds the name to loopback
        publish(deadline("140100"));

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(token, subscription).path("items").path(0)
                .path("attemptLog").path(0).path("error").asString().contains("address refused"));
        JsonNode attempt = deliveries(token, subscription).path("items").get(0).path("attemptLog").get(0);
        assertThat(attempt.path("error").asString()).contains("127.0.0.1");
        assertThat(attempt.path("httpStatus").isNull() || attempt.path("httpStatus").isMissingNode()).isTrue();
        assertThat(requests(path)).isEmpty();
    }

    @Test
    void anotherClientsSubscriptionIsNotFoundAndADeletedOneReceivesNothing() {
        String path = "/hooks/" + UUID.randomUUID();
        String token = shanxi();
        JsonNode subscription = subscribe(token, path, List.of("DeadlineScheduled")).json();
        String id = subscription.path("id").asString();

        assertThat(api.get(SUBSCRIPTIONS + "/" + id).bearer(zhejiang()).send().isProblem(404)).isTrue();
        assertThat(api.method("DELETE", SUBSCRIPTIONS + "/" + id).bearer(zhejiang()).send().isProblem(404)).isTrue();
        assertThat(api.get(SUBSCRIPTIONS + "/" + id).bearer(token).send().status()).isEqualTo(200);

        assertThat(api.method("DELETE", SUBSCRIPTIONS + "/" + id).bearer(token).send().status()).isEqualTo(204);
        publish(deadline("140000"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(requests(path)).isEmpty();
        assertThat(api.get(SUBSCRIPTIONS + "/" + id).bearer(token).send().isProblem(404)).isTrue();
    }

    private String shanxi() {
        return tokens.client("integration-shanxi-" + UUID.randomUUID()).roles("integration").authority("140000").mint();
    }

    private String zhejiang() {
        return tokens.client("integration-zhejiang").roles("integration").authority("330000").mint();
    }

    private DeadlineScheduled deadline(String authority) {
        return new DeadlineScheduled(UUID.randomUUID(), Instant.now(), "COLLECTION_CLOSES", "platform-year-" + UUID.randomUUID(),
                null, authority, Instant.parse("2026-12-15T15:59:00Z"));
    }

    private ApiResponse subscribe(String token, String path, List<String> types) {
        ApiResponse response = subscribeTo(token, peers.baseUrl() + path, types);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private ApiResponse subscribeTo(String token, String url, List<String> types) {
        return api.post(SUBSCRIPTIONS).bearer(token).json(Map.of("url", url, "eventTypes", types,
                "description", "provincial platform")).send();
    }

    private JsonNode deliveries(String token, JsonNode subscription) {
        return api.get(SUBSCRIPTIONS + "/" + subscription.path("id").asString() + "/deliveries").bearer(token).send().json();
    }

    private List<LoggedRequest> requests(String path) {
        return peers.http().findAll(postRequestedFor(urlPathEqualTo(path)));
    }
}
