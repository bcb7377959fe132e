package cn.chanjiao.identity.account;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invitations, staff accounts and user lookups, provisioned in the real Keycloak. */
class AccountsIT extends IdentityIntegrationTest {

    @Test
    void anOrgAdminInvitesAnApplicantWhoMustSetAPasswordAtTheFirstLogin() {
        UUID organisation = registerEnterprise();
        String username = TestCodes.username("app");

        ApiResponse response = api.post("/api/v1/identity/organisations/" + organisation + "/users")
                .bearer(orgAdmin(organisation)).json(Requests.person(username)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode account = response.json().path("account");
        assertThat(account.path("kind").asString()).isEqualTo("APPLICANT");
        assertThat(account.path("organisationId").asString()).isEqualTo(organisation.toString());
        assertThat(account.path("authorityCode").asString()).isEqualTo("140100");
        String initialPassword = response.json().path("initialPassword").asString();
        assertThat(initialPassword).hasSize(16);
        JsonNode user = keycloak.user(username).orElseThrow();
        assertThat(user.path("id").asString()).isEqualTo(account.path("id").asString());
        assertThat(keycloak.attribute(user, "org_id")).isEqualTo(organisation.toString());
        assertThat(keycloak.realmRoles(user.path("id").asString())).contains("applicant").doesNotContain("org-admin");
        assertThat(user.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThatThrownBy(() -> TestEngines.keycloak().userToken(username, initialPassword))
                .as("a temporary password gives no token before it is changed").hasMessageContaining("not fully set up");
        assertThat(types(events(organisation.toString(), 3))).containsOnly("OrganisationRegistered", "UserProvisioned");
    }

    @Test
    void onlyTheOrganisationsOwnAdminInvites() {
        UUID organisation = registerEnterprise();
        UUID other = registerEnterprise();
        String path = "/api/v1/identity/organisations/" + organisation + "/users";
        String username = TestCodes.username("nope");

        ApiResponse otherAdmin = api.post(path).bearer(orgAdmin(other)).json(Requests.person(username)).send();
        ApiResponse applicant = api.post(path).bearer(applicant(organisation)).json(Requests.person(username)).send();

        assertThat(otherAdmin.isProblem(403)).as(otherAdmin.toString()).isTrue();
        assertThat(applicant.isProblem(403)).as(applicant.toString()).isTrue();
        assertThat(keycloak.user(username)).isEmpty();
    }

    @Test
    void anInvitationWithBadInputOrATakenUsernameCreatesNobody() {
        UUID organisation = registerEnterprise();
        String path = "/api/v1/identity/organisations/" + organisation + "/users";
        String username = TestCodes.username("badmail");
        int accounts = rows("account");
        int attempts = rows("provisioning_attempt");

        ApiResponse badEmail = api.post(path).bearer(orgAdmin(organisation))
                .json(Requests.set(Requests.person(username), "email", "not-an-email")).send();
        ApiResponse badMobile = api.post(path).bearer(orgAdmin(organisation))
                .json(Requests.set(Requests.person(username), "mobile", "0351123456")).send();
        ApiResponse taken = api.post(path).bearer(orgAdmin(organisation)).json(Requests.person("reviewer-shanxi-edu")).send();

        assertThat(fields(badEmail)).containsExactly("email");
        assertThat(fields(badMobile)).containsExactly("mobile");
        assertThat(taken.isProblem(409)).as(taken.toString()).isTrue();
        assertThat(taken.json().path("field").asString()).isEqualTo("username");
        assertThat(keycloak.user(username)).isEmpty();
        assertThat(rows("account")).isEqualTo(accounts);
        assertThat(rows("provisioning_attempt")).isEqualTo(attempts);
    }

    @Test
    void aProgrammeAdminCreatesAReviewerScopedToAnAuthorityAndDepartmentOfItsJurisdiction() {
        String username = TestCodes.username("rev");
        Map<String, Object> body = Requests.person(username);
        body.put("authorityCode", "140100");
        body.put("department", "education");

        ApiResponse response = api.post("/api/v1/identity/staff/reviewers").bearer(programmeAdmin("140000")).json(body).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode user = keycloak.user(username).orElseThrow();
        assertThat(keycloak.attribute(user, "authority_code")).isEqualTo("140100");
        assertThat(keycloak.attribute(user, "department")).isEqualTo("education");
        assertThat(keycloak.attribute(user, "org_id")).isNull();
        assertThat(keycloak.realmRoles(user.path("id").asString())).contains("reviewer");

        JsonNode found = api.get("/api/v1/identity/users?role=reviewer&authority=140100&department=education&size=200")
                .bearer(service()).send().json();
        List<String> usernames = new ArrayList<>();
        found.path("items").forEach(item -> usernames.add(item.path("username").asString()));
        assertThat(usernames).contains(username);
    }

    @Test
    void aReviewerOutsideTheJurisdictionOrOfAnUnknownDepartmentIsRefused() {
        Map<String, Object> outside = Requests.person(TestCodes.username("rev"));
        outside.put("authorityCode", "330100");
        outside.put("department", "education");
        Map<String, Object> unknownDepartment = Requests.person(TestCodes.username("rev"));
        unknownDepartment.put("authorityCode", "140100");
        unknownDepartment.put("department", "propaganda");

        ApiResponse forbidden = api.post("/api/v1/identity/staff/reviewers").bearer(programmeAdmin("140000")).json(outside).send();
        ApiResponse bad = api.post("/api/v1/identity/staff/reviewers").bearer(programmeAdmin("140000")).json(unknownDepartment).send();
        ApiResponse notAdmin = api.post("/api/v1/identity/staff/reviewers").bearer(reviewer("140000", "education")).json(outside).send();

        assertThat(forbidden.isProblem(403)).as(forbidden.toString()).isTrue();
        assertThat(bad.isProblem(400)).isTrue();
        assertThat(fields(bad)).containsExactly("department");
        assertThat(notAdmin.isProblem(403)).isTrue();
        assertThat(keycloak.user(String.valueOf(outside.get("username")))).isEmpty();
    }

    @Test
    void aProgrammeAdminCreatesAnExpertWithItsOrganisation() {
        UUID university = registerEnterprise();
        String username = TestCodes.username("exp");
        Map<String, Object> body = Requests.person(username);
        body.put("organisationId", university.toString());
        Map<String, Object> unknown = Requests.person(TestCodes.username("exp"));
        unknown.put("organisationId", UUID.randomUUID().toString());

        ApiResponse created = api.post("/api/v1/identity/staff/experts").bearer(programmeAdmin("140000")).json(body).send();
        ApiResponse refused = api.post("/api/v1/identity/staff/experts").bearer(programmeAdmin("140000")).json(unknown).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = keycloak.user(username).orElseThrow();
        assertThat(keycloak.attribute(user, "org_id")).isEqualTo(university.toString());
        assertThat(keycloak.realmRoles(user.path("id").asString())).contains("expert");
        assertThat(fields(refused)).containsExactly("organisationId");
    }

    @Test
    void onlyAPlatformAdminCreatesProgrammeAdmins() {
        Map<String, Object> body = Requests.person(TestCodes.username("padm"));
        body.put("authorityCode", "330100");
        body.put("department", "development-reform");

        ApiResponse byProgrammeAdmin = api.post("/api/v1/identity/staff/programme-admins").bearer(programmeAdmin("330100")).json(body).send();
        ApiResponse byPlatformAdmin = api.post("/api/v1/identity/staff/programme-admins").bearer(platformAdmin()).json(body).send();

        assertThat(byProgrammeAdmin.isProblem(403)).isTrue();
        assertThat(byPlatformAdmin.status()).as(byPlatformAdmin.toString()).isEqualTo(201);
        assertThat(keycloak.realmRoles(byPlatformAdmin.json().path("account").path("id").asString())).contains("programme-admin");
    }

    @Test
    void theUsersOfAnOrganisationAreForItsAdminItsReviewersAndThePlatform() {
        JsonNode registered = register(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("team")));
        UUID organisation = UUID.fromString(registered.path("organisation").path("id").asString());
        api.post("/api/v1/identity/organisations/" + organisation + "/users").bearer(orgAdmin(organisation))
                .json(Requests.person(TestCodes.username("member"))).send();
        String path = "/api/v1/identity/organisations/" + organisation + "/users";

        ApiResponse own = api.get(path).bearer(orgAdmin(organisation)).send();

        assertThat(own.json().size()).isEqualTo(2);
        assertThat(own.json().get(0).path("kind").asString()).isEqualTo("ORG_ADMIN");
        assertThat(api.get(path).bearer(service()).send().status()).isEqualTo(200);
        assertThat(api.get(path).bearer(reviewer("140000", "education")).send().status()).isEqualTo(200);
        assertThat(api.get(path).bearer(orgAdmin(UUID.randomUUID())).send().isProblem(403)).isTrue();
        assertThat(api.get(path).bearer(applicant(organisation)).send().isProblem(403)).isTrue();
        assertThat(api.get(path).bearer(reviewer("330100", "education")).send().isProblem(403)).isTrue();
    }

    @Test
    void aUserReadsItselfButNotOthers() {
        JsonNode registered = register(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("self")));
        String id = registered.path("admin").path("id").asString();
        UUID organisation = UUID.fromString(registered.path("organisation").path("id").asString());
        String self = tokens.user("self").subject(id).roles("org-admin").organisation(organisation).mint();

        assertThat(api.get("/api/v1/identity/users/" + id).bearer(self).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/identity/users/" + id).bearer(applicant(UUID.randomUUID())).send().isProblem(403)).isTrue();
    }

    @Test
    void userSearchIsForServicesAndAdminsWithinTheirJurisdiction() {
        assertThat(api.get("/api/v1/identity/users?role=reviewer").bearer(applicant(UUID.randomUUID())).send().isProblem(403)).isTrue();
        assertThat(api.get("/api/v1/identity/users?authority=140000").bearer(programmeAdmin("330100")).send().isProblem(403)).isTrue();
        assertThat(api.get("/api/v1/identity/users?authority=330110").bearer(programmeAdmin("330100")).send().status()).isEqualTo(200);
    }
}
