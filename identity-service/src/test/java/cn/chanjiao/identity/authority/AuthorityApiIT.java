package cn.chanjiao.identity.authority;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jurisdiction tree loaded by migration on first start, read-only and public. */
class AuthorityApiIT extends IdentityIntegrationTest {

    private static final String AUTHORITIES = "/api/v1/public/identity/authorities";

    @Test
    void theTreeHoldsAll31ProvincesUnderTheNation() {
        JsonNode tree = api.get(AUTHORITIES + "/tree?depth=1").send().json();

        assertThat(tree.path("code").asString()).isEqualTo("100000");
        assertThat(tree.path("children").size()).isEqualTo(31);
        assertThat(codes(tree.path("children"))).contains("110000", "140000", "330000", "650000");
    }

    @Test
    void everyCityOfShanxiAndEveryDistrictOfHangzhouIsThere() {
        JsonNode shanxi = api.get(AUTHORITIES + "/140000").send().json();
        JsonNode hangzhou = api.get(AUTHORITIES + "/tree?root=330100&depth=1").send().json();

        assertThat(codes(shanxi.path("children"))).containsExactly("140100", "140200", "140300", "140400", "140500",
                "140600", "140700", "140800", "140900", "141000", "141100");
        assertThat(codes(hangzhou.path("children"))).containsExactly("330102", "330105", "330106", "330108", "330109",
                "330110", "330111", "330112", "330113", "330114", "330122", "330127", "330182");
    }

    @Test
    void eachAuthorityHasTheEightDepartments() {
        Integer withoutEight = jdbc.queryForObject("""
                select count(*) from authority a
                where (select count(*) from authority_department d where d.authority_code = a.code) <> 8""", Integer.class);
        JsonNode yuhang = api.get(AUTHORITIES + "/330110").send().json();

        assertThat(withoutEight).isZero();
        assertThat(codes(yuhang.path("departments"), "code")).containsExactly("education", "development-reform",
                "industry-it", "sasac", "hr-social-security", "finance", "sme", "federation-industry-commerce");
        assertThat(yuhang.path("departments").get(0).path("name").asString()).isEqualTo("余杭区教育部门");
        assertThat(codes(yuhang.path("path"))).containsExactly("100000", "330000", "330100", "330110");
    }

    @Test
    void searchFindsByNameOrCodeAndLevel() {
        JsonNode byName = api.get(AUTHORITIES + "?q=" + URLEncoder.encode("太原", StandardCharsets.UTF_8)).send().json();
        JsonNode districts = api.get(AUTHORITIES + "?level=DISTRICT&within=330100").send().json();
        JsonNode byCode = api.get(AUTHORITIES + "?q=1401").send().json();

        assertThat(codes(byName)).containsExactly("140100");
        assertThat(districts.size()).isEqualTo(13);
        assertThat(codes(byCode)).containsExactly("140100");
    }

    @Test
    void unknownCodesAre404AndBadParameters400() {
        ApiResponse unknown = api.get(AUTHORITIES + "/999999").send();
        ApiResponse badLevel = api.get(AUTHORITIES + "?level=COUNTY").send();
        ApiResponse tooDeep = api.get(AUTHORITIES + "/tree?depth=9").english().send();

        assertThat(unknown.isProblem(404)).isTrue();
        assertThat(badLevel.isProblem(400)).isTrue();
        assertThat(tooDeep.isProblem(400)).isTrue();
        assertThat(tooDeep.json().path("detail").asString()).contains("depth");
    }

    @Test
    void theDepartmentsAreListedInTheCallersLanguage() {
        JsonNode chinese = api.get("/api/v1/public/identity/departments").send().json();
        JsonNode english = api.get("/api/v1/public/identity/departments").english().send().json();

        assertThat(chinese.size()).isEqualTo(8);
        assertThat(chinese.get(0).path("name").asString()).isEqualTo("教育部门");
        assertThat(english.get(0).path("name").asString()).isEqualTo("Education");
    }

    private static List<String> codes(JsonNode nodes) {
        return codes(nodes, "code");
    }

    private static List<String> codes(JsonNode nodes, String field) {
        List<String> codes = new ArrayList<>();
        nodes.forEach(node -> codes.add(node.path(field).asString()));
        return codes;
    }
}
