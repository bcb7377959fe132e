package cn.chanjiao.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * The gateway in front of WireMock stand-ins for the five services and Keycloak's JWKS endpoint.
 * indicator-service is listed with three instances — two live, one whose port nobody listens on —
 * to prove round-robin spreading and that GETs skip a dead instance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S") // a cold gateway on a busy machine may need more than the default 5 s for its first answer
class GatewayRoutingIT {

    private static final String SIMPLE_INSTANCES = "spring.cloud.discovery.client.simple.instances.";
    private static final String ALLOWED_ORIGIN = "http://localhost:5173";

    private static final WireMockServer KEYCLOAK = started("keycloak");
    private static final WireMockServer IDENTITY = started("identity-service");
    private static final WireMockServer APPLICATION = started("application-service");
    private static final WireMockServer REPORTING = started("reporting-service");
    private static final WireMockServer NOTIFICATION = started("notification-service");
    private static final WireMockServer INDICATOR_A = started("indicator-service");
    private static final WireMockServer INDICATOR_B = started("indicator-service");
    private static final int DEAD_PORT = freePort();

    private static final Map<String, WireMockServer> SERVICES = Map.of(
            "identity-service", IDENTITY,
            "application-service", APPLICATION,
            "reporting-service", REPORTING,
            "notification-service", NOTIFICATION);

    static {
        KEYCLOAK.stubFor(get(urlEqualTo(TestTokens.JWKS_PATH)).willReturn(aResponse()
                .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .withBody(TestTokens.jwks())));
    }

