package cn.chanjiao.reporting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outlines' headings as each kind of platform reads them. */
class ReportKindTest {

    @Test
    void aCityConsortiumsAnnualSummarySpeaksOfTheConsortiumNotOfACommunity() {
        // found by deploy/scenario: the national city consortia (seed 003) approved by the ministry got the
        // community's headings (共同体简介, 共同体年度运行情况) for their annual summary
        var sections = ReportKind.ANNUAL_SUMMARY.sections();

        assertThat(sections).extracting(s -> s.titleZh("CITY_CONSORTIUM"))
                .contains("联合体简介", "联合体年度运行情况").noneMatch(title -> title.contains("共同体"));
        assertThat(sections).extracting(s -> s.titleZh("INDUSTRY_COMMUNITY"))
                .contains("共同体简介", "共同体年度运行情况", "年度典型建设案例");
        assertThat(ReportKind.ANNUAL_WORK_PLAN.sections()).extracting(s -> s.titleZh("CITY_CONSORTIUM"))
                .containsExactly("年度工作目标", "重点任务及举措", "进度安排", "保障措施");
    }
}
