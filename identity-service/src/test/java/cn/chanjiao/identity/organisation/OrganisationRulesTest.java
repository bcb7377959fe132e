package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.authority.Authority;
import cn.chanjiao.identity.authority.AuthorityDirectory;
import cn.chanjiao.identity.authority.AuthorityLevel;
import cn.chanjiao.identity.web.FieldProblems;
import cn.chanjiao.kit.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrganisationRulesTest {

    private final AuthorityDirectory tree = AuthorityDirectory.of(List.of(
            new Authority("100000", "全国", AuthorityLevel.NATIONAL, null),
            new Authority("140000", "山西省", AuthorityLevel.PROVINCE, "100000"),
            new Authority("140100", "太原市", AuthorityLevel.CITY, "140000"),
            new Authority("330000", "浙江省", AuthorityLevel.PROVINCE, "100000"),
            new Authority("330100", "杭州市", AuthorityLevel.CITY, "330000"),
            new Authority("330110", "余杭区", AuthorityLevel.DISTRICT, "330100")));
    private final OrganisationRules rules = new OrganisationRules(tree);

    @Test
    void aWellFormedEnterprisePasses() {
        assertThat(problems(enterprise("91350100M000100Y43", attributes(Map.of("centralSoe", true))))).isEmpty();
    }

    @Test
    void anEnterpriseNeedsAUsccAndNoSchoolCode() {
        OrganisationDetails withoutUscc = enterprise(null, null);
        OrganisationDetails withSchoolCode = new OrganisationDetails("ENTERPRISE", "某企业", null, "91350100M000100Y43",
                "4114010112", region("140000", "140100", null), "地址", null, "0351-1234567", null, null, null, null, null);

        assertThat(problems(withoutUscc)).containsEntry("uscc", "problem.uscc.required");
        assertThat(problems(withSchoolCode)).containsEntry("schoolCode", "problem.schoolCode.notSchool");
    }

    @Test
    void aSchoolNeedsTenDigitsAndMayHaveAUscc() {
        assertThat(problems(school("4114010112", null, "HIGHER"))).isEmpty();
        assertThat(problems(school("4114010112", "12100000400000624D", "HIGHER"))).isEmpty();
        assertThat(problems(school("411401011", null, "HIGHER"))).containsEntry("schoolCode", "problem.schoolCode.format");
        assertThat(problems(school(null, null, "HIGHER"))).containsEntry("schoolCode", "problem.schoolCode.required");
    }

    @Test
    void theRegionMustBeInTheTreeAndNested() {
        assertThat(problems(withRegion(region("990000", null, null)))).containsEntry("region.provinceCode", "problem.region.unknown");
        assertThat(problems(withRegion(region("140100", null, null)))).containsEntry("region.provinceCode", "problem.region.level.province");
        assertThat(problems(withRegion(region("140000", "330100", null)))).containsEntry("region.cityCode", "problem.region.notBelow");
        assertThat(problems(withRegion(region("330000", null, "330110")))).containsEntry("region.cityCode", "problem.region.cityRequired");
        assertThat(problems(withRegion(region("330000", "330100", "330199")))).containsEntry("region.districtCode", "problem.region.unknown");
        assertThat(problems(withRegion(region("330000", "330100", "330110")))).isEmpty();
    }

    @Test
    void attributesMustFitTheKind() {
        assertThat(problems(enterprise("91350100M000100Y43", attributes(Map.of("masterDegreeRights", true)))))
                .containsEntry("attributes.masterDegreeRights", "problem.attribute.notForKind");
        assertThat(problems(enterprise("91350100M000100Y43", attributes(Map.of("integrationEnterpriseLevel", "COUNTY")))))
                .containsEntry("attributes.integrationEnterpriseLevel", "problem.field.oneOf");
    }

    @Test
    void aUniversityWithDoctoralRightsHasMasterRightsToo() {
        OrganisationDetails university = new OrganisationDetails("UNIVERSITY", "某大学", null, null, "4114010112",
                region("140000", "140100", null), "地址", null, "0351-1234567", null, null, null, null,
                attributes(Map.of("doctoralDegreeRights", true, "masterDegreeRights", false)));

        assertThat(problems(university)).containsEntry("attributes.masterDegreeRights", "problem.attribute.doctoralWithoutMaster");
    }

    @Test
    void aSecondaryVocationalSchoolIsNoDoubleHighSchoolAndEveryVocationalSchoolHasALevel() {
        OrganisationDetails secondary = new OrganisationDetails("VOCATIONAL_SCHOOL", "某中职", null, null, "4114010112",
                region("140000", "140100", null), "地址", null, "0351-1234567", null, null, null, null,
                attributes(Map.of("vocationalLevel", "SECONDARY", "doubleHighLevel", "NATIONAL")));

        assertThat(problems(secondary)).containsEntry("attributes.doubleHighLevel", "problem.attribute.doubleHighSecondary");
        assertThat(problems(school("4114010112", null, null))).containsEntry("attributes.vocationalLevel", "problem.attribute.required");
    }

    @Test
    void aParkNamesItsManagementCommitteeAndTheYearOfItsOutputValue() {
        OrganisationDetails park = new OrganisationDetails("INDUSTRIAL_PARK", "某产业园区", null, "11100000000013127D", null,
                region("330000", "330100", "330110"), "地址", null, "0571-1234567", null, null, null, null,
                attributes(Map.of("parkOutputValue", new BigDecimal("1234.50"))));

        Map<String, String> problems = problems(park);

        assertThat(problems).containsEntry("attributes.managementCommittee", "problem.attribute.required")
                .containsEntry("attributes.parkOutputYear", "problem.attribute.outputYear");
    }

    @Test
    void aGovernmentDepartmentBelongsToAnAuthorityAndIsOneOfTheEightDepartments() {
        OrganisationDetails department = new OrganisationDetails("GOVERNMENT_DEPARTMENT", "某局", null, "11100000000013127D",
                null, region("140000", null, null), "地址", null, "0351-1234567", null, null, null, null,
                attributes(Map.of("governmentAuthorityCode", "140000", "governmentDepartment", "propaganda")));

        assertThat(problems(department)).containsEntry("attributes.governmentDepartment", "problem.field.oneOf")
                .doesNotContainKey("attributes.governmentAuthorityCode");
    }

    @Test
    void anUnknownKindIsNamed() {
        OrganisationDetails unknown = new OrganisationDetails("COMPANY", "某公司", null, "91350100M000100Y43", null,
                region("140000", null, null), "地址", null, "0351-1234567", null, null, null, null, null);

        assertThat(problems(unknown)).containsEntry("kind", "problem.field.oneOf");
    }

    // --- helpers ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, String> problems(OrganisationDetails details) {
        FieldProblems problems = new FieldProblems(new StaticMessageSource());
        rules.check(details, "", problems);
        if (problems.isEmpty()) {
            return Map.of();
        }
        ApiException thrown = catchThrowableOfType(ApiException.class, problems::throwIfAny);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) thrown.getBody().getProperties().get("errors");
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent((String) e.get("field"), (String) e.get("code")));
        return byField;
    }

    private static OrganisationDetails enterprise(String uscc, OrganisationDetails.Attributes attributes) {
        return new OrganisationDetails("ENTERPRISE", "某企业", null, uscc, null, region("140000", "140100", null), "地址", null,
                "0351-1234567", null, null, null, null, attributes);
    }

    private static OrganisationDetails school(String schoolCode, String uscc, String level) {
        return new OrganisationDetails("VOCATIONAL_SCHOOL", "某职业学院", null, uscc, schoolCode, region("140000", "140100", null),
                "地址", null, "0351-1234567", null, null, null, null,
                level == null ? null : attributes(Map.of("vocationalLevel", level)));
    }

    private static OrganisationDetails withRegion(OrganisationDetails.Region region) {
        return new OrganisationDetails("ENTERPRISE", "某企业", null, "91350100M000100Y43", null, region, "地址", null,
                "0351-1234567", null, null, null, null, null);
    }

    private static OrganisationDetails.Region region(String province, String city, String district) {
        return new OrganisationDetails.Region(province, city, district);
    }

    private static OrganisationDetails.Attributes attributes(Map<String, Object> values) {
        return new OrganisationDetails.Attributes((Boolean) values.get("centralSoe"), (Boolean) values.get("chinaTop500"),
                (String) values.get("integrationEnterpriseLevel"), (Boolean) values.get("masterDegreeRights"),
                (Boolean) values.get("doctoralDegreeRights"), (String) values.get("vocationalLevel"),
                (String) values.get("doubleHighLevel"), (Boolean) values.get("independentTrainingInstitution"),
                (String) values.get("parkLevel"), (BigDecimal) values.get("parkOutputValue"),
                (Integer) values.get("parkOutputYear"), (String) values.get("managementCommittee"),
                (String) values.get("governmentAuthorityCode"), (String) values.get("governmentDepartment"));
    }
}
