package cn.chanjiao.application.client;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The client reads identity-service's organisation exactly as identity-service writes it. */
class OrganisationResponseTest {

    /** Shaped like identity-service's {@code OrganisationResponse} (issue 3). */
    private static final String FROM_IDENTITY = """
            {"id":"5a0c1e2b-7d3f-4c8a-9e61-140100000002","kind":"UNIVERSITY","name":"太原理工大学","shortName":"太理",
             "uscc":null,"schoolCode":"4114010112",
             "region":{"provinceCode":"140000","provinceName":"山西省","cityCode":"140100","cityName":"太原市",
                       "districtCode":"140105","districtName":"小店区"},
             "address":"太原市迎泽西大街79号","postalCode":"030024","phone":"0351-6010000","email":null,"website":null,
             "industry":null,"leader":{"name":"张三","title":"校长","phone":null,"email":null},
             "attributes":{"centralSoe":null,"chinaTop500":null,"integrationEnterpriseLevel":null,
                           "masterDegreeRights":true,"doctoralDegreeRights":true,"vocationalLevel":null,
                           "doubleHighLevel":null,"independentTrainingInstitution":false,"parkLevel":null,
                           "parkOutputValue":null,"parkOutputYear":null,"managementCommittee":null,
                           "governmentAuthorityCode":null,"governmentDepartment":null},
             "status":"VERIFIED","canLeadApplications":true,
             "review":{"decision":"VERIFIED","reason":null,"reviewedBy":"programme-admin-shanxi",
                       "authorityCode":"140000","reviewedAt":"2026-11-20T02:00:00Z"},
             "createdAt":"2026-11-19T02:00:00Z","updatedAt":"2026-11-20T02:00:00Z","version":3}""";

    @Test
    void anOrganisationOfIdentityServiceIsReadWithRegionStatusAndRuleAttributes() {
        OrganisationResponse organisation = JsonMapper.builder().build().readValue(FROM_IDENTITY, OrganisationResponse.class);

        assertThat(organisation.kind()).isEqualTo("UNIVERSITY");
        assertThat(organisation.verified()).isTrue();
        assertThat(organisation.schoolCode()).isEqualTo("4114010112");
        assertThat(organisation.regionCode()).contains("140105");
        assertThat(organisation.cityCode()).isEqualTo("140100");
        assertThat(organisation.has("masterDegreeRights")).isTrue();
        assertThat(organisation.has("doctoralDegreeRights")).isTrue();
        assertThat(organisation.has("independentTrainingInstitution")).isFalse();
        assertThat(organisation.has("centralSoe")).isFalse();
    }
}
