package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification and rejection by programme admins of the jurisdiction, and edits with ETags. */
class OrganisationReviewIT extends IdentityIntegrationTest {

    private static final String ORGANISATIONS = "/api/v1/identity/organisations/";

    @Test
    void aProgrammeAdminOfTheProvinceVerifiesAPendingOrganisationWhichMayThenLead() {
        UUID organisation = registerEnterprise();

        JsonNode verified = verify(organisation, "140000");

        assertThat(verified.path("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.path("canLeadApplications").asBoolean()).isTrue();
        assertThat(verified.path("review").path("authorityCode").asString()).isEqualTo("140000");
        assertThat(types(events(organisation.toString(), 3))).contains("OrganisationVerified");
    }

    @Test
    void aCityProgrammeAdminVerifiesAnOrganisationOfOneOfItsDistricts() {
        UUID school = registerHangzhouSchool();

        assertThat(verify(school, "330100").path("status").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void aProgrammeAdminOutsideTheJurisdictionMayNotVerify() {
        UUID organisation = registerEnterprise();

        ApiResponse zhejiang = api.post(ORGANISATIONS + organisation + "/verification").bearer(programmeAdmin("330000")).send();
        ApiResponse anotherShanxiCity = api.post(ORGANISATIONS + organisation + "/verification").bearer(programmeAdmin("140200")).send();

        assertThat(zhejiang.isProblem(403)).as(zhejiang.toString()).isTrue();
        assertThat(anotherShanxiCity.isProblem(403)).as(anotherShanxiCity.toString()).isTrue();
        assertThat(jdbc.queryForObject("select status from organisation where id = ?", String.class, organisation)).isEqualTo("PENDING");
    }

    @Test
    void onlyProgrammeAdminsVerify() {
        UUID organisation = registerEnterprise();
        String path = ORGANISATIONS + organisation + "/verification";

        assertThat(api.post(path).bearer(reviewer("140000", "education")).send().isProblem(403)).isTrue();
        assertThat(api.post(path).bearer(orgAdmin(organisation)).send().isProblem(403)).isTrue();
        assertThat(api.post(path).bearer(platformAdmin()).send().isProblem(403)).isTrue();
        assertThat(api.post(path).send().isProblem(401)).isTrue();
    }

    @Test
    void aRejectionNeedsAReasonAndTellsIt() {
        UUID organisation = registerEnterprise();
        String path = ORGANISATIONS + organisation + "/rejection";

        ApiResponse withoutReason = api.post(path).bearer(programmeAdmin("140000")).json(Map.of()).send();
        ApiResponse rejected = api.post(path).bearer(programmeAdmin("140000")).json(Map.of("reason", "营业执照与名称不符")).send();

        assertThat(withoutReason.isProblem(400)).isTrue();
        assertThat(fields(withoutReason)).containsExactly("reason");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("review").path("reason").asString()).isEqualTo("营业执照与名称不符");
        JsonNode event = events(organisation.toString(), 3).stream()
                .filter(e -> e.path("type").asString().equals("OrganisationRejected")).findFirst().orElseThrow();
        assertThat(event.path("payload").path("reason").asString()).isEqualTo("营业执照与名称不符");
    }

    @Test
    void aReviewedOrganisationCannotBeReviewedAgain() {
        UUID organisation = registerEnterprise();
        verify(organisation, "140000");

        ApiResponse again = api.post(ORGANISATIONS + organisation + "/rejection").bearer(programmeAdmin("140000"))
                .json(Map.of("reason", "晚了")).send();

        assertThat(again.isProblem(409)).as(again.toString()).isTrue();
        assertThat(again.json().path("organisationStatus").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void aRejectedOrganisationCorrectedByItsAdminIsPendingAgain() {
        Map<String, Object> registration = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("fix"));
        UUID organisation = UUID.fromString(register(registration).path("organisation").path("id").asString());
        api.post(ORGANISATIONS + organisation + "/rejection").bearer(programmeAdmin("140000")).json(Map.of("reason", "名称有误")).send();
        ApiResponse read = api.get(ORGANISATIONS + organisation).bearer(orgAdmin(organisation)).send();
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Requests.copy((Map<String, Object>) registration.get("organisation"));
        details.put("name", "更正后的名称有限公司 " + organisation);

        ApiResponse edited = api.put(ORGANISATIONS + organisation).bearer(orgAdmin(organisation))
                .header("If-Match", read.header("ETag").orElseThrow()).json(details).send();

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(edited.json().path("review").isNull()).isTrue();
        assertThat(edited.header("ETag")).isPresent().isNotEqualTo(read.header("ETag"));
        JsonNode updated = events(organisation.toString(), 4).stream()
                .filter(e -> e.path("type").asString().equals("OrganisationUpdated")).findFirst().orElseThrow();
        assertThat(updated.path("payload").path("changedFields").get(0).asString()).isEqualTo("name");
        assertThat(updated.path("payload").path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aVerifiedOrganisationStaysVerifiedWhenItsPhoneChangesButNotWhenItsNameDoes() {
        Map<String, Object> registration = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("edit"));
        UUID organisation = UUID.fromString(register(registration).path("organisation").path("id").asString());
        long version = verify(organisation, "140000").path("version").asLong();
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Requests.copy((Map<String, Object>) registration.get("organisation"));

        details.put("phone", "0351-7654321");
        ApiResponse phone = api.put(ORGANISATIONS + organisation).bearer(applicant(organisation))
                .header("If-Match", "\"" + version + "\"").json(details).send();
        details.put("name", "改名后的集团 " + organisation);
        ApiResponse name = api.put(ORGANISATIONS + organisation).bearer(applicant(organisation))
                .header("If-Match", phone.header("ETag").orElseThrow()).json(details).send();

        assertThat(phone.json().path("status").asString()).as(phone.toString()).isEqualTo("VERIFIED");
        assertThat(name.json().path("status").asString()).as(name.toString()).isEqualTo("PENDING");
    }

    @Test
    void anEnterpriseThatClaimsToBeACentralSoeAfterVerificationIsPendingAgainAndTellsWhatChanged() {
        Map<String, Object> registration = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("soe"));
        UUID organisation = UUID.fromString(register(registration).path("organisation").path("id").asString());
        long version = verify(organisation, "140000").path("version").asLong();
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Requests.set(Requests.copy((Map<String, Object>) registration.get("organisation")),
                "attributes.centralSoe", true);

        ApiResponse edited = api.put(ORGANISATIONS + organisation).bearer(applicant(organisation))
                .header("If-Match", "\"" + version + "\"").json(details).send();

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(edited.json().path("canLeadApplications").asBoolean()).isFalse();
        JsonNode updated = events(organisation.toString(), 4).stream()
                .filter(e -> e.path("type").asString().equals("OrganisationUpdated")).findFirst().orElseThrow();
        assertThat(updated.path("payload").path("status").asString()).isEqualTo("PENDING");
        assertThat(updated.path("payload").path("changedFields").get(0).asString()).isEqualTo("attributes.centralSoe");
    }

    @Test
    void aUniversityThatClaimsDegreeRightsOrATrainingInstitutionAfterVerificationIsPendingAgain() {
        for (String attribute : List.of("masterDegreeRights", "doctoralDegreeRights", "independentTrainingInstitution")) {
            Map<String, Object> registration = Requests.universityRegistration(TestCodes.schoolCode(),
                    TestCodes.username("uni"));
            UUID organisation = UUID.fromString(register(registration).path("organisation").path("id").asString());
            long version = verify(organisation, "140000").path("version").asLong();
            @SuppressWarnings("unchecked")
            Map<String, Object> details = Requests.copy((Map<String, Object>) registration.get("organisation"));
            Requests.set(details, "attributes." + attribute, true);
            if (attribute.equals("doctoralDegreeRights")) {
                Requests.set(details, "attributes.masterDegreeRights", true);
            }

            ApiResponse edited = api.put(ORGANISATIONS + organisation).bearer(orgAdmin(organisation))
                    .header("If-Match", "\"" + version + "\"").json(details).send();

            assertThat(edited.status()).as(attribute + " " + edited).isEqualTo(200);
            assertThat(edited.json().path("status").asString()).as(attribute).isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("select status from organisation where id = ?", String.class, organisation))
                    .as(attribute).isEqualTo("PENDING");
        }
    }

    @Test
    void anEditWithoutIfMatchIs428AndWithAStaleOneIs412() {
        Map<String, Object> registration = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("etag"));
        UUID organisation = UUID.fromString(register(registration).path("organisation").path("id").asString());
        Object details = registration.get("organisation");

        ApiResponse missing = api.put(ORGANISATIONS + organisation).bearer(orgAdmin(organisation)).json(details).send();
        ApiResponse stale = api.put(ORGANISATIONS + organisation).bearer(orgAdmin(organisation))
                .header("If-Match", "\"99\"").json(details).send();

        assertThat(missing.isProblem(428)).as(missing.toString()).isTrue();
        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
        assertThat(stale.json().path("currentVersion").asLong()).isZero();
    }

    @Test
    void anEditWithABadUsccIs400AndChangesNothing() {
        Map<String, Object> registration = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("badedit"));
        UUID organisation = UUID.fromString(register(registration).path("organisation").path("id").asString());
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Requests.copy((Map<String, Object>) registration.get("organisation"));
        details.put("uscc", "91350100M000100Y44");

        ApiResponse response = api.put(ORGANISATIONS + organisation).bearer(orgAdmin(organisation))
                .header("If-Match", "\"0\"").json(details).send();

        assertThat(response.isProblem(400)).as(response.toString()).isTrue();
        assertThat(fields(response)).containsExactly("uscc");
        assertThat(jdbc.queryForObject("select version from organisation where id = ?", Long.class, organisation)).isZero();
    }

    @Test
    void anEditToAnotherOrganisationsCodeIsAConflictNamingIt() {
        JsonNode other = register(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("holder")));
        Map<String, Object> registration = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("taker"));
        UUID organisation = UUID.fromString(register(registration).path("organisation").path("id").asString());
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Requests.copy((Map<String, Object>) registration.get("organisation"));
        details.put("uscc", other.path("organisation").path("uscc").asString());

