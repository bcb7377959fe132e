package cn.chanjiao.application.programme;

import cn.chanjiao.application.programme.ReviewRoutes.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route of DESIGN §2 as it applies to an application of each preset type. */
class ReviewRoutesTest {

    private static List<String> route(ProgrammeDefinition programme, PlatformType type, String region, Set<String> attributes) {
        return ReviewRoutes.route(programme.type(type).orElseThrow(), region, attributes).stream()
                .map(s -> s.code() + "@" + s.authorityCode() + "/" + s.department()).toList();
    }

    @Test
    void hangzhouRoutesEachTypeThroughItsDistrictDepartmentToItsCityDepartment() {
        ProgrammeDefinition hangzhou = Presets.hangzhou();

        assertThat(route(hangzhou, PlatformType.CITY_CONSORTIUM, "330106", Set.of()))
                .startsWith("PRELIMINARY_REVIEW@330106/development-reform", "EXPERT_REVIEW@330100/development-reform");
        assertThat(route(hangzhou, PlatformType.INDUSTRY_COMMUNITY, "330106", Set.of()))
                .startsWith("PRELIMINARY_REVIEW@330106/industry-it", "EXPERT_REVIEW@330100/industry-it");
        assertThat(route(hangzhou, PlatformType.PRACTICE_CENTER_SCHOOL, "330106", Set.of()))
                .startsWith("PRELIMINARY_REVIEW@330106/education", "EXPERT_REVIEW@330100/education");
        assertThat(route(hangzhou, PlatformType.PRACTICE_CENTER_PUBLIC, "330106", Set.of()))
                .startsWith("PRELIMINARY_REVIEW@330106/development-reform", "EXPERT_REVIEW@330100/education");
        assertThat(route(hangzhou, PlatformType.PRACTICE_CENTER_ENTERPRISE, "330106", Set.of()))
                .startsWith("PRELIMINARY_REVIEW@330106/industry-it", "EXPERT_REVIEW@330100/industry-it");
    }

    @Test
    void aNationalCommunityGoesThroughItsProvinceEducationDepartmentUnlessLedByACentralSoe() {
        ProgrammeDefinition national = Presets.nationalCommunity();

        assertThat(route(national, PlatformType.INDUSTRY_COMMUNITY, "140000", Set.of()))
                .containsExactly("PRELIMINARY_REVIEW@140000/education", "EXPERT_REVIEW@100000/education");
        assertThat(route(national, PlatformType.INDUSTRY_COMMUNITY, "110000", Set.of("centralSoe")))
                .containsExactly("EXPERT_REVIEW@100000/education");
    }

    @Test
    void cityConsortiaAreRecommendedByTheirProvinceThenSelectedByTheMinistry() {
        List<Stage> stages = ReviewRoutes.route(Presets.nationalConsortium().type(PlatformType.CITY_CONSORTIUM)
                .orElseThrow(), "410000", Set.of());

        assertThat(ReviewRoutes.deskStages(stages)).extracting(Stage::code).containsExactly("RECOMMENDATION");
        assertThat(ReviewRoutes.selectionStage(stages)).get().extracting(Stage::authorityCode).isEqualTo("100000");
        assertThat(ReviewRoutes.deskStages(stages).get(0).authorityCode()).isEqualTo("410000");
    }

    @Test
    void shanxiHasNoDeskStageAndItsExpertStageAvoidsTheSameCity() {
        List<Stage> stages = ReviewRoutes.route(Presets.shanxiCommunity().type(PlatformType.INDUSTRY_COMMUNITY)
                .orElseThrow(), "140000", Set.of());

        assertThat(ReviewRoutes.deskStages(stages)).isEmpty();
        assertThat(stages).extracting(Stage::code).containsExactly("EXPERT_REVIEW", "MEETING_REVIEW", "SITE_VISIT");
        assertThat(stages.get(0).stage().avoidSameCity()).isTrue();
    }

    @Test
    void aStageWhoseAuthorityComesFromTheRegionHasNoneUntilTheFormNamesOne() {
        assertThat(ReviewRoutes.route(Presets.hangzhou().type(PlatformType.CITY_CONSORTIUM).orElseThrow(), null, Set.of())
                .get(0).authorityCode()).isNull();
    }
}
