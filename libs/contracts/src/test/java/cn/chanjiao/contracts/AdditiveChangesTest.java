package cn.chanjiao.contracts;

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
}
