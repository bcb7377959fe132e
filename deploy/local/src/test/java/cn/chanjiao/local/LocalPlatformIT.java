package cn.chanjiao.local;

import cn.chanjiao.testkit.cds.ClassDataArchive;
import cn.chanjiao.testkit.cds.ImageClassData;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole platform the way {@code deploy/local/run.sh} does — real PostgreSQL, Kafka,
 * Keycloak with the realm of {@code deploy/keycloak/realm.json}, and the six application jars — on
 * free ports with a fresh data folder under {@code target/}, then talks to it over HTTP only:
 * tokens from Keycloak, every service through the gateway.
 */
class LocalPlatformIT {

    private static final List<String> SERVICES = List.of("identity-service", "application-service", "reporting-service",
            "indicator-service", "notification-service");

    private static LocalPlatform platform;
    private static List<Long> childPids;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String platformAdminToken;
    private static String applicantToken;
    private static String integrationToken;

    @BeforeAll
    static void startThePlatform() throws Exception {
        Path root = LocalSettings.findRoot();
        // a fresh data folder each run: the first start of an empty platform is what is tested
        Path data = root.resolve("deploy/local/target/it-data");
        LocalPlatform.wipe(data);
        Instant began = Instant.now();
        platform = LocalPlatform.start(LocalSettings.onFreePorts(root, data));
        System.out.println("platform ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
        childPids = platform.childPids();

        platformAdminToken = passwordGrant("platform-admin");
        applicantToken = passwordGrant("applicant");
        integrationToken = clientCredentialsGrant("integration-shanxi", "integration-shanxi-demo-secret");
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform == null) {
            return;
        }
        platform.close();
        List<Long> stillRunning = childPids.stream()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .toList();
        assertThat(stillRunning).as("processes left running after close()").isEmpty();
    }

    // --- Keycloak ---------------------------------------------------------------------------------

    @Test
    void passwordGrantTokensCarryRealmRolesAndScopeClaims() {
        DocumentContext admin = claims(platformAdminToken);
        assertThat(admin.<List<String>>read("$.realm_access.roles")).contains("platform-admin");
        assertThat(admin.<String>read("$.preferred_username")).isEqualTo("platform-admin");
        assertThat(admin.<String>read("$.iss")).isEqualTo(platform.keycloakUrl() + "/realms/chanjiao");
        assertThat(admin.<Number>read("$.exp").longValue() - admin.<Number>read("$.iat").longValue())
                .as("access token lifespan").isEqualTo(900);

        DocumentContext applicant = claims(applicantToken);
        assertThat(applicant.<List<String>>read("$.realm_access.roles")).contains("applicant").doesNotContain("platform-admin");
        assertThat(applicant.<String>read("$.org_id")).isEqualTo("5a0c1e2b-7d3f-4c8a-9e61-140100000001");
        assertThat(applicant.<String>read("$.authority_code")).isEqualTo("140100");
    }

    @Test
    void clientCredentialsTokenOfAProvinceCarriesItsAuthority() {
        DocumentContext integration = claims(integrationToken);
        assertThat(integration.<List<String>>read("$.realm_access.roles")).contains("integration");
        assertThat(integration.<String>read("$.authority_code")).isEqualTo("140000");
        assertThat(integration.<String>read("$.azp")).isEqualTo("integration-shanxi");
    }

    // --- start-up -----------------------------------------------------------------------------------

    @Test
    void keycloakRunsTheServerBuiltOnceWithoutReaugmenting() throws IOException {
        assertThat(platform.keycloakCommand()).contains("start", "--optimized", "--cache=local")
                .doesNotContain("start-dev");
        assertThat(java.nio.file.Files.readString(platform.settings().keycloakHome()
                .resolve("lib/quarkus/chanjiao-build-options.txt")).trim())
                .isEqualTo(String.join(" ", cn.chanjiao.testkit.engine.KeycloakServer.buildOptions()));
    }

    @Test
    void everyApplicationStartsFromTheClassDataArchiveTheBuildMadeOfItsJar() {
        // the build (phase package, execution cds-archive) made the archives before this test ran: with
        // profile "images" (Linux, unless -DskipImages) the image's, trained by the image's runtime; else this
        // JDK's (a -DskipImages build after an images build leaves the image's files of an older jar: not current)
        java.nio.file.Path imageRuntime = platform.settings().root().resolve("target/image-runtime/java");
        for (LocalSettings.Service service : platform.settings().services()) {
            java.nio.file.Path jar = service.jar(platform.settings().root());
            var image = ImageClassData.current(jar, service.name(), imageRuntime);
            String commandLine = platform.serviceCommandLine(service.name());
            if (image.isPresent()) {
                assertThat(commandLine).as(service.name())
                        .startsWith(image.get().java().toString())
                        .contains("-XX:SharedArchiveFile=" + image.get().archive())
                        .contains("-jar " + image.get().jarName())
                        .doesNotContain("ArchiveClassesAtExit");
            } else {
                ClassDataArchive cds = new ClassDataArchive(service.name(), jar);
                assertThat(cds.isCurrent()).as(service.name() + ": archive made from the jar as it is").isTrue();
                assertThat(commandLine).as(service.name())
                        .contains("-XX:SharedArchiveFile=" + cds.archive())
                        .contains(cds.extractedJar().toString());
            }
        }
        // nothing is written into an image's folder: the attachments stay in the data folder, wherever it runs
        assertThat(platform.serviceCommandLine("application-service")).contains("--chanjiao.application.attachments.directory="
                + platform.settings().dataDirectory().resolve("services/application-service/data/application-service/attachments")
                .toAbsolutePath());
    }

