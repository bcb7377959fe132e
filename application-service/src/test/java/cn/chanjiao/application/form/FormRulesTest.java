package cn.chanjiao.application.form;

import cn.chanjiao.application.client.OrganisationResponse;
import cn.chanjiao.application.form.Form.Participant;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.Presets;
import cn.chanjiao.kit.web.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of each of the four programmes: a valid form passes, each broken rule fails with its own message. */
class FormRulesTest {

    @Nested
    class NationalIndustryCommunity {

        private FormFixture valid() {
            return FormFixture.valid(Presets.nationalCommunity(), PlatformType.INDUSTRY_COMMUNITY);
        }

        @Test
        void aCompleteFormPasses() {
            assertThat(valid().check()).isEmpty();
        }

        @Test
        void aLeadUniversityWithoutDoctoralRightsFails() {
            FormFixture form = valid().leadReported("UNIVERSITY", o -> FormFixture.with(o, "UNIVERSITY", "VERIFIED",
                    "140105", Map.of("masterDegreeRights", true)));

            assertThat(form.check()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo("rule.lead.attribute");
                assertThat(v.args().get(2).toString()).isEqualTo("attribute.doctoralDegreeRights");
            });
        }

        @Test
        void aLeadVocationalSchoolWithoutAnIndependentTrainingInstitutionFails() {
            assertThat(valid().leadReported("VOCATIONAL_SCHOOL", o -> FormFixture.with(o, "VOCATIONAL_SCHOOL", "VERIFIED",
                    "140105", Map.of())).codes()).containsExactly("rule.lead.attribute");
        }

        @Test
        void aLeadEnterpriseThatIsAResearchInstituteFails() {
            assertThat(valid().leadReported("ENTERPRISE", o -> FormFixture.with(o, "RESEARCH_INSTITUTE", "VERIFIED",
                    "140105", Map.of())).codes()).containsExactly("rule.lead.kind");
        }

        @Test
        void aMissingLeadVocationalSchoolFails() {
            assertThat(valid().withoutLead("VOCATIONAL_SCHOOL").codes()).containsExactly("rule.lead.tooFew");
        }

        @Test
        void aSecondLeadUniversityFails() {
            FormFixture form = valid();
            form.addLead("UNIVERSITY", FormFixture.organisation("UNIVERSITY", "VERIFIED", "140105",
                    List.of("masterDegreeRights", "doctoralDegreeRights")));

            assertThat(form.codes()).containsExactly("rule.lead.tooMany");
        }

        @Test
        void aLeadThatIsNoLongerVerifiedFails() {
            assertThat(valid().leadReported("UNIVERSITY", o -> FormFixture.with(o, "UNIVERSITY", "PENDING", "140105",
                    Map.of("masterDegreeRights", true, "doctoralDegreeRights", true))).codes())
                    .containsExactly("rule.lead.notVerified");
        }

        @Test
        void aLeadIdentityServiceNoLongerKnowsFails() {
            FormFixture form = valid();
            form.organisations.remove(form.lead("VOCATIONAL_SCHOOL").organisationId());

            assertThat(form.codes()).containsExactly("rule.lead.notFound");
        }

        @Test
        void aRecommendingProvinceWhereNoLeadIsFails() {
            assertThat(valid().basicInfo(info -> withRegion(info, "330000")).codes())
                    .containsExactly("rule.recommendation.notLeadRegion");
        }

        @Test
        void aParticipantWithoutProofOfParticipationFails() {
            assertThat(valid().participant(0, p -> new Participant(p.id(), p.type(), p.name(), p.regionCode(), p.code(),
                    p.enrolledStudents(), null, null)).codes()).containsExactly("rule.participant.proofRequired");
        }

        @Test
        void aParticipantWithAWrongCheckCharacterInItsCreditCodeFails() {
            String good = Usccs.withCheck("91140105MA0K12345");
            String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');

            assertThat(valid().participant(0, p -> new Participant(p.id(), p.type(), p.name(), p.regionCode(), bad,
                    p.enrolledStudents(), p.proofAttachmentId(), null)).codes()).containsExactly("rule.participant.codeInvalid");
        }

