package cn.chanjiao.application.notice;

import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.form.ApplicationStatus;
import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.Presets;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.contracts.application.PlatformApproved;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** PlatformApproved carries what reporting-service and indicator-service need, from the form as submitted. */
class ApprovedPlatformsTest {

    @Test
    void theEventCarriesLeadsParticipantsWithRegionsAndThePlanTable() {
        UUID park = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        Form form = Form.empty()
                .withBasicInfo(new Form.BasicInfo("钱塘市域产教联合体", null, null, null, null, null, null, null, null, null,
                        null, "330114", null, null, null, null))
                .withLeadUnits(List.of(
                        new Form.LeadUnit("PARK", park, "钱塘新区管委会", "GOVERNMENT_DEPARTMENT", "11330100MB0000000X", null,
                                null, "330000", "330100", "330114", List.of(), null),
                        new Form.LeadUnit("SCHOOL", school, "杭州职业技术学院", "VOCATIONAL_SCHOOL", null, "4133010001", null,
                                "330000", "330100", "330102", List.of(), null)))
                .withParticipants(List.of(new Form.Participant(UUID.randomUUID(), "SECONDARY_VOCATIONAL_SCHOOL",
                        "杭州某中职学校", "330114", "3133010001", 1200, null, null),
                        new Form.Participant(UUID.randomUUID(), "ENTERPRISE", "宁波某企业", "330200", null, null, null, null)))
                .withPlan(List.of(new Form.PlanValue("OPERATING_FUNDS_TOTAL", 2024, new BigDecimal("500")),
                        new Form.PlanValue("OPERATING_FUNDS_TOTAL", 2023, new BigDecimal("300"))));
        Instant now = Instant.parse("2024-07-10T02:00:00Z");
        ApplicationForm application = new ApplicationForm(UUID.randomUUID(), UUID.randomUUID(),
                PlatformType.CITY_CONSORTIUM, park, ApplicationStatus.IN_PUBLIC_NOTICE, "330114", ",development-reform,",
                form, 9, null, "u", now, now, now);
        Programme programme = new Programme(application.programmeId(), 1, true, true, now, now, Presets.hangzhou());
        UUID platform = UUID.randomUUID();

        PlatformApproved event = ApprovedPlatforms.event(platform, application, form, programme,
                Presets.hangzhou().type(PlatformType.CITY_CONSORTIUM).orElseThrow(), now);

        assertThat(event.platformId()).isEqualTo(platform);
        assertThat(event.programmeCode()).isEqualTo("HZ-PLATFORMS-2024");
        assertThat(event.name()).isEqualTo("钱塘市域产教联合体");
        assertThat(event.leadOrganisationIds()).containsExactly(park, school);
        assertThat(event.regionCode()).isEqualTo("330114");
        assertThat(event.authorityCode()).isEqualTo("330100");
        assertThat(event.planYears()).containsExactly(2024, 2025, 2026);
        assertThat(event.baselineYear()).isEqualTo(2023);
        assertThat(event.targets()).extracting(PlatformApproved.PlanTarget::year).containsExactly(2024, 2023);
        assertThat(event.members()).extracting(m -> m.role() + "/" + m.memberType() + "/" + m.cityCode() + "/"
                + m.districtCode()).containsExactly("LEAD/GOVERNMENT_DEPARTMENT/330100/330114",
                "LEAD/VOCATIONAL_SCHOOL/330100/330102", "PARTICIPANT/SECONDARY_VOCATIONAL_SCHOOL/330100/330114",
                "PARTICIPANT/ENTERPRISE/330200/null");
        assertThat(event.members().get(1).code()).isEqualTo("4133010001");
        assertThat(event.approvedAt()).isEqualTo(now);
    }
}
