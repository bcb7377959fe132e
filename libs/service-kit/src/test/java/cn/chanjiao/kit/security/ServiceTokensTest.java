package cn.chanjiao.kit.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceTokensTest {

    private final WireMockServer keycloak = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void start() {
        keycloak.start();
    }

    @AfterEach
    void stop() {
        keycloak.stop();
    }

    @Test
    void theTokenComesFromTheClientCredentialsGrantAndIsReusedUntilItNearlyExpires() {
        keycloak.stubFor(post(urlPathEqualTo("/realms/chanjiao/protocol/openid-connect/token"))
                .willReturn(okJson("{\"access_token\":\"abc.def.ghi\",\"expires_in\":300}")));
        ServiceTokens tokens = new ServiceTokens(keycloak.baseUrl() + "/realms/chanjiao/protocol/openid-connect/token",
                "chanjiao-services", "secret-1", Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThat(tokens.token()).isEqualTo("abc.def.ghi");
        assertThat(tokens.token()).isEqualTo("abc.def.ghi");
        keycloak.verify(1, postRequestedFor(urlPathEqualTo("/realms/chanjiao/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=chanjiao-services"))
                .withRequestBody(containing("client_secret=secret-1")));
    }
}
