package cn.chanjiao.reporting.matching;

import cn.chanjiao.reporting.list.EducationLevel;
import cn.chanjiao.reporting.list.ListKind;
import cn.chanjiao.reporting.list.ListRow;
import cn.chanjiao.reporting.list.RowValues;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The matching score on a small labelled set: for each source row, candidates graded by hand (3 = what a
 * placement officer would offer first … 0 = not a match); the score must rank them in grade order.
 */
class MatchScorerTest {

    static final Instant NOW = Instant.parse("2025-04-01T02:00:00Z");
    private final MatchScorer scorer = new MatchScorer(new MajorCatalogue());

    @Test
    void aCncDemandInTaiyuanRanksTalentSuppliesInTheOrderOfTheirGrades() {
        ListRow demand = talent(ListKind.TALENT_DEMAND, "140105", "数控技术", EducationLevel.ASSOCIATE, 10, 0);
        Map<String, ListRow> graded = Map.of(
                "A exact major, same level, same city, enough people", talent(ListKind.TALENT_SUPPLY, "140105", "数控技术、模具设计与制造", EducationLevel.ASSOCIATE, 12, 5),
                "B same category, same level, same province", talent(ListKind.TALENT_SUPPLY, "140202", "机电一体化技术", EducationLevel.ASSOCIATE, 10, 5),
                "C same category, one level above, other province, half the people", talent(ListKind.TALENT_SUPPLY, "330106", "工业机器人技术", EducationLevel.BACHELOR, 5, 5),
                "D related category, same city", talent(ListKind.TALENT_SUPPLY, "140105", "软件技术", EducationLevel.ASSOCIATE, 20, 5),
                "E unrelated major though near and plentiful", talent(ListKind.TALENT_SUPPLY, "140105", "护理", EducationLevel.ASSOCIATE, 30, 5));

        List<String> ranked = rank(demand, graded);

        assertThat(ranked).containsExactly("A exact major, same level, same city, enough people",
                "B same category, same level, same province", "C same category, one level above, other province, half the people",
                "D related category, same city", "E unrelated major though near and plentiful");
    }

    @Test
    void theScoreFollowsTheDocumentedFormula() {
        ListRow demand = talent(ListKind.TALENT_DEMAND, "140105", "数控技术", EducationLevel.ASSOCIATE, 10, 0);

        MatchScorer.Scored best = scorer.score(demand, talent(ListKind.TALENT_SUPPLY, "140105", "数控技术", EducationLevel.ASSOCIATE, 12, 0), NOW);
        MatchScorer.Scored category = scorer.score(demand, talent(ListKind.TALENT_SUPPLY, "140202", "机电一体化技术", EducationLevel.BACHELOR, 5, 73), NOW);
        MatchScorer.Scored unrelated = scorer.score(demand, talent(ListKind.TALENT_SUPPLY, "140105", "护理", EducationLevel.ASSOCIATE, 30, 0), NOW);

        assertThat(best.score()).isEqualTo(100.0);
        // 30 + 14 + 8 + 10 × 5/10 + 10 × (1 − 73/365)
        assertThat(category.score()).isCloseTo(30 + 14 + 8 + 5 + 8, within(0.05));
        // 0 + 0.25 × (20 + 15 + 10 + 10)
        assertThat(unrelated.score()).isCloseTo(13.8, within(0.05));
        assertThat(category.reasons()).extracting(MatchScorer.Reason::code).containsExactly("match.major.category",
                "match.education.above", "match.region.province", "match.headcount", "match.recency");
        assertThat(category.reasons().get(0).args()).containsExactly("数控技术", "机电一体化技术", "装备制造大类");
    }

    @Test
    void aSupplyLooksForDemandsWithTheDemandsSideOfTheFormula() {
        ListRow supply = talent(ListKind.TALENT_SUPPLY, "140105", "数控技术", EducationLevel.BACHELOR, 3, 0);
        ListRow demand = talent(ListKind.TALENT_DEMAND, "140105", "数控技术", EducationLevel.ASSOCIATE, 6, 0);

        MatchScorer.Scored scored = scorer.score(supply, demand, NOW);

        // 45 + 14 (bachelor for an associate minimum) + 15 + 10 × 3/6 + 10
        assertThat(scored.score()).isEqualTo(89.0);
    }

    @Test
    void aWeldingRobotVisionDemandRanksTechSuppliesByWhatTheyOfferThenByNearness() {
        ListRow demand = tech(ListKind.TECH_DEMAND, "140105", "焊接机器人视觉检测技术攻关", 0);
        Map<String, ListRow> graded = Map.of(
                "A offers the very thing in the same city", tech(ListKind.TECH_SUPPLY, "140105", "提供焊接机器人视觉检测与工艺优化服务", 10),
                "B offers most of it far away", tech(ListKind.TECH_SUPPLY, "330106", "机器人视觉检测系统开发", 10),
                "C offers a part of it nearby", tech(ListKind.CENTRE_TECH_SUPPLY, "140105", "焊接工艺评定与焊工培训", 10),
                "D offers something else next door", tech(ListKind.TECH_SUPPLY, "140105", "财务咨询与税务筹划", 0));

        assertThat(rank(demand, graded)).containsExactly("A offers the very thing in the same city",
                "B offers most of it far away", "C offers a part of it nearby", "D offers something else next door");
    }

    @Test
    void majorsMatchExactlyIgnoringATrailingZhuanyeAndByKeywordWhenNotInTheCatalogue() {
        assertThat(scorer.major("数控技术专业", "数控技术").code()).isEqualTo("match.major.exact");
        assertThat(scorer.major("焊接机器人编程", "数控技术").code()).isEqualTo("match.major.category");
        assertThat(scorer.major("大数据与会计", "电子商务").code()).isEqualTo("match.major.category");
        assertThat(scorer.major("护理", "数控技术").code()).isEqualTo("match.major.none");
    }

    @Test
    void educationLevelsAreComparedByRankWithAnyMatchingEverything() {
        assertThat(MatchScorer.education(EducationLevel.BACHELOR, EducationLevel.BACHELOR).points()).isEqualTo(20);
        assertThat(MatchScorer.education(EducationLevel.ASSOCIATE, EducationLevel.MASTER).points()).isEqualTo(8);
        assertThat(MatchScorer.education(EducationLevel.BACHELOR, EducationLevel.ASSOCIATE).points()).isEqualTo(6);
        assertThat(MatchScorer.education(EducationLevel.MASTER, EducationLevel.SECONDARY).points()).isZero();
        assertThat(MatchScorer.education(EducationLevel.ANY, EducationLevel.SECONDARY).points()).isEqualTo(20);
    }

    private List<String> rank(ListRow source, Map<String, ListRow> graded) {
        return graded.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, ListRow> e) -> scorer.score(source, e.getValue(), NOW).score())
                        .reversed())
                .map(Map.Entry::getKey).toList();
    }

    static ListRow talent(ListKind kind, String region, String major, EducationLevel level, int headcount, int daysAgo) {
        return new ListRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), kind, 2025, region, null, 1,
                new RowValues("单位", "说明", major, level, headcount, "联系人", "13800138000", null, null, null), true,
                NOW.minus(Duration.ofDays(daysAgo)));
    }

    static ListRow tech(ListKind kind, String region, String description, int daysAgo) {
        return new ListRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), kind, 2025, region, null, 1,
                new RowValues("单位", description, null, null, null, "联系人", "13800138000", null, null, null), true,
                NOW.minus(Duration.ofDays(daysAgo)));
    }
}