    @DynamicPropertySource
    static void pointAtStubs(DynamicPropertyRegistry registry) {
        registry.add("chanjiao.keycloak.url", KEYCLOAK::baseUrl);
        // Spring Cloud's indexed form ...
        SERVICES.forEach((service, server) -> registry.add(SIMPLE_INSTANCES + service + "[0].uri", server::baseUrl));
        // ... and the comma-separated form (CHANJIAO_INDICATOR_URIS)
        registry.add(SIMPLE_INSTANCES + "indicator-service",
                () -> INDICATOR_A.baseUrl() + "," + INDICATOR_B.baseUrl() + ",http://127.0.0.1:" + DEAD_PORT);
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void resetRequestJournals() {
        Stream.of(IDENTITY, APPLICATION, REPORTING, NOTIFICATION, INDICATOR_A, INDICATOR_B)
                .forEach(WireMockServer::resetRequests);
    }

    @AfterAll
    static void stopStubs() {
        Stream.of(KEYCLOAK, IDENTITY, APPLICATION, REPORTING, NOTIFICATION, INDICATOR_A, INDICATOR_B)
                .forEach(WireMockServer::stop);
    }

    // --- routing ------------------------------------------------------------------------------

    static Stream<Arguments> protectedPrefixes() {
        return Stream.of(
                Arguments.of("/api/v1/identity/organisations", "identity-service"),
                Arguments.of("/api/v1/programmes", "application-service"),
                Arguments.of("/api/v1/applications", "application-service"),
                Arguments.of("/api/v1/review-rounds", "application-service"),
                Arguments.of("/api/v1/expert/assignments", "application-service"),
                Arguments.of("/api/v1/notices", "application-service"),
                Arguments.of("/api/v1/objections/x/ruling", "application-service"),
                Arguments.of("/api/v1/platforms", "application-service"),
                Arguments.of("/api/v1/calendar/days", "application-service"),
                Arguments.of("/api/v1/reports", "reporting-service"),
                Arguments.of("/api/v1/supply-demand/talent-demands", "reporting-service"),
                Arguments.of("/api/v1/indicators/catalogues", "indicator-service"),
                Arguments.of("/api/v1/notifications/inbox", "notification-service"));
    }

    @ParameterizedTest(name = "{0} reaches {1} with a valid token, which is forwarded unchanged")
    @MethodSource("protectedPrefixes")
    void protectedPathReachesItsServiceWithAValidTokenForwardedUnchanged(String prefix, String service) {
        String path = prefix + "/" + UUID.randomUUID() + "?page=0&size=20";
        String token = validToken();

        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(requestsTo(service, getRequestedFor(urlEqualTo(path))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)))).hasSize(1);
    }

    static Stream<Arguments> publicPrefixes() {
        return Stream.of(
                Arguments.of("/api/v1/public/identity/organisations", "identity-service"),
                Arguments.of("/api/v1/public/programmes", "application-service"),
                Arguments.of("/api/v1/public/applications/notices", "application-service"),
                Arguments.of("/api/v1/public/notices", "application-service"),
                Arguments.of("/api/v1/public/platforms", "application-service"),
                Arguments.of("/api/v1/public/calendar", "application-service"),
                Arguments.of("/api/v1/public/reports", "reporting-service"),
                Arguments.of("/api/v1/public/supply-demand/tech-demands", "reporting-service"),
                Arguments.of("/api/v1/public/indicators/catalogues", "indicator-service"),
                Arguments.of("/api/v1/public/notifications/announcements", "notification-service"));
    }

    @ParameterizedTest(name = "{0} reaches {1} without a token")
    @MethodSource("publicPrefixes")
    void publicPathReachesItsServiceWithoutAToken(String prefix, String service) {
        String path = prefix + "/" + UUID.randomUUID();

        client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(requestsTo(service, getRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    @Test
    void publicPathStillAnswersWhenTheFrontEndSendsAnExpiredToken() {
        String path = "/api/v1/public/programmes/" + UUID.randomUUID();

        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired(issuer()))
                .exchange()
                .expectStatus().isOk();

        assertThat(APPLICATION.findAll(getRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    @Test
    void pathOutsideEveryRouteIsAnsweredWithANotFoundProblem() {
        client.get().uri("/api/v1/nowhere")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("未找到")
                .jsonPath("$.instance").isEqualTo("/api/v1/nowhere");
    }

    // --- authentication -----------------------------------------------------------------------

    @Test
    void callWithoutATokenIsRefusedWithAProblemInChineseByDefault() {
        client.get().uri("/api/v1/applications")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:chanjiao:problem:gateway:unauthorized")
                .jsonPath("$.title").isEqualTo("未认证")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("请先登录或提供有效的访问令牌")
                .jsonPath("$.instance").isEqualTo("/api/v1/applications")
                .jsonPath("$.requestId").isNotEmpty();

        assertThat(APPLICATION.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void callWithoutATokenIsRefusedInEnglishWhenTheClientAcceptsEnglish() {
        client.get().uri("/api/v1/reports")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").isEqualTo("Sign in or provide a valid access token.")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void expiredTokenIsRefusedAsInvalid() {
        client.get().uri("/api/v1/identity/organisations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired(issuer()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer"))
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token"))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("未认证")
                .jsonPath("$.detail").isEqualTo("访问令牌无效或已过期，请重新登录");

        assertThat(IDENTITY.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        client.get().uri("/api/v1/identity/organisations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.signedByStranger(issuer()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").isEqualTo("The access token is invalid or has expired. Sign in again.");

        assertThat(IDENTITY.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        client.get().uri("/api/v1/identity/organisations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid(KEYCLOAK.baseUrl() + "/realms/other"))
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(IDENTITY.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    // --- load balancing -----------------------------------------------------------------------

    @Test
    void getsAreSpreadOverBothLiveInstancesOfAService() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/v1/indicators/values?i=" + i)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                    .exchange()
                    .expectStatus().isOk();
        }

        assertThat(INDICATOR_A.findAll(getRequestedFor(urlPathEqualTo("/api/v1/indicators/values")))).isNotEmpty();
        assertThat(INDICATOR_B.findAll(getRequestedFor(urlPathEqualTo("/api/v1/indicators/values")))).isNotEmpty();
    }

    @Test
    void getsSucceedWhileOneInstanceIsDownAndEachReachesAServiceOnce() {
        // round-robin over three instances: three of these nine GETs are first sent to the dead one
        for (int i = 0; i < 9; i++) {
            client.get().uri("/api/v1/indicators/windows?i=" + i)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                    .exchange()
                    .expectStatus().isOk();
        }

        RequestPatternBuilder windows = getRequestedFor(urlPathEqualTo("/api/v1/indicators/windows"));
        assertThat(INDICATOR_A.findAll(windows).size() + INDICATOR_B.findAll(windows).size()).isEqualTo(9);
    }

    @Test
    void postsAreNeverRetriedSoTheOneSentToTheDeadInstanceGetsABadGatewayProblem() {
        // round-robin over three instances: one of three consecutive POSTs is sent to the dead one
        List<HttpStatus> statuses = new ArrayList<>();
        List<String> problemTypes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<String> result = client.post().uri("/api/v1/indicators/values")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"value\":" + i + "}")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            statuses.add(HttpStatus.valueOf(result.getStatus().value()));
            if (result.getStatus().value() == 502) {
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                problemTypes.add(result.getResponseBody());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.OK, HttpStatus.BAD_GATEWAY);
        assertThat(problemTypes).singleElement().asString()
                .contains("urn:chanjiao:problem:gateway:service-unreachable")
                .contains("服务无法连接");
        RequestPatternBuilder posts = postRequestedFor(urlPathEqualTo("/api/v1/indicators/values"));
        assertThat(INDICATOR_A.findAll(posts).size() + INDICATOR_B.findAll(posts).size()).isEqualTo(2);
    }

    @Test
    void getAnsweredWithAServerErrorIsPassedThroughNotRetried() {
        String path = "/api/v1/reports/" + UUID.randomUUID();
        REPORTING.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(500)
                .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .withBody("{\"status\":500,\"title\":\"服务器内部错误\"}")));

        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.title").isEqualTo("服务器内部错误");

        assertThat(REPORTING.findAll(getRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    // --- request ids --------------------------------------------------------------------------

    @Test
    void requestIdIsGeneratedWhenAbsentAndForwardedToTheService() {
        String path = "/api/v1/programmes/" + UUID.randomUUID();

        String id = client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                .exchange()
                .expectStatus().isOk()
                .returnResult(byte[].class)
                .getResponseHeaders().getFirst(RequestIdFilter.HEADER);

        assertThat(id).isNotNull();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(APPLICATION.findAll(getRequestedFor(urlEqualTo(path))
                .withHeader(RequestIdFilter.HEADER, equalTo(id)))).hasSize(1);
    }

    @Test
    void requestIdFromTheClientIsKeptAndForwarded() {
        String path = "/api/v1/notifications/" + UUID.randomUUID();

        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                .header(RequestIdFilter.HEADER, "portal-42.retry_1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(RequestIdFilter.HEADER, "portal-42.retry_1");

        assertThat(NOTIFICATION.findAll(getRequestedFor(urlEqualTo(path))
                .withHeader(RequestIdFilter.HEADER, equalTo("portal-42.retry_1")))).hasSize(1);
    }

    @Test
    void malformedRequestIdIsReplacedByAGeneratedOne() {
        String path = "/api/v1/notifications/" + UUID.randomUUID();
        String tooLong = "x".repeat(65);

        String id = client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                .header(RequestIdFilter.HEADER, tooLong)
                .exchange()
                .expectStatus().isOk()
                .returnResult(byte[].class)
                .getResponseHeaders().getFirst(RequestIdFilter.HEADER);

        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(NOTIFICATION.findAll(getRequestedFor(urlEqualTo(path))
                .withHeader(RequestIdFilter.HEADER, equalTo(id)))).hasSize(1);
    }

    @Test
    void requestIdIsOnTheUnauthorizedAnswerAndInItsBody() {
        client.get().uri("/api/v1/applications")
                .header(RequestIdFilter.HEADER, "abc-123")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(RequestIdFilter.HEADER, "abc-123")
                .expectBody().jsonPath("$.requestId").isEqualTo("abc-123");

        String generated = client.get().uri("/api/v1/applications")
                .exchange()
                .expectStatus().isUnauthorized()
                .returnResult(byte[].class)
                .getResponseHeaders().getFirst(RequestIdFilter.HEADER);
        assertThat(UUID.fromString(generated)).isNotNull();
    }

    // --- CORS ---------------------------------------------------------------------------------

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutATokenOrTheService() {
        client.options().uri("/api/v1/applications/" + UUID.randomUUID() + "/submission")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,if-match,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, containsString("PUT"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, containsString("idempotency-key"))
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");

        assertThat(APPLICATION.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void preflightFromAnUnknownOriginIsRefused() {
        client.options().uri("/api/v1/applications")
                .header(HttpHeaders.ORIGIN, "https://evil.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        assertThat(APPLICATION.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void responsesToAnAllowedOriginExposeEtagLocationAndRequestId() {
        client.get().uri("/api/v1/programmes/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                .header(HttpHeaders.ORIGIN, "http://127.0.0.1:5173")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://127.0.0.1:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, containsString("ETag"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, containsString("Location"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, containsString("X-Request-Id"));
    }

    @Test
    void unauthorizedAnswerToAnAllowedOriginCarriesCorsHeadersSoTheFrontEndCanReadIt() {
        client.get().uri("/api/v1/programmes")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
    }

    // --- OpenAPI / Swagger UI -----------------------------------------------------------------

    static Stream<String> services() {
        return Stream.of("identity-service", "application-service", "reporting-service", "indicator-service",
                "notification-service");
    }

    @ParameterizedTest(name = "/v3/api-docs/{0} is the service''s own /v3/api-docs")
    @MethodSource("services")
    void serviceApiDocsAreRoutedToTheServicesOwnDocument(String service) {
        client.get().uri("/v3/api-docs/" + service)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.info.title").isEqualTo(service);

        assertThat(requestsTo(service, getRequestedFor(urlEqualTo("/v3/api-docs")))).hasSize(1);
    }

    @Test
    void swaggerConfigListsTheFiveServices() {
        client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].name").value(List.class, names -> assertThat(names).contains(
                        "identity-service", "application-service", "reporting-service", "indicator-service",
                        "notification-service"))
                .jsonPath("$.urls[*].url").value(List.class, urls -> assertThat(urls).contains(
                        "/v3/api-docs/identity-service", "/v3/api-docs/notification-service"));
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        client.get().uri("/swagger-ui.html")
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, containsString("swagger-ui/index.html"));

        client.get().uri("/webjars/swagger-ui/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    // --- actuator -----------------------------------------------------------------------------

    @Test
    void healthAndProbesAnswerWithoutAToken() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            client.get().uri(path)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void gatewayRoutesAreForPlatformAdminsOnlyAndOthersGetAForbiddenProblem() {
        client.get().uri("/actuator/gateway/routes")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid(issuer(), "applicant"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("无权访问")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.requestId").isNotEmpty();

        client.get().uri("/actuator/gateway/routes")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid(issuer(), "platform-admin"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].route_id").value(List.class, ids -> assertThat(ids).contains(
                        "identity-service", "application-service", "reporting-service", "indicator-service",
                        "notification-service", "identity-service-api-docs"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static String issuer() {
        return KEYCLOAK.baseUrl() + TestTokens.REALM_PATH;
    }

    private static String validToken() {
        return TestTokens.valid(issuer(), "applicant");
    }

    /** What the instances of {@code service} received matching {@code pattern}. */
    private static List<?> requestsTo(String service, RequestPatternBuilder pattern) {
        if ("indicator-service".equals(service)) {
            List<Object> all = new ArrayList<>(INDICATOR_A.findAll(pattern));
            all.addAll(INDICATOR_B.findAll(pattern));
            return all;
        }
        return SERVICES.get(service).findAll(pattern);
    }

    /** A stand-in service: every API call is answered 200 with the service's name, and its OpenAPI document. */
    private static WireMockServer started(String service) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(12).jettyAcceptors(1));
        server.start();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/api/v1/.*"))
                .willReturn(aResponse()
                        .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                        .withHeader(HttpHeaders.ETAG, "\"1\"")
                        .withBody("{\"service\":\"" + service + "\"}")));
        server.stubFor(get(urlEqualTo("/v3/api-docs")).willReturn(aResponse()
                .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\",\"version\":\"v1\"},\"paths\":{}}")));
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