    @Test
    void theFootprintAtReadyNamesEveryPartWithItsMemoryAndCpuTime() {
        Footprint footprint = platform.footprintAtReady().orElseThrow();
        assertThat(footprint.parts().keySet()).contains("launcher with Kafka", "PostgreSQL", "Keycloak", "gateway",
                "identity-service", "application-service", "reporting-service", "indicator-service", "notification-service");
        footprint.parts().forEach((part, usage) -> {
            assertThat(usage.rssBytes()).as(part + " RSS").isPositive();
            assertThat(usage.cpuSeconds()).as(part + " CPU seconds").isPositive();
        });
        assertThat(footprint.table("")).contains("total");
    }

    // --- every service through the gateway --------------------------------------------------------

    @ParameterizedTest(name = "/api/v1/{0}/admin/event-publications")
    @ValueSource(strings = {"identity", "applications", "reports", "indicators", "notifications"})
    void eventPublicationsAreForPlatformAdminsOnly(String area) throws Exception {
        String path = "/api/v1/" + area + "/admin/event-publications";

        HttpResponse<String> ok = get(path, platformAdminToken);
        assertThat(ok.statusCode()).as("platform-admin " + path + ": " + ok.body()).isEqualTo(200);
        assertThat(contentType(ok)).startsWith("application/json");
        assertThat(ok.body().trim()).startsWith("[");
        assertRequestId(ok);

        HttpResponse<String> forbidden = get(path, applicantToken);
        assertThat(forbidden.statusCode()).as("applicant " + path + ": " + forbidden.body()).isEqualTo(403);
        assertProblem(forbidden, 403);

        HttpResponse<String> anonymous = get(path, null);
        assertThat(anonymous.statusCode()).as("no token " + path).isEqualTo(401);
        assertRequestId(anonymous);

        HttpResponse<String> badRequest = get(path + "?olderThan=not-a-duration", platformAdminToken);
        assertThat(badRequest.statusCode()).as("bad olderThan " + path + ": " + badRequest.body()).isEqualTo(400);
        assertProblem(badRequest, 400);
    }

