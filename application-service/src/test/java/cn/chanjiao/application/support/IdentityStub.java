package cn.chanjiao.application.support;

import cn.chanjiao.testkit.security.TestJwtIssuer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * identity-service (and Keycloak's token endpoint) as WireMock plays them, one server per test JVM:
 * tests register the organisations a scenario needs and may take identity-service down.
 */
public final class IdentityStub {

    public static final String TOKEN_PATH = "/realms/chanjiao/protocol/openid-connect/token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static IdentityStub instance;

    private final WireMockServer server;

    private IdentityStub() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        reset();
    }

    public static synchronized IdentityStub instance() {
        if (instance == null) {
            instance = new IdentityStub();
        }
        return instance;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    /** Back to a healthy identity-service that knows nobody, and a working token endpoint. */
    public void reset() {
        server.resetAll();
        String token = TestJwtIssuer.get().client("chanjiao-services").roles("service").mint();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        server.stubFor(get(urlPathMatching("/api/v1/identity/organisations/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
    }

    /** identity-service knows this organisation. */
    public Organisation organisation(String kind) {
        return new Organisation(UUID.randomUUID(), kind);
    }

    /** identity-service answers every call with a broken connection. */
    public void down() {
        server.stubFor(get(urlPathMatching("/api/v1/identity/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** identity-service answers every call with 500. */
    public void failing() {
        server.stubFor(get(urlPathMatching("/api/v1/identity/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{}")));
    }

    /** An organisation to register with the stub: set what a scenario needs, then {@link #register()}. */
    public final class Organisation {

        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final Map<String, Object> region = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Organisation(UUID id, String kind) {
            fields.put("id", id.toString());
            fields.put("kind", kind);
            fields.put("name", kind + "-" + id.toString().substring(0, 8));
            fields.put("status", "VERIFIED");
            fields.put("region", region);
            fields.put("attributes", attributes);
            region("330106");
        }

        public Organisation name(String name) {
            fields.put("name", name);
            return this;
        }

        public Organisation status(String status) {
            fields.put("status", status);
            return this;
        }

        /** Its location by district (or city/province) code, e.g. 330106 = 杭州市西湖区. */
        public Organisation region(String code) {
            region.put("provinceCode", code.substring(0, 2) + "0000");
            region.put("cityCode", code.endsWith("0000") ? null : code.substring(0, 4) + "00");
            region.put("districtCode", code.endsWith("00") ? null : code);
            return this;
        }

        /** A rule attribute, e.g. {@code masterDegreeRights}; {@code somethingNew} shows unknown ones are ignored. */
        public Organisation with(String attribute, Object value) {
            attributes.put(attribute, value);
            return this;
        }

        public Organisation uscc(String code) {
            fields.put("uscc", code);
            return this;
        }

        public UUID register() {
            String id = (String) fields.get("id");
            server.stubFor(get(urlPathEqualTo("/api/v1/identity/organisations/" + id)).atPriority(5)
                    .willReturn(okJson(JSON.writeValueAsString(fields))));
            return UUID.fromString(id);
        }

        public Map<String, Object> fields() {
            return fields;
        }
    }

    /** Answers the batch lookup with exactly these organisations. */
    public void batch(List<Organisation> organisations) {
        server.stubFor(post(urlPathEqualTo("/api/v1/identity/organisations/batch")).atPriority(5)
                .willReturn(okJson(JSON.writeValueAsString(organisations.stream().map(Organisation::fields).toList()))));
    }

    /** The expert pool identity-service answers for {@code GET /api/v1/identity/users?role=expert…}: id, name, organisation. */
    public void experts(List<Map<String, Object>> accounts) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", accounts);
        page.put("page", 0);
        page.put("size", 200);
        page.put("totalItems", accounts.size());
        page.put("totalPages", 1);
        server.stubFor(get(urlPathEqualTo("/api/v1/identity/users")).withQueryParam("role",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("expert")).atPriority(5)
                .willReturn(okJson(JSON.writeValueAsString(page))));
    }

    /** An expert account of the pool. */
    public static Map<String, Object> expert(UUID id, String name, UUID organisationId, String authorityCode) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", id.toString());
        account.put("username", "expert-" + id.toString().substring(0, 8));
        account.put("displayName", name);
        account.put("roles", List.of("expert"));
        account.put("organisationId", organisationId == null ? null : organisationId.toString());
        account.put("authorityCode", authorityCode);
        return account;
    }
}
