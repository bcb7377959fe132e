package cn.chanjiao.contracts;

import cn.chanjiao.contracts.application.ApplicationSubmitted;
import cn.chanjiao.contracts.indicator.AssessmentPublished;
import cn.chanjiao.contracts.reporting.ReportOverdue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Events written before a field was added still read: the new fields are null. */
class AdditiveChangesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anAssessmentPublishedWithoutKindAndGradesReadsWithBothNull() {
        AssessmentPublished event = json.readValue("""
                {"eventId":"000003f7-0000-4000-8000-0000000003f7","occurredAt":"2024-07-10T02:00:00Z",
                 "assessmentId":"00000016-0000-4000-8000-000000000016","programmeId":"00000002-0000-4000-8000-000000000002",
                 "year":2024,"authorityCode":"330100","platforms":12}""", AssessmentPublished.class);
        assertThat(event.platforms()).isEqualTo(12);
        assertThat(event.kind()).isNull();
        assertThat(event.grades()).isNull();
    }

    @Test
    void aReportOverdueWithoutPlatformNameAndAuthorityReadsWithThemNull() {
        ReportOverdue event = json.readValue("""
                {"eventId":"000003ee-0000-4000-8000-0000000003ee","occurredAt":"2024-07-10T02:00:00Z",
                 "obligationId":"0000000a-0000-4000-8000-00000000000a","platformId":"00000005-0000-4000-8000-000000000005",
                 "programmeId":"00000002-0000-4000-8000-000000000002","organisationId":"00000003-0000-4000-8000-000000000003",
                 "kind":"ANNUAL_WORK_PLAN","year":2025,"dueAt":"2025-03-31T15:59:59Z"}""", ReportOverdue.class);
        assertThat(event.kind()).isEqualTo("ANNUAL_WORK_PLAN");
        assertThat(event.authorityCode()).isNull();
        assertThat(event.platformName()).isNull();
    }

    @Test
    void anApplicationSubmittedWithoutItsFirstStageReadsWithItNull() {
        ApplicationSubmitted event = json.readValue("""
                {"eventId":"3f0d6a52-8c1e-4d7b-a2f9-0e6c5b4a3d21","occurredAt":"2024-05-10T02:30:00Z",
                 "applicationId":"9b2e7c41-5a6d-4f08-b3c9-7d1e2f3a4b5c","programmeId":"1c4f2a8e-6b3d-4e59-9a7c-2d8e1f0b3c46",
                 "programmeCode":"HZ-PLATFORMS-2024","platformType":"PRACTICE_CENTER_ENTERPRISE",
                 "leadOrganisationId":"5a0c1e2b-7d3f-4c8a-9e61-330100000001","leadOrganisationIds":[],
                 "name":"智能物联产教融合实践中心","recommendingRegionCode":"330106","formVersion":17,"resubmission":false}""",
                ApplicationSubmitted.class);
        assertThat(event.recommendingRegionCode()).isEqualTo("330106");
        assertThat(event.firstStageAuthorityCode()).isNull();
        assertThat(event.firstStageDepartment()).isNull();
    }
}
