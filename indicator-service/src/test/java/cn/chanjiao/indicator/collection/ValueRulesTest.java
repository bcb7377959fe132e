package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.CatalogueFiles;
import cn.chanjiao.indicator.web.Violation;
import jakarta.validation.Validation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ValueRulesTest {

    private static Catalogue.TypeCatalogue community;
    private static Catalogue.TypeCatalogue consortium;
    private static Catalogue.TypeCatalogue practiceCentre;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    @BeforeAll
    static void read() {
        List<Catalogue> catalogues = CatalogueFiles.read(JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator());
        community = type(catalogues, "SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY");
        consortium = type(catalogues, "MOE-CITY-CONSORTIUM-2023", "CITY_CONSORTIUM");
        practiceCentre = type(catalogues, "HZ-PLATFORMS-2024", "PRACTICE_CENTER_SCHOOL");
    }

    @Test
    void acceptsCountsMoneyAndPercentagesInRangeAndNullToRemove() {
        ValueRules.Checked checked = ValueRules.check(consortium, List.of(entry("SHARED_MAJORS", NODES.numberNode(12)),
                entry("RESEARCH_FUNDS_RECEIVED", NODES.numberNode(new BigDecimal("123.45"))),
                entry("EMPLOYMENT_RATE", NODES.stringNode("98.5")), entry("APPRENTICE_POST_RATIO", NODES.numberNode(100)),
                entry("TEACHER_ENTERPRISE_PRACTICE", NODES.numberNode(new BigDecimal("30.5"))),
                entry("SHARED_COURSES", NODES.nullNode())));
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.values()).extracting(StoredValue::value).containsExactly(new BigDecimal("12"),
                new BigDecimal("123.45"), new BigDecimal("98.5"), new BigDecimal("100"), new BigDecimal("30.5"), null);
    }

    @Test
    void namesEachBadValueWithItsFieldAndRule() {
        ValueRules.Checked checked = ValueRules.check(community, List.of(entry("CORE_COURSES", NODES.numberNode(-1)),
                entry("ORDER_TRAINING", NODES.numberNode(new BigDecimal("2.5"))), entry("NOT_A_CODE", NODES.numberNode(1)),
                entry("TEACHING_EQUIPMENT", NODES.stringNode("许多")), entry("MEMBER_COUNT", NODES.numberNode(3)),
                entry("CORE_COURSES", NODES.numberNode(4)), entry("INNOVATION_CENTER_FUNDING", NODES.numberNode(new BigDecimal("1.23456"))),
                entry("PRACTICE_PROJECTS", NODES.booleanNode(true)), entry(null, NODES.numberNode(1)),
                entry("TEACHERS_IN_ENTERPRISE", NODES.numberNode(new BigDecimal("1e13")))));
        assertThat(checked.errors()).extracting(Violation::field, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("values[0].value", "value.negative"),
                org.assertj.core.groups.Tuple.tuple("values[1].value", "value.notInteger"),
                org.assertj.core.groups.Tuple.tuple("values[2].code", "value.unknownCode"),
                org.assertj.core.groups.Tuple.tuple("values[3].value", "value.notANumber"),
                org.assertj.core.groups.Tuple.tuple("values[4].code", "value.derived"),
                org.assertj.core.groups.Tuple.tuple("values[5].code", "value.duplicate"),
                org.assertj.core.groups.Tuple.tuple("values[6].value", "value.tooPrecise"),
                org.assertj.core.groups.Tuple.tuple("values[7].value", "value.notANumber"),
                org.assertj.core.groups.Tuple.tuple("values[8].code", "value.codeRequired"),
                org.assertj.core.groups.Tuple.tuple("values[9].value", "value.tooLarge"));
    }

    @Test
    void aPercentageAboveOneHundredIsAnError() {
        ValueRules.Checked checked = ValueRules.check(consortium, List.of(entry("EMPLOYMENT_RATE", NODES.numberNode(100.5))));
        assertThat(checked.errors()).extracting(Violation::code).containsExactly("value.percentRange");
    }

    @Test
    void evidenceNeedsAnAttachmentOrAnAddressAndNotesHaveALimit() {
        SaveValuesRequest.Entry noReference = new SaveValuesRequest.Entry("CORE_COURSES", NODES.numberNode(1),
                List.of(new StoredValue.Evidence(null, "说明.pdf", null)), null);
        SaveValuesRequest.Entry longNote = new SaveValuesRequest.Entry("PRACTICE_PROJECTS", NODES.numberNode(1),
                List.of(new StoredValue.Evidence("att-1", "课程清单.pdf", null)), "很".repeat(501));
        List<StoredValue.Evidence> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(new StoredValue.Evidence("att-" + i, null, null));
        }
        SaveValuesRequest.Entry tooMany = new SaveValuesRequest.Entry("TEACHING_EQUIPMENT", NODES.numberNode(1), many, null);
        assertThat(ValueRules.check(community, List.of(noReference, longNote, tooMany)).errors()).extracting(Violation::code)
                .containsExactly("value.badEvidence", "value.noteTooLong", "value.tooManyEvidence");
    }

    @Test
    void warnsOfATenfoldJumpAgainstThePreviousYearInEitherDirection() {
        List<Violation> warnings = ValueRules.plausibility(community, Set.of("CORE_COURSES", "ORDER_TRAINING", "PRACTICE_PROJECTS"),
                Map.of("CORE_COURSES", new BigDecimal("101"), "ORDER_TRAINING", new BigDecimal("2"), "PRACTICE_PROJECTS", new BigDecimal("100")),
                Map.of("CORE_COURSES", new BigDecimal("10"), "ORDER_TRAINING", new BigDecimal("30"), "PRACTICE_PROJECTS", new BigDecimal("10")),
                Map.of(), TEN, THREE);
        assertThat(warnings).extracting(Violation::indicatorCode, Violation::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ORDER_TRAINING", "warning.jumpDown"),
                org.assertj.core.groups.Tuple.tuple("CORE_COURSES", "warning.jumpUp"));
    }

    @Test
    void warnsOfValuesFarOffTheirTarget() {
        List<Violation> warnings = ValueRules.plausibility(community, Set.of("CORE_COURSES", "ORDER_TRAINING", "PRACTICE_PROJECTS"),
                Map.of("CORE_COURSES", new BigDecimal("31"), "ORDER_TRAINING", new BigDecimal("3"), "PRACTICE_PROJECTS", new BigDecimal("10")),
                Map.of(), Map.of("CORE_COURSES", TEN, "ORDER_TRAINING", TEN, "PRACTICE_PROJECTS", TEN), TEN, THREE);
        assertThat(warnings).extracting(Violation::indicatorCode, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CORE_COURSES", "warning.farAboveTarget"),
                org.assertj.core.groups.Tuple.tuple("ORDER_TRAINING", "warning.farBelowTarget"));
    }

    @Test
    void warnsWhenPartsDoNotAddUpOrExceedTheirWhole() {
        List<Violation> warnings = ValueRules.plausibility(practiceCentre, Set.of("TOTAL_INVESTMENT", "SENIOR_TITLE_STAFF"),
                Map.of("TOTAL_INVESTMENT", new BigDecimal("100"), "EQUIPMENT_INVESTMENT", new BigDecimal("50"),
                        "SITE_INVESTMENT", new BigDecimal("30"), "OTHER_INVESTMENT", new BigDecimal("10"),
                        "TECHNICAL_STAFF", new BigDecimal("10"), "SENIOR_TITLE_STAFF", new BigDecimal("12")),
                Map.of(), Map.of(), TEN, THREE);
        assertThat(warnings).extracting(Violation::code).containsExactlyInAnyOrder("warning.sumMismatch", "warning.partExceedsWhole");
    }

    private static SaveValuesRequest.Entry entry(String code, JsonNode value) {
        return new SaveValuesRequest.Entry(code, value, null, null);
    }

    private static Catalogue.TypeCatalogue type(List<Catalogue> catalogues, String programme, String type) {
        return catalogues.stream().filter(catalogue -> catalogue.programme().code().equals(programme)).findFirst()
                .orElseThrow().type(type).orElseThrow();
    }
}
