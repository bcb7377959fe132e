package cn.chanjiao.application.programme;

import cn.chanjiao.application.form.FormFixture;
import cn.chanjiao.application.form.FormRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rolling registration (seeds 000 / 001, from 2024 every year 1 Jan – 31 Oct): plan years follow the application's year. */
class PlanYearsTest {

    private static Instant beijing(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(cn.chanjiao.kit.time.ChinaTime.ZONE).toInstant();
    }

    private static Programme stored(ProgrammeDefinition definition) {
        return new Programme(UUID.randomUUID(), 1, true, true, Instant.EPOCH, Instant.EPOCH, definition);
    }

    @Test
    void aShanxiCommunityAppliedForIn2025PlansTheYears2025To2027() {
        Programme programme = PlanYears.forApplication(stored(Presets.shanxiCommunity()), beijing("2025-03-01T10:00:00"));

        assertThat(programme.definition().planYears().years()).containsExactly(2025, 2026, 2027);
        TypeRules type = programme.definition().type(PlatformType.INDUSTRY_COMMUNITY).orElseThrow();
        assertThat(type.yearsOf(type.indicators().get(0), programme.definition().planYears()))
                .containsExactly(2025, 2026, 2027);
    }

    @Test
    void theNationalCommunityAppliedForInItsFirstYearKeeps2023To2025AndIn2024Plans2024To2026() {
        assertThat(PlanYears.forApplication(stored(Presets.nationalCommunity()), beijing("2023-09-01T10:00:00"))
                .definition().planYears().years()).containsExactly(2023, 2024, 2025);
        assertThat(PlanYears.forApplication(stored(Presets.nationalCommunity()), beijing("2024-01-01T00:00:00"))
                .definition().planYears().years()).containsExactly(2024, 2025, 2026);
    }

    @Test
    void aProgrammeWithOneRegistrationKeepsItsFixedPlanYearsAndBaseline() {
        Programme hangzhou = PlanYears.forApplication(stored(Presets.hangzhou()), beijing("2026-03-01T10:00:00"));
        Programme consortia = PlanYears.forApplication(stored(Presets.nationalConsortium()), beijing("2025-03-01T10:00:00"));

        assertThat(hangzhou.definition().planYears().years()).containsExactly(2024, 2025, 2026);
        assertThat(consortia.definition().planYears().years()).containsExactly(2023, 2024, 2025);
        assertThat(consortia.definition().type(PlatformType.CITY_CONSORTIUM).orElseThrow().baselineYear()).isEqualTo(2022);
    }

    @Test
    void shiftedRulesMoveTheBaselineAndEveryIndicatorsOwnYearsAlike() {
        TypeRules consortium = Presets.nationalConsortium().type(PlatformType.CITY_CONSORTIUM).orElseThrow();

        TypeRules moved = consortium.shiftedBy(2);

        assertThat(moved.baselineYear()).isEqualTo(2024);
        for (int i = 0; i < consortium.indicators().size(); i++) {
            List<Integer> before = consortium.indicators().get(i).years();
            assertThat(moved.indicators().get(i).years()).containsExactlyElementsOf(before.stream().map(y -> y + 2).toList());
        }
    }

    @Test
    void theFormRulesFollowThePlanYearsOfTheApplicationsYear() {
        ProgrammeDefinition in2025 = Presets.shanxiCommunity().forApplicationYear(2025);

        FormFixture fitting = FormFixture.valid(in2025, PlatformType.INDUSTRY_COMMUNITY);
        FormFixture planned2023 = FormFixture.valid(Presets.shanxiCommunity(), PlatformType.INDUSTRY_COMMUNITY);
        List<String> codes = FormRules.checkSubmission(in2025, in2025.type(PlatformType.INDUSTRY_COMMUNITY).orElseThrow(),
                planned2023.owner, planned2023.form, planned2023.attachments,
                id -> java.util.Optional.ofNullable(planned2023.organisations.get(id))).stream().map(v -> v.code()).toList();

        assertThat(fitting.codes()).isEmpty();
        assertThat(codes).contains("rule.plan.year", "rule.plan.missing");
    }
}
