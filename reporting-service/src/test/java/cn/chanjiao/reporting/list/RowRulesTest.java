package cn.chanjiao.reporting.list;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a list row, as entered by hand or read from a sheet. */
class RowRulesTest {

    @Test
    void aHeadcountIsAPositiveWholeNumberWithAnOptionalRen() {
        assertThat(RowRules.headcount(12, "12")).contains(12);
        assertThat(RowRules.headcount(12.0, "12.0")).contains(12);
        assertThat(RowRules.headcount("12人", "12人")).contains(12);
        assertThat(RowRules.headcount(0, "0")).isEmpty();
        assertThat(RowRules.headcount(-3, "-3")).isEmpty();
        assertThat(RowRules.headcount(2.5, "2.5")).isEmpty();
        assertThat(RowRules.headcount("若干", "若干")).isEmpty();
        assertThat(RowRules.headcount("99999999", "99999999")).isEmpty();
    }

    @Test
    void educationLevelsAreReadFromCodesNamesAndSynonyms() {
        assertThat(EducationLevel.parse("BACHELOR")).contains(EducationLevel.BACHELOR);
        assertThat(EducationLevel.parse("大专")).contains(EducationLevel.ASSOCIATE);
        assertThat(EducationLevel.parse("高职")).contains(EducationLevel.ASSOCIATE);
        assertThat(EducationLevel.parse("本科及以上")).contains(EducationLevel.BACHELOR);
        assertThat(EducationLevel.parse("硕士以上学历")).contains(EducationLevel.MASTER);
        assertThat(EducationLevel.parse("不限")).contains(EducationLevel.ANY);
        assertThat(EducationLevel.parse("幼儿园")).isEmpty();
    }

    @Test
    void datesAreReadInTheUsualChineseWaysAndTheEndMayNotPrecedeTheStart() {
        assertThat(RowRules.date("2025-03-01")).contains(LocalDate.of(2025, 3, 1));
        assertThat(RowRules.date("2025/3/1")).contains(LocalDate.of(2025, 3, 1));
        assertThat(RowRules.date("2025年3月1日")).contains(LocalDate.of(2025, 3, 1));
        assertThat(RowRules.date("2025-02-30")).isEmpty();
        Map<Field, Object> plan = new EnumMap<>(Field.class);
        plan.put(Field.START_ON, "2025-06-01");
        plan.put(Field.END_ON, "2025-05-01");
        plan.put(Field.UNIT_NAME, "某中学");
        plan.put(Field.SERVICE_TYPE, "培训");
        plan.put(Field.DESCRIPTION, "数控培训");
        plan.put(Field.HEADCOUNT, "40");
        assertThat(RowRules.check(ListKind.OPEN_SERVICE_PLAN, plan).errors())
                .extracting(RowRules.CellError::code).containsExactly("list.cell.endBeforeStart");
    }

    @Test
    void aPhoneIsDigitsWithSeparatorsOrAnEmailAddress() {
        Map<Field, Object> row = new EnumMap<>(Field.class);
        row.put(Field.UNIT_NAME, "太原重工");
        row.put(Field.DESCRIPTION, "需求");
        row.put(Field.CONTACT, "王工");
        for (String good : new String[] { "0351-1234567", "13800138000", "+86 351 1234567", "wang@tyhi.com.cn" }) {
            row.put(Field.PHONE, good);
            assertThat(RowRules.check(ListKind.TECH_DEMAND, row).ok()).as(good).isTrue();
        }
        for (String bad : new String[] { "王工办公室", "12345", "call me" }) {
            row.put(Field.PHONE, bad);
            assertThat(RowRules.check(ListKind.TECH_DEMAND, row).errors()).as(bad)
                    .extracting(RowRules.CellError::code).containsExactly("list.cell.phone");
        }
    }

    @Test
    void textsAreLimitedByCharactersAsAPersonCountsThem() {
        Map<Field, Object> row = new EnumMap<>(Field.class);
        row.put(Field.UNIT_NAME, "𠀀".repeat(200));
        row.put(Field.DESCRIPTION, "需求");
        row.put(Field.CONTACT, "王工");
        row.put(Field.PHONE, "0351-1234567");
        assertThat(RowRules.check(ListKind.TECH_DEMAND, row).ok()).isTrue();
        row.put(Field.UNIT_NAME, "𠀀".repeat(201));
        assertThat(RowRules.check(ListKind.TECH_DEMAND, row).errors()).extracting(RowRules.CellError::code)
                .containsExactly("list.cell.tooLong");
    }

    @Test
    void sheetHeadersAreComparedWithoutNotesOrSpaces() {
        assertThat(XlsxLists.normalise("起始时间 (年月日)")).isEqualTo("起始时间");
        assertThat(XlsxLists.normalise("服务项目类型（实习实训、培训、技术服务）")).isEqualTo("服务项目类型");
        assertThat(XlsxLists.normalise(" 需求\n人数 ")).isEqualTo("需求人数");
    }

    @Test
    void theCharacterPairsOfATextLeaveOutWhiteSpaceAndAreLowerCase() {
        assertThat(PublicSearch.bigrams("焊接 AB机")).containsExactly("焊接", "ab", "b机");
        assertThat(PublicSearch.bigrams("焊")).isEmpty();
    }
}
