package cn.chanjiao.application.client;

import cn.chanjiao.application.support.IntegrationTestBase;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Feign client of identity-service against WireMock: answers, timeouts, retries, circuit breaker. */
class IdentityClientIT extends IntegrationTestBase {

    @Autowired
    IdentityClient client;

    @Test
    void anOrganisationIsReadWithItsKindStatusRegionAndRuleAttributesCarryingTheServiceToken() {
        UUID id = identity.organisation("UNIVERSITY").name("浙江工业大学").region("330106")
                .with("masterDegreeRights", true).with("doctoralDegreeRights", false).with("doubleHighLevel", "NATIONAL")
                .with("somethingNew", "ignored").register();

        OrganisationResponse found = client.organisation(id).orElseThrow();

        assertThat(found.name()).isEqualTo("浙江工业大学");
        assertThat(found.verified()).isTrue();
        assertThat(found.districtCode()).isEqualTo("330106");
        assertThat(found.has("masterDegreeRights")).isTrue();
        assertThat(found.has("doctoralDegreeRights")).isFalse();
        assertThat(found.has("doubleHighLevel")).isTrue();
        identity.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/identity/organisations/" + id))
                .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+")));
    }

    @Test
    void anUnknownOrganisationIsEmptyNotAFailure() {
        assertThat(client.organisation(UUID.randomUUID())).isEmpty();
        assertThat(client.organisationByCode("91350100M000100Y43")).isEmpty();
    }

    @Test
    void organisationsAreReadInABatch() {
        var university = identity.organisation("UNIVERSITY");
        var school = identity.organisation("VOCATIONAL_SCHOOL");
        identity.batch(List.of(university, school));

        List<OrganisationResponse> found = client.organisations(
                new IdentityClient.BatchRequest(List.of(UUID.randomUUID(), UUID.randomUUID())));

        assertThat(found).extracting(OrganisationResponse::kind).containsExactly("UNIVERSITY", "VOCATIONAL_SCHOOL");
    }

    @Test
    void aFailingIdentityServiceIsUnavailableNotAGuess() {
        identity.failing();

        assertThatThrownBy(() -> client.organisation(UUID.randomUUID()))
                .isInstanceOfSatisfying(IdentityUnavailableException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("reason", "error"));
    }

    @Test
    void aBrokenConnectionIsRetriedWithBackoffThenUnavailable() {
        identity.down();

        assertThatThrownBy(() -> client.organisation(UUID.randomUUID())).isInstanceOf(IdentityUnavailableException.class);
        identity.server().verify(3, getRequestedFor(urlPathMatching("/api/v1/identity/organisations/.*")));
    }

    @Test
    void aSlowIdentityServiceTimesOutInsteadOfHoldingTheRequest() {
        identity.server().stubFor(get(urlPathMatching("/api/v1/identity/.*")).atPriority(1)
                .willReturn(okJson("{}").withFixedDelay(3000)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.organisation(UUID.randomUUID())).isInstanceOf(IdentityUnavailableException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_500);
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndCallsFailFastThenItRecovers() throws Exception {
        identity.server().stubFor(get(urlPathMatching("/api/v1/identity/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.organisation(UUID.randomUUID())).isInstanceOf(IdentityUnavailableException.class);
        }
        identity.server().resetRequests();

        assertThatThrownBy(() -> client.organisation(UUID.randomUUID()))
                .isInstanceOfSatisfying(IdentityUnavailableException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("reason", "circuit-open"));
        identity.server().verify(0, getRequestedFor(urlPathMatching("/api/v1/identity/.*")));

        identity.reset();
        UUID id = identity.organisation("ENTERPRISE").register();
        Thread.sleep(2_200);
        assertThat(client.organisation(id)).map(OrganisationResponse::id).isEqualTo(Optional.of(id));
    }
}