    @Test
    void identityTellsAnApplicantWhoItIs() throws Exception {
        HttpResponse<String> response = get("/api/v1/identity/me", applicantToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertRequestId(response);
        DocumentContext me = JsonPath.parse(response.body());
        assertThat(me.<String>read("$.username")).isEqualTo("applicant");
        assertThat(me.<List<String>>read("$.roles")).contains("applicant");
        assertThat(me.<String>read("$.organisationId")).isEqualTo("5a0c1e2b-7d3f-4c8a-9e61-140100000001");
        assertThat(me.<String>read("$.authorityCode")).isEqualTo("140100");
        assertThat(me.<Boolean>read("$.serviceAccount")).isFalse();
    }

    @Test
    void identityTellsAProvincialPlatformItsRoleAndProvince() throws Exception {
        HttpResponse<String> response = get("/api/v1/identity/me", integrationToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DocumentContext me = JsonPath.parse(response.body());
        assertThat(me.<List<String>>read("$.roles")).contains("integration");
        assertThat(me.<String>read("$.authorityCode")).isEqualTo("140000");
        assertThat(me.<Boolean>read("$.serviceAccount")).isTrue();
        assertThat(me.<Object>read("$.department")).isNull();
    }

    @Test
    void identityAnswersOnlyWithAToken() throws Exception {
        HttpResponse<String> response = get("/api/v1/identity/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertRequestId(response);
    }

    @Test
    void aCallersRequestIdIsKept() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/identity/me"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + platformAdminToken)
                .header("X-Request-Id", "local-platform-it-0001")
                .GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("local-platform-it-0001");
    }

    // --- the demo users' first calls ----------------------------------------------------------------

    @Test
    void theDemoApplicantsOrganisationExistsVerified() throws Exception {
        HttpResponse<String> response = get("/api/v1/identity/organisations/5a0c1e2b-7d3f-4c8a-9e61-140100000001",
                applicantToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DocumentContext organisation = JsonPath.parse(response.body());
        assertThat(organisation.<String>read("$.status")).isEqualTo("VERIFIED");
        assertThat(organisation.<String>read("$.kind")).isEqualTo("ENTERPRISE");
        assertThat(organisation.<Boolean>read("$.canLeadApplications")).isTrue();
    }

    @Test
    void theDemoApplicantCreatesADraftForASeedProgrammeAndReadsItBack() throws Exception {
        String draft = createDraft(applicantToken, "SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY",
                "5a0c1e2b-7d3f-4c8a-9e61-140100000001", "山西省示范行业产教融合共同体（演示）");

        HttpResponse<String> list = get("/api/v1/applications?status=DRAFT", applicantToken);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(list.body(), "$.items[*].id")).contains(draft);
    }

    @Test
    void theDemoHangzhouApplicantCreatesACityConsortiumDraftAndReadsItBack() throws Exception {
        String hangzhou = passwordGrant("applicant-hangzhou");

        String draft = createDraft(hangzhou, "HZ-PLATFORMS-2024", "CITY_CONSORTIUM",
                "5a0c1e2b-7d3f-4c8a-9e61-330100000001", "杭州示范市域产教联合体（演示）");

        // another organisation's applicant does not see it
        assertThat(get("/api/v1/applications/" + draft, applicantToken).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} lists the applications of its scope")
    @ValueSource(strings = {"reviewer-shanxi-edu", "reviewer-hangzhou-drc", "programme-admin-shanxi",
            "programme-admin-hangzhou"})
    void demoReviewersAndProgrammeAdminsSeeTheirListsWithoutAnyonesDrafts(String username) throws Exception {
        createDraft(applicantToken, "SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY",
                "5a0c1e2b-7d3f-4c8a-9e61-140100000001", "山西省示范行业产教融合共同体（草稿）");
        String token = passwordGrant(username);

        HttpResponse<String> list = get("/api/v1/applications", token);

        assertThat(list.statusCode()).as(username + ": " + list.body()).isEqualTo(200);
        DocumentContext page = JsonPath.parse(list.body());
        assertThat(page.<Number>read("$.total").longValue()).isGreaterThanOrEqualTo(0);
        assertThat(page.<List<String>>read("$.items[*].status")).doesNotContain("DRAFT");
        HttpResponse<String> programmes = get("/api/v1/programmes", token);
        assertThat(programmes.statusCode()).as(programmes.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(programmes.body(), "$[*].code")).contains("SX-INDUSTRY-COMMUNITY-2023",
                "HZ-PLATFORMS-2024");
    }

    /** Creates a draft through the gateway as {@code token}, reads it back, and returns its id. */
    private static String createDraft(String token, String programmeCode, String platformType, String organisation,
            String name) throws Exception {
        HttpResponse<String> programmes = get("/api/v1/programmes", token);
        assertThat(programmes.statusCode()).as(programmes.body()).isEqualTo(200);
        List<String> ids = JsonPath.read(programmes.body(), "$[?(@.code == '" + programmeCode + "')].id");
        assertThat(ids).as("programme " + programmeCode + " in " + programmes.body()).hasSize(1);

        HttpResponse<String> created = post("/api/v1/applications", token, """
                {"programmeId":"%s","platformType":"%s","name":"%s"}""".formatted(ids.get(0), platformType, name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertRequestId(created);
        String id = JsonPath.read(created.body(), "$.id");

        HttpResponse<String> read = get("/api/v1/applications/" + id, token);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).isPresent();
        DocumentContext application = JsonPath.parse(read.body());
        assertThat(application.<String>read("$.status")).isEqualTo("DRAFT");
        assertThat(application.<String>read("$.programmeCode")).isEqualTo(programmeCode);
        assertThat(application.<String>read("$.organisationId")).isEqualTo(organisation);
        assertThat(application.<String>read("$.name")).isEqualTo(name);
        assertThat(application.<List<String>>read("$.leadUnits[*].organisationId")).containsExactly(organisation);
        return id;
    }

    // --- OpenAPI ----------------------------------------------------------------------------------

    @Test
    void swaggerConfigListsTheFiveServices() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs/swagger-config", null);
        assertThat(response.statusCode()).isEqualTo(200);
        DocumentContext config = JsonPath.parse(response.body());
        assertThat(config.<List<String>>read("$.urls[*].name")).containsExactlyInAnyOrderElementsOf(SERVICES);

        HttpResponse<String> ui = get("/swagger-ui.html", null);
        assertThat(ui.statusCode()).as("Swagger UI").isIn(200, 302);
    }

    @ParameterizedTest(name = "/v3/api-docs/{0} through the gateway")
    @ValueSource(strings = {"identity-service", "application-service", "reporting-service", "indicator-service",
            "notification-service"})
    void eachServicesOpenApiDocumentComesThroughTheGateway(String service) throws Exception {
        HttpResponse<String> response = get("/v3/api-docs/" + service, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.parse(response.body()).<String>read("$.openapi")).startsWith("3.");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // --- across services, over the real Kafka -------------------------------------------------------

    @Test
    void anApprovedPlatformBecomesReportObligationsAndAnIndicatorPlatformForItsLeadOrganisation() throws Exception {
        String platformId = java.util.UUID.randomUUID().toString();
        String eventId = java.util.UUID.randomUUID().toString();
        String organisation = "5a0c1e2b-7d3f-4c8a-9e61-140100000001"; // the demo applicant's organisation
        String payload = """
                {"eventId":"%s","occurredAt":"2023-12-20T02:00:00Z","platformId":"%s",
                 "applicationId":"%s","programmeId":"%s","programmeCode":"SX-INDUSTRY-COMMUNITY-2023",
                 "platformType":"INDUSTRY_COMMUNITY","name":"山西省新能源汽车行业产教融合共同体（端到端）",
                 "leadOrganisationId":"%s","leadOrganisationIds":["%s"],"regionCode":"140100","authorityCode":"140000",
                 "planYears":[2023,2024,2025],"baselineYear":null,"targets":[],
                 "members":[{"organisationId":"%s","name":"太原示范企业","role":"LEAD","memberType":"ENTERPRISE",
                   "code":null,"provinceCode":"140000","cityCode":"140100","districtCode":null},
                  {"organisationId":null,"name":"杭州某职业技术学院","role":"PARTICIPANT","memberType":"SCHOOL",
                   "code":null,"provinceCode":"330000","cityCode":"330100","districtCode":null}],
                 "approvedAt":"2023-12-20T02:00:00Z"}""".formatted(eventId, platformId, java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(), organisation, organisation, organisation);
        String envelope = """
                {"eventId":"%s","type":"PlatformApproved","version":1,"occurredAt":"2023-12-20T02:00:00Z",
                 "aggregateId":"%s","source":"application-service","payload":%s}""".formatted(eventId, platformId, payload);
        java.util.Properties producer = new java.util.Properties();
        producer.put("bootstrap.servers", "127.0.0.1:" + platform.settings().kafkaPort());
        producer.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producer.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        try (var kafka = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(producer)) {
            // delivered twice, as Kafka may: each consumer applies it once
            kafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>("application.lifecycle.v1", platformId, envelope)).get();
            kafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>("application.lifecycle.v1", platformId, envelope)).get();
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> get("/api/v1/indicators/platforms/" + platformId, applicantToken).statusCode() == 200
                        && !JsonPath.<List<Object>>read(get("/api/v1/reports?platformId=" + platformId, applicantToken).body(), "$").isEmpty());

        HttpResponse<String> indicatorPlatform = get("/api/v1/indicators/platforms/" + platformId, applicantToken);
        assertThat(indicatorPlatform.body()).contains("山西省新能源汽车行业产教融合共同体（端到端）");
        HttpResponse<String> obligations = get("/api/v1/reports?platformId=" + platformId, applicantToken);
        List<String> years = JsonPath.read(obligations.body(), "$[*].year");
        assertThat(years).as(obligations.body()).isNotEmpty();
        Thread.sleep(2000); // the second delivery has been read by now
        List<Object> again = JsonPath.read(get("/api/v1/reports?platformId=" + platformId, applicantToken).body(), "$");
        assertThat(again).hasSize(years.size());
        // another organisation's people do not see it
        String hangzhou = passwordGrant("applicant-hangzhou");
        assertThat(get("/api/v1/indicators/platforms/" + platformId, hangzhou).statusCode()).isIn(403, 404);
        assertThat(get("/api/v1/reports?platformId=" + platformId, hangzhou).statusCode()).isIn(403, 404);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(contentType(response)).as("content type of a " + status).startsWith("application/problem+json");
        DocumentContext problem = JsonPath.parse(response.body());
        assertThat(problem.<Integer>read("$.status")).isEqualTo(status);
        assertThat(problem.<String>read("$.title")).isNotBlank();
        assertRequestId(response);
    }

    private static void assertRequestId(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Request-Id"))
                .as("X-Request-Id on a " + response.statusCode() + " of " + response.uri()).isPresent()
                .get().asString().isNotBlank();
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String passwordGrant(String username) throws Exception {
        return token(Map.of("grant_type", "password", "client_id", "chanjiao-web", "username", username,
                "password", LocalPlatform.DEMO_PASSWORD, "scope", "openid"));
    }

    private static String clientCredentialsGrant(String clientId, String secret) throws Exception {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private static String token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.keycloakUrl() + "/realms/chanjiao/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token for " + form.getOrDefault("username", form.get("client_id")) + ": " + response.body())
                .isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    private static DocumentContext claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonPath.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
