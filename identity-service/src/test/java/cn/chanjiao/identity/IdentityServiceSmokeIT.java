package cn.chanjiao.identity;

import cn.chanjiao.testkit.service.ServiceSmokeIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** identity-service boots on real engines and answers as every service must. */
class IdentityServiceSmokeIT extends ServiceSmokeIT {

    @Test
    void meTellsAPersonWhoTheTokenSaysTheyAre() {
        UUID organisation = UUID.randomUUID();
        String token = tokens.user("applicant").roles("applicant").organisation(organisation).authority("140100").mint();

        JsonNode me = api.get("/api/v1/identity/me").bearer(token).send().json();

        assertThat(me.path("username").asString()).isEqualTo("applicant");
        assertThat(me.path("organisationId").asString()).isEqualTo(organisation.toString());
        assertThat(me.path("authorityCode").asString()).isEqualTo("140100");
        assertThat(me.path("serviceAccount").asBoolean()).isFalse();
    }

    @Test
    void meTellsAnIntegrationClientItsProvince() {
        String token = tokens.client("integration-shanxi").roles("integration").authority("140000").mint();

        JsonNode me = api.get("/api/v1/identity/me").bearer(token).send().json();

        assertThat(me.path("serviceAccount").asBoolean()).isTrue();
        assertThat(me.path("roles").get(0).asString()).isEqualTo("integration");
        assertThat(me.path("authorityCode").asString()).isEqualTo("140000");
        assertThat(api.get("/api/v1/identity/me").send().isProblem(401)).isTrue();
    }
}
