package cn.chanjiao.application.programme;

import cn.chanjiao.kit.web.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The programme rules of issue 5: a route that selects, quotas someone can apply, a sheet with weights. */
class ReviewRulesTest {

    private static List<String> codesAfter(Consumer<ObjectNode> change) {
        ObjectNode tree = Presets.JSON.valueToTree(Presets.nationalConsortium());
        change.accept((ObjectNode) tree.path("platformTypes").get(0));
        ProgrammeDefinition changed = Presets.JSON.treeToValue(tree, ProgrammeDefinition.class);
        return ProgrammeRules.check(changed).stream().map(Violation::code).toList();
    }

    @Test
    void theConsortiumPresetPasses() {
        assertThat(codesAfter(type -> { })).isEmpty();
    }

    @Test
    void anObservationPointWithoutPointsAndADeductionItemWithoutItsMaximumAreRefused() {
        assertThat(codesAfter(type -> {
            ((ObjectNode) type.path("scoringSheet").get(0).path("observationPoints").get(0)).remove("maxScore");
            ((ObjectNode) type.path("scoringSheet").get(6)).remove("maxDeduction");
        })).containsExactlyInAnyOrder("programme.scoring.weight", "programme.scoring.deduction");
    }

    @Test
    void aQuotaPerRecommendingAuthorityNeedsARecommendingStageAndARouteNeedsASelectingStage() {
        assertThat(codesAfter(type -> type.withArray("reviewRoute").remove(0))).contains("programme.quota.noRecommender");
        assertThat(codesAfter(type -> {
            type.withArray("reviewRoute").remove(2);
            type.withArray("reviewRoute").remove(1);
        })).contains("programme.route.noSelection");
    }
}