        @Test
        void aMissingPlanValueFailsNamingIndicatorAndYear() {
            List<Violation> problems = valid().planValue("CORE_COURSES", 2024, null).check();

            assertThat(problems).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo("rule.plan.missing");
                assertThat(v.args()).containsExactly("开发专业核心课程数量", "2024");
                assertThat(v.field()).isEqualTo("plan.CORE_COURSES.2024");
            });
        }

        @Test
        void aSectionOverItsLimitFailsNamingTheSectionAndTheCount() {
            List<Violation> problems = valid().change(f -> f.withSection("OVERALL_APPROACH", "字".repeat(501))).check();

            assertThat(problems).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo("rule.section.tooLong");
                assertThat(v.args()).containsExactly("总体建设思路", "501", "500");
            });
        }

        @Test
        void aMissingRequiredSectionFails() {
            assertThat(valid().change(f -> f.withSection("KEY_TASKS", null)).codes()).containsExactly("rule.section.required");
        }

        @Test
        void aMissingStampedFormFails() {
            assertThat(valid().withoutAttachment("STAMPED_FORM").codes()).containsExactly("rule.attachment.required");
        }

        @Test
        void anUnacceptedCommitmentFails() {
            assertThat(valid().change(f -> f.withCommitment(Form.Commitment.NONE)).codes())
                    .containsExactly("rule.commitment.required");
        }

        @Test
        void aMissingHeadOfTheCommunityFails() {
            assertThat(valid().basicInfo(info -> new Form.BasicInfo(info.name(), info.foundedOn(), null, info.headTitle(),
                    info.headPhone(), info.headEmail(), info.contactName(), info.contactOrganisation(), info.contactTitle(),
                    info.contactPhone(), info.contactEmail(), info.recommendingRegionCode(), info.address(),
                    info.industryField(), info.parkName(), info.secretariat())).codes())
                    .containsExactly("rule.basicInfo.required");
        }
    }

    @Nested
    class ShanxiIndustryCommunity {

        private FormFixture valid() {
            return FormFixture.valid(Presets.shanxiCommunity(), PlatformType.INDUSTRY_COMMUNITY);
        }

        @Test
        void aCompleteFormWithAUniversityHoldingOnlyMasterRightsPasses() {
            FormFixture form = valid().leadReported("UNIVERSITY", o -> FormFixture.with(o, "UNIVERSITY", "VERIFIED",
                    "140105", Map.of("masterDegreeRights", true)));

            assertThat(form.check()).isEmpty();
        }

        @Test
        void aLeadUniversityWithoutMasterRightsFails() {
            assertThat(valid().leadReported("UNIVERSITY", o -> FormFixture.with(o, "UNIVERSITY", "VERIFIED", "140105",
                    Map.of("doctoralDegreeRights", false))).codes()).containsExactly("rule.lead.attribute");
        }

        @Test
        void aLeadEnterpriseFromAnotherProvinceIsWelcome() {
            assertThat(valid().leadReported("ENTERPRISE", o -> FormFixture.with(o, "ENTERPRISE", "VERIFIED", "110105",
                    Map.of())).check()).isEmpty();
        }

        @Test
        void aRecommendingProvinceOtherThanShanxiFails() {
            assertThat(valid().basicInfo(info -> withRegion(info, "330000")).codes())
                    .containsExactly("rule.recommendation.outside");
        }

        @Test
        void aRecommendingRegionThatIsACityFails() {
            assertThat(valid().basicInfo(info -> withRegion(info, "140100")).codes())
                    .containsExactly("rule.recommendation.level");
        }

        @Test
        void aParticipantLocatedOnlyByProvinceFailsBecauseCrossCityDistributionIsMonitored() {
            assertThat(valid().participant(0, p -> new Participant(p.id(), p.type(), p.name(), "140000", p.code(),
                    p.enrolledStudents(), p.proofAttachmentId(), null)).codes())
                    .containsExactly("rule.participant.regionLevel");
        }

        @Test
        void aParticipantWithoutRegionFails() {
            assertThat(valid().participant(0, p -> new Participant(p.id(), p.type(), p.name(), null, p.code(),
                    p.enrolledStudents(), p.proofAttachmentId(), null)).codes())
                    .containsExactly("rule.participant.regionRequired");
        }
    }

    @Nested
    class NationalCityConsortium {

        private FormFixture valid() {
            return FormFixture.valid(Presets.nationalConsortium(), PlatformType.CITY_CONSORTIUM);
        }

        @Test
        void aCompleteFormPasses() {
            assertThat(valid().check()).isEmpty();
        }

        @Test
        void membersWithoutAnUndergraduateUniversityFail() {
            FormFixture form = valid();
            List<Participant> members = new ArrayList<>(form.form.participants());
            members.removeIf(p -> p.type().equals("UNDERGRADUATE_UNIVERSITY"));
            members.add(new Participant(java.util.UUID.randomUUID(), "ENTERPRISE", "园区企业", null, null, null, null, null));
            form.change(f -> f.withParticipants(members));

            assertThat(form.codes()).containsExactly("rule.participant.typeTooFew");
        }

        @Test
        void aSchoolMemberWithoutItsEnrolledStudentsFails() {
            assertThat(valid().participant(0, p -> new Participant(p.id(), p.type(), p.name(), p.regionCode(), p.code(),
                    null, null, null)).codes()).containsExactly("rule.participant.studentsRequired");
        }

        @Test
        void fundSourcesThatDoNotAddUpToThe2023TotalFail() {
            List<Violation> problems = valid().planValue("FUNDS_FROM_GOVERNMENT", 2023, "100").check();

            assertThat(problems).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo("rule.plan.sum");
                assertThat(v.args()).startsWith("拟投入运行经费总额", "2023");
            });
        }

        @Test
        void aMissingParkOutputValueForTheBaselineYearFails() {
            assertThat(valid().planValue("PARK_OUTPUT_VALUE", 2022, null).check()).extracting(Violation::field)
                    .containsExactly("plan.PARK_OUTPUT_VALUE.2022");
        }

        @Test
        void aMissingSecretariatFails() {
            assertThat(valid().basicInfo(info -> new Form.BasicInfo(info.name(), info.foundedOn(), info.headName(),
                    info.headTitle(), info.headPhone(), info.headEmail(), info.contactName(), info.contactOrganisation(),
                    info.contactTitle(), info.contactPhone(), info.contactEmail(), info.recommendingRegionCode(),
                    info.address(), info.industryField(), info.parkName(), null)).codes())
                    .containsExactly("rule.basicInfo.required");
        }

        @Test
        void aParkLeadThatIsAnEnterpriseFails() {
            assertThat(valid().leadReported("PARK", o -> FormFixture.with(o, "ENTERPRISE", "VERIFIED", "140105", Map.of()))
                    .codes()).containsExactly("rule.lead.kind");
        }

        @Test
        void aFormWhoseFilingParkIsNotTheApplicantFails() {
            FormFixture form = valid().withoutLead("PARK");
            form.addLead("PARK", FormFixture.organisation("INDUSTRIAL_PARK", "VERIFIED", "140105", List.of()));

            assertThat(form.codes()).containsExactly("rule.lead.filing");
        }
    }

    @Nested
    class HangzhouPlatforms {

        private FormFixture valid(PlatformType type) {
            return FormFixture.valid(Presets.hangzhou(), type);
        }

        @ParameterizedTest
        @EnumSource(PlatformType.class)
        void aCompleteFormOfEveryTypePasses(PlatformType type) {
            assertThat(valid(type).check()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(PlatformType.class)
        void aLeadOutsideHangzhouFailsForEveryType(PlatformType type) {
            FormFixture form = valid(type);
            String role = form.form.leadUnits().get(form.form.leadUnits().size() - 1).role();
            OrganisationResponse current = form.organisations.get(form.lead(role).organisationId());
            form.leadReported(role, o -> FormFixture.with(o, current.kind(), "VERIFIED", "330206", current.attributes()));

            assertThat(form.codes()).containsExactly("rule.lead.outsideRegion");
        }

        @Test
        void aCommunityLedByOneUniversityInsteadOfAVocationalSchoolPasses() {
            FormFixture form = valid(PlatformType.INDUSTRY_COMMUNITY).leadReported("SCHOOL",
                    o -> FormFixture.with(o, "UNIVERSITY", "VERIFIED", "330106", Map.of()));

            assertThat(form.check()).isEmpty();
        }

        @Test
        void aCommunityParticipantOutsideZhejiangFails() {
            assertThat(valid(PlatformType.INDUSTRY_COMMUNITY).participant(0, p -> new Participant(p.id(), p.type(),
                    p.name(), "140105", p.code(), null, p.proofAttachmentId(), null)).codes())
                    .containsExactly("rule.participant.outsideRegion");
        }

        @Test
        void aPracticeCentreWhoseResultsTotalIsNotTheSumOfItsLevelsFails() {
            assertThat(valid(PlatformType.PRACTICE_CENTER_SCHOOL).planValue("RESULTS_TOTAL", 2025, "9").codes())
                    .containsExactly("rule.plan.sum");
        }

        @Test
        void aPracticeCentreWithMoreSeniorStaffThanTechnicalStaffFails() {
            assertThat(valid(PlatformType.PRACTICE_CENTER_PUBLIC).planValue("SENIOR_TITLE_STAFF", 2023, "5").codes())
                    .containsExactly("rule.plan.part");
        }

        @Test
        void anEnterprisePracticeCentreWithTwoBuildingUnitsFails() {
            FormFixture form = valid(PlatformType.PRACTICE_CENTER_ENTERPRISE);
            form.addLead("BUILDING_UNIT", FormFixture.organisation("ENTERPRISE", "VERIFIED", "330106", List.of()));

            assertThat(form.codes()).containsExactly("rule.lead.tooMany");
        }

        @Test
        void aRecommendingDistrictOutsideHangzhouFails() {
            assertThat(valid(PlatformType.CITY_CONSORTIUM).basicInfo(info -> withRegion(info, "330206")).codes())
                    .contains("rule.recommendation.outside");
        }

        @Test
        void aPracticeCentreWithoutItsAddressFails() {
            assertThat(valid(PlatformType.PRACTICE_CENTER_SCHOOL).basicInfo(info -> new Form.BasicInfo(info.name(),
                    info.foundedOn(), info.headName(), info.headTitle(), info.headPhone(), info.headEmail(),
                    info.contactName(), info.contactOrganisation(), info.contactTitle(), info.contactPhone(),
                    info.contactEmail(), info.recommendingRegionCode(), " ", info.industryField(), info.parkName(),
                    info.secretariat())).codes()).containsExactly("rule.basicInfo.required");
        }
    }

    @Nested
    class PlanValuesAsEntered {

        private final FormFixture fixture = FormFixture.valid(Presets.hangzhou(), PlatformType.CITY_CONSORTIUM);

        private List<String> enter(String indicator, Integer year, Object value) {
            List<Violation> problems = new ArrayList<>();
            FormRules.planValue("plan[0]", fixture.programme, fixture.type, indicator, year, value, problems);
            return problems.stream().map(Violation::code).toList();
        }

        @Test
        void aValidValueOfEachKindIsAccepted() {
            assertThat(enter("SHARED_MAJORS", 2024, 12)).isEmpty();
            assertThat(enter("PARK_OUTPUT_VALUE", 2023, "1234.56")).isEmpty();
            assertThat(enter("EMPLOYMENT_RATE", 2026, "98.50")).isEmpty();
        }

        @Test
        void aNegativeValueIsRefused() {
            assertThat(enter("SHARED_MAJORS", 2024, -1)).containsExactly("rule.plan.negative");
        }

        @Test
        void aValueThatIsNotANumberIsRefused() {
            assertThat(enter("SHARED_MAJORS", 2024, "twelve")).containsExactly("rule.plan.notNumber");
        }

        @Test
        void aPercentAboveHundredIsRefused() {
            assertThat(enter("EMPLOYMENT_RATE", 2024, 100.5)).containsExactly("rule.plan.percent");
        }

        @Test
        void aFractionForACountIsRefused() {
            assertThat(enter("SHARED_MAJORS", 2024, "2.5")).containsExactly("rule.plan.integer");
        }

        @Test
        void aYearOutsideThePlanIsRefused() {
            assertThat(enter("SHARED_MAJORS", 2027, 1)).containsExactly("rule.plan.year");
            assertThat(enter("PARK_OUTPUT_VALUE", 2024, 1)).containsExactly("rule.plan.year");
        }

        @Test
        void anUnknownIndicatorIsRefused() {
            assertThat(enter("NO_SUCH_ROW", 2024, 1)).containsExactly("rule.plan.unknownIndicator");
        }
    }

    private static Form.BasicInfo withRegion(Form.BasicInfo info, String region) {
        return new Form.BasicInfo(info.name(), info.foundedOn(), info.headName(), info.headTitle(), info.headPhone(),
                info.headEmail(), info.contactName(), info.contactOrganisation(), info.contactTitle(), info.contactPhone(),
                info.contactEmail(), region, info.address(), info.industryField(), info.parkName(), info.secretariat());
    }
}