        ApiResponse response = api.put(ORGANISATIONS + organisation).bearer(orgAdmin(organisation))
                .header("If-Match", "\"0\"").json(details).send();

        assertThat(response.isProblem(409)).as(response.toString()).isTrue();
        assertThat(response.json().path("existingName").asString()).isEqualTo(other.path("organisation").path("name").asString());
    }

    @Test
    void anApplicantReadsAndEditsOnlyItsOwnOrganisation() {
        Map<String, Object> registration = Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("own"));
        UUID own = UUID.fromString(register(registration).path("organisation").path("id").asString());
        UUID other = registerEnterprise();

        ApiResponse readOwn = api.get(ORGANISATIONS + own).bearer(applicant(own)).send();
        ApiResponse readOther = api.get(ORGANISATIONS + other).bearer(applicant(own)).send();
        ApiResponse editOther = api.put(ORGANISATIONS + other).bearer(applicant(own)).header("If-Match", "\"0\"")
                .json(registration.get("organisation")).send();

        assertThat(readOwn.status()).isEqualTo(200);
        assertThat(readOwn.header("ETag")).contains("\"0\"");
        assertThat(readOther.isProblem(403)).as(readOther.toString()).isTrue();
        assertThat(editOther.isProblem(403)).as(editOther.toString()).isTrue();
        assertThat(List.of(readOther.json().path("type").asString())).containsExactly("urn:chanjiao:problem:organisation.notYours");
    }

    @Test
    void aReviewerReadsOrganisationsOfItsJurisdictionOnly() {
        UUID taiyuan = registerEnterprise();

        assertThat(api.get(ORGANISATIONS + taiyuan).bearer(reviewer("140000", "education")).send().status()).isEqualTo(200);
        assertThat(api.get(ORGANISATIONS + taiyuan).bearer(reviewer("330100", "development-reform")).send().isProblem(403)).isTrue();
    }
}
