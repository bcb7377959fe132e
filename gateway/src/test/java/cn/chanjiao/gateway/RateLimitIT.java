package cn.chanjiao.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Per-caller rate limits with tiny buckets (3 requests for a token's subject, 2 for an anonymous
 * address, refilled one a minute): the request over the limit is a 429 problem with Retry-After and
 * never reaches the service; another caller is not affected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chanjiao.gateway.rate-limit.authenticated.capacity=3",
        "chanjiao.gateway.rate-limit.authenticated.refill=1",
        "chanjiao.gateway.rate-limit.authenticated.period=1m",
        "chanjiao.gateway.rate-limit.anonymous.capacity=2",
        "chanjiao.gateway.rate-limit.anonymous.refill=1",
        "chanjiao.gateway.rate-limit.anonymous.period=1m" })
@AutoConfigureWebTestClient(timeout = "PT30S") // a cold gateway on a busy machine may need more than the default 5 s for its first answer
class RateLimitIT {

    private static final WireMockServer KEYCLOAK = started();
    private static final WireMockServer IDENTITY = started();

    static {
        KEYCLOAK.stubFor(get(urlEqualTo(TestTokens.JWKS_PATH)).willReturn(aResponse()
                .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE).withBody(TestTokens.jwks())));
        IDENTITY.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(aResponse()
                .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE).withBody("{}")));
    }

    @DynamicPropertySource
    static void pointAtStubs(DynamicPropertyRegistry registry) {
        registry.add("chanjiao.keycloak.url", KEYCLOAK::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.identity-service[0].uri", IDENTITY::baseUrl);
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void resetJournal() {
        IDENTITY.resetRequests();
    }

    @AfterAll
    static void stopStubs() {
        Stream.of(KEYCLOAK, IDENTITY).forEach(WireMockServer::stop);
    }

    @Test
    void aCallerOverItsLimitIsTold429WithRetryAfterAndTheServiceNeverSeesTheRequest() {
        String token = TestTokens.valid(KEYCLOAK.baseUrl() + TestTokens.REALM_PATH, "applicant");
        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<byte[]> passed = me(token, "zh-CN");
            assertThat(passed.getStatus().value()).isEqualTo(200);
            assertThat(passed.getResponseHeaders().getFirst(RateLimitFilter.REMAINING)).isEqualTo(String.valueOf(2 - i));
        }

        EntityExchangeResult<byte[]> limited = me(token, "zh-CN");
        EntityExchangeResult<byte[]> english = me(token, "en");

        assertThat(limited.getStatus().value()).isEqualTo(429);
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(new String(limited.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("urn:chanjiao:problem:gateway:too-many-requests").contains("请求过于频繁");
        assertThat(new String(english.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Too Many Requests");
        assertThat(IDENTITY.findAll(anyRequestedFor(urlPathMatching("/api/v1/.*")))).hasSize(3);

        String someoneElse = TestTokens.valid(KEYCLOAK.baseUrl() + TestTokens.REALM_PATH, "applicant");
        assertThat(me(someoneElse, "zh-CN").getStatus().value()).isEqualTo(200);
    }

    @Test
    void anonymousReadsOfThePublicAreaAreCountedByAddress() {
        int[] statuses = new int[3];
        for (int i = 0; i < 3; i++) {
            statuses[i] = client.get().uri("/api/v1/public/identity/authorities").exchange()
                    .expectBody().returnResult().getStatus().value();
        }

        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(IDENTITY.findAll(anyRequestedFor(urlPathMatching("/api/v1/public/.*")))).hasSize(2);
    }

    private EntityExchangeResult<byte[]> me(String token, String language) {
        return client.get().uri("/api/v1/identity/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange().expectBody().returnResult();
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyAcceptors(1));
        server.start();
        return server;
    }
}
