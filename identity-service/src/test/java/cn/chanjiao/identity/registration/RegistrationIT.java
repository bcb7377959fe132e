package cn.chanjiao.identity.registration;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-registration on real PostgreSQL, Kafka and Keycloak. */
class RegistrationIT extends IdentityIntegrationTest {

    private static final String REGISTRATIONS = "/api/v1/public/identity/registrations";

    @Test
    void aLeadUnitRegistersItselfAndItsOrgAdminWhoExistsInKeycloakWithRolesAndScope() {
        String uscc = TestCodes.uscc();
        String username = TestCodes.username("lead");

        ApiResponse response = api.post(REGISTRATIONS).json(Requests.enterpriseRegistration(uscc, username)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        String organisationId = body.path("organisation").path("id").asString();
        assertThat(body.path("organisation").path("status").asString()).isEqualTo("PENDING");
        assertThat(body.path("organisation").path("canLeadApplications").asBoolean()).isFalse();
        assertThat(body.path("organisation").path("region").path("cityName").asString()).isEqualTo("太原市");
        assertThat(body.path("admin").path("kind").asString()).isEqualTo("ORG_ADMIN");
        assertThat(response.header("Location")).contains("/api/v1/identity/organisations/" + organisationId);

        JsonNode user = keycloak.user(username).orElseThrow();
        assertThat(user.path("id").asString()).isEqualTo(body.path("admin").path("id").asString());
        assertThat(keycloak.attribute(user, "org_id")).isEqualTo(organisationId);
        assertThat(keycloak.attribute(user, "authority_code")).isEqualTo("140100");
        assertThat(keycloak.attribute(user, "mobile")).isEqualTo(body.path("admin").path("mobile").asString());
        assertThat(user.path("requiredActions").isEmpty()).isTrue();
        assertThat(keycloak.realmRoles(user.path("id").asString())).contains("org-admin", "applicant");

        assertThat(jdbc.queryForObject("select status from organisation where uscc = ?", String.class, uscc)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from account where username = ?", Integer.class, username)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from provisioning_attempt where username = ?", Integer.class, username))
                .as("nothing kept without an Idempotency-Key").isZero();
        assertThat(types(events(organisationId, 2))).containsExactlyInAnyOrder("OrganisationRegistered", "UserProvisioned");
    }

    @Test
    void noPasswordIsStoredInTheDatabase() {
        String username = TestCodes.username("nopw");
        register(Requests.enterpriseRegistration(TestCodes.uscc(), username));

        List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_schema = 'public'",
                String.class);
        assertThat(columns).noneMatch(c -> c.contains("password") || c.contains("secret"));
        assertThat(jdbc.queryForList("select coalesce(response, '') from provisioning_attempt", String.class))
                .noneMatch(r -> r.contains(Requests.PASSWORD));
    }

    @Test
    void aSchoolRegistersWithItsSchoolCodeAndItsUsersGetTheDistrictAsAuthority() {
        String username = TestCodes.username("school");
        JsonNode body = register(Requests.schoolRegistration(TestCodes.schoolCode(), username));

        assertThat(body.path("organisation").path("kind").asString()).isEqualTo("VOCATIONAL_SCHOOL");
        assertThat(body.path("organisation").path("attributes").path("doubleHighLevel").asString()).isEqualTo("NATIONAL");
        assertThat(body.path("admin").path("authorityCode").asString()).isEqualTo("330110");
        assertThat(keycloak.attribute(keycloak.user(username).orElseThrow(), "authority_code")).isEqualTo("330110");
    }

    @Test
    void aSecondRegistrationOfTheSameUsccIsAConflictNamingTheExistingOrganisation() {
        String uscc = TestCodes.uscc();
        JsonNode first = register(Requests.enterpriseRegistration(uscc, TestCodes.username("first")));
        String second = TestCodes.username("second");

        ApiResponse response = api.post(REGISTRATIONS).json(Requests.enterpriseRegistration(uscc, second)).send();

        assertThat(response.isProblem(409)).as(response.toString()).isTrue();
        assertThat(response.json().path("existingName").asString()).isEqualTo(first.path("organisation").path("name").asString());
        assertThat(response.json().path("field").asString()).isEqualTo("organisation.uscc");
        assertThat(keycloak.user(second)).as("no Keycloak user for the refused registration").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from organisation where uscc = ?", Integer.class, uscc)).isEqualTo(1);
    }

    @Test
    void aSecondRegistrationOfTheSameSchoolCodeIsAConflictToo() {
        String schoolCode = TestCodes.schoolCode();
        JsonNode first = register(Requests.schoolRegistration(schoolCode, TestCodes.username("school")));

        ApiResponse response = api.post(REGISTRATIONS).english()
                .json(Requests.schoolRegistration(schoolCode, TestCodes.username("again"))).send();

        assertThat(response.isProblem(409)).as(response.toString()).isTrue();
        assertThat(response.json().path("existingName").asString()).isEqualTo(first.path("organisation").path("name").asString());
        assertThat(response.json().path("detail").asString()).contains(schoolCode, "registered");
    }

    @Test
    void aUsernameKeycloakHasAlreadyIsAConflictOnTheAdminsUsernameAndNothingIsWritten() {
        String uscc = TestCodes.uscc();
        // "applicant" is a demo user of the realm, unknown to identity-service's tables
        ApiResponse response = api.post(REGISTRATIONS).json(Requests.enterpriseRegistration(uscc, "applicant")).send();

        assertThat(response.isProblem(409)).as(response.toString()).isTrue();
        assertThat(response.json().path("field").asString()).isEqualTo("admin.username");
        assertThat(jdbc.queryForObject("select count(*) from organisation where uscc = ?", Integer.class, uscc)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from provisioning_attempt where username = 'applicant'", Integer.class)).isZero();
    }

    @Test
    void anEmailKeycloakHasAlreadyIsAConflictOnTheAdminsEmail() {
        String username = TestCodes.username("mail");
        Map<String, Object> body = Requests.set(Requests.enterpriseRegistration(TestCodes.uscc(), username),
                "admin.email", "applicant@demo.chanjiao.invalid");

        ApiResponse response = api.post(REGISTRATIONS).json(body).send();

        assertThat(response.isProblem(409)).as(response.toString()).isTrue();
        assertThat(response.json().path("field").asString()).isEqualTo("admin.email");
        assertThat(keycloak.user(username)).isEmpty();
    }
}
