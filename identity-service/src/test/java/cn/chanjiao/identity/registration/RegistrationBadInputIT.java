package cn.chanjiao.identity.registration;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad input is a 400 problem naming the field, and nothing is written: no organisation,
 * no account, no provisioning attempt in our database, and no user in Keycloak.
 */
class RegistrationBadInputIT extends IdentityIntegrationTest {

    static Stream<Arguments> badInputs() {
        Function<String, Map<String, Object>> enterprise = username -> Requests.enterpriseRegistration(TestCodes.uscc(), username);
        Function<String, Map<String, Object>> school = username -> Requests.schoolRegistration(TestCodes.schoolCode(), username);
        return Stream.of(
                arguments("a USCC with a wrong check character", enterprise, "organisation.uscc", "91350100M000100Y44", "organisation.uscc"),
                arguments("a USCC of 17 characters", enterprise, "organisation.uscc", "91350100M000100Y4", "organisation.uscc"),
                arguments("a USCC of 19 characters", enterprise, "organisation.uscc", "91350100M000100Y433", "organisation.uscc"),
                arguments("a USCC in lower case", enterprise, "organisation.uscc", "91350100m000100y43", "organisation.uscc"),
                arguments("a USCC with the letter I", enterprise, "organisation.uscc", "91350100I000100Y43", "organisation.uscc"),
                arguments("a USCC with the letter O", enterprise, "organisation.uscc", "91350100O000100Y43", "organisation.uscc"),
                arguments("a USCC with the letter S", enterprise, "organisation.uscc", "91350100S000100Y43", "organisation.uscc"),
                arguments("a USCC with the letter V", enterprise, "organisation.uscc", "91350100V000100Y43", "organisation.uscc"),
                arguments("a USCC with the letter Z", enterprise, "organisation.uscc", "91350100Z000100Y43", "organisation.uscc"),
                arguments("an enterprise without USCC", enterprise, "organisation.uscc", null, "organisation.uscc"),
                arguments("a school code of 9 digits", school, "organisation.schoolCode", "413301234", "organisation.schoolCode"),
                arguments("a school code with a letter", school, "organisation.schoolCode", "41330A2345", "organisation.schoolCode"),
                arguments("a school without school code", school, "organisation.schoolCode", null, "organisation.schoolCode"),
                arguments("a province not in the tree", enterprise, "organisation.region.provinceCode", "990000", "organisation.region.provinceCode"),
                arguments("a city not in the tree", enterprise, "organisation.region.cityCode", "149900", "organisation.region.cityCode"),
                arguments("a city of another province", enterprise, "organisation.region.cityCode", "330100", "organisation.region.cityCode"),
                arguments("a district not in the tree", school, "organisation.region.districtCode", "330199", "organisation.region.districtCode"),
                arguments("a malformed e-mail of the admin", enterprise, "admin.email", "li.ming@", "admin.email"),
                arguments("a malformed e-mail of the organisation", enterprise, "organisation.email", "office(at)example.cn", "organisation.email"),
                arguments("a mobile number of 10 digits", enterprise, "admin.mobile", "1390000000", "admin.mobile"),
                arguments("a mobile number not starting 13–19", enterprise, "admin.mobile", "12900000000", "admin.mobile"),
                arguments("a missing organisation name", enterprise, "organisation.name", null, "organisation.name"),
                arguments("a missing admin", enterprise, "admin", null, "admin"),
                arguments("a missing region", enterprise, "organisation.region", null, "organisation.region"),
                arguments("an unknown kind", enterprise, "organisation.kind", "COMPANY", "organisation.kind"),
                arguments("a degree right on an enterprise", enterprise, "organisation.attributes.doctoralDegreeRights", true,
                        "organisation.attributes.doctoralDegreeRights"),
                arguments("a weak password", enterprise, "admin.password", "password", "admin.password"),
                arguments("a username with capitals", enterprise, "admin.username", "Li.Ming", "admin.username"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsA400NamingTheFieldAndWritesNothingAnywhere(String description, Function<String, Map<String, Object>> base,
            String path, Object value, String expectedField) {
        String username = TestCodes.username("bad");
        Map<String, Object> body = Requests.set(base.apply(username), path, value);
        int organisations = rows("organisation");
        int accounts = rows("account");
        int attempts = rows("provisioning_attempt");

        ApiResponse response = api.post("/api/v1/public/identity/registrations").json(body).send();

        assertThat(response.isProblem(400)).as(response.toString()).isTrue();
        assertThat(fields(response)).as(response.toString()).contains(expectedField);
        assertThat(response.json().path("errors").get(0).path("message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain(Requests.PASSWORD);
        assertThat(rows("organisation")).isEqualTo(organisations);
        assertThat(rows("account")).isEqualTo(accounts);
        assertThat(rows("provisioning_attempt")).isEqualTo(attempts);
        assertThat(keycloak.user(String.valueOf(body.get("admin") instanceof Map<?, ?> admin ? admin.get("username") : username)))
                .as("no Keycloak user").isEmpty();
    }
}
