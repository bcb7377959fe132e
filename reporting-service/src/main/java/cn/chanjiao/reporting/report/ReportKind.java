package cn.chanjiao.reporting.report;

import java.util.List;
import java.util.Optional;

/**
 * The yearly reports a platform owes, each a structured document following its seed outline: the
 * outline's headings are its sections, each with a character limit (counted as a person counts,
 * see {@link cn.chanjiao.kit.text.CharacterCount}); {@code totalLimit} bounds the whole text
 * where the seed does (annual summary: “不超过 5000 字”). Seeds: 000 annexes 1, 2, 3, 5 (communities),
 * 004 annexes 3.1 and 3.2 (practice centres). The seeds give no outline for the communities' annual work
 * plan; its sections are the usual ones of a Chinese 年度工作计划 and are marked so in the README.
 */
public enum ReportKind {

    ANNUAL_WORK_PLAN("年度工作计划", "Annual work plan", 0, true, true, List.of(
            new Section("GOALS", "年度工作目标", "Goals of the year", 2000, true),
            new Section("KEY_TASKS", "重点任务及举措", "Key tasks and measures", 5000, true),
            new Section("SCHEDULE", "进度安排", "Schedule", 2000, true),
            new Section("SAFEGUARDS", "保障措施", "Safeguards", 2000, false))),

    /** Seed 000 annex 1 / seed 004 annex 2.1. */
    INDUSTRY_ANALYSIS("行业发展分析报告", "Industry development analysis report", 0, true, true, List.of(
            new Section("INDUSTRY_PROFILE", "行业简介", "Industry profile", 3000, true),
            new Section("CURRENT_STATE", "行业发展现状", "Current state of the industry", 8000, true),
            new Section("TRENDS", "行业发展趋势", "Trends of the industry", 8000, true))),

    /** Seed 000 annex 2 / seed 004 annex 2.2. */
    TALENT_FORECAST("行业人才需求预测报告", "Talent demand forecast report", 0, true, true, List.of(
            new Section("SURVEY", "开展调研情况", "Survey carried out", 3000, true),
            new Section("DATA_ANALYSIS", "调研数据分析", "Analysis of the survey data", 8000, true),
            new Section("CONCLUSIONS", "分析结论及建议", "Conclusions and recommendations", 3000, true))),

    /**
     * Seed 000 annex 3: the four supply-demand lists are rows of their own (see the lists API);
     * this obligation is met by submitting once the year's four lists are published.
     */
    SUPPLY_DEMAND_LISTS("行业人才、技术供需清单", "Talent and technology supply-demand lists", 0, false, false, List.of(
            new Section("NOTE", "编制说明", "Notes on compiling the lists", 2000, false))),

    /** Seed 000 annex 5 / seed 004 annex 2.4: 不超过 5000 字. */
    ANNUAL_SUMMARY("年度总结报告", "Annual summary report", 5000, true, false, List.of(
            new Section("PROFILE", "共同体简介", "Profile of the platform", 5000, true),
            new Section("OPERATION", "共同体年度运行情况", "Operation during the year", 5000, true),
            new Section("DIFFICULTIES", "运行中遇到的困难和问题", "Difficulties and problems", 5000, true),
            new Section("NEXT_STEPS", "下一步工作思路和举措", "Next steps and measures", 5000, true),
            new Section("CASES", "年度典型建设案例", "Typical cases of the year", 5000, true))),

    /** Seed 004 annex 3.1, with the “two lists” and the open-service plan as list rows. */
    OPERATION_PLAN("实践中心年度开放运营计划", "Practice centre annual open operation plan", 0, true, true, List.of(
            new Section("ORGANISATION", "机构建设情况", "Governance (council or user committee, annual meeting)", 3000, true),
            new Section("TWO_LISTS", "“两张清单”编制情况", "How the two lists were compiled", 3000, true),
            new Section("OPEN_SERVICE_PLAN", "对外开放服务计划", "Open-service plan", 3000, true))),

    /** Seed 004 annex 3.2. */
    OPERATION_REPORT("实践中心年度运营报告", "Practice centre annual operation report", 0, true, true, List.of(
            new Section("PROFILE", "实践中心简介", "Profile of the practice centre", 3000, true),
            new Section("OVERALL", "年度运营总体情况", "Operation overall", 5000, true),
            new Section("INTERNSHIPS", "开展对外学生实习实训情况", "Internships and practical training for outside students", 5000, true),
            new Section("COURSES", "实训课程和教材开发情况", "Training courses and materials developed", 5000, true),
            new Section("ENTERPRISE_TRAINING", "面向企业开展培训情况", "Training for enterprises", 5000, true),
            new Section("TECH_SERVICES", "开展产品中试、工艺改进、技术研发等技术服务情况",
                    "Technical services (pilot production, process improvement, R&D)", 5000, true),
            new Section("CASES", "年度成果典型案例", "Typical results of the year", 5000, true)));

    private final String titleZh;
    private final String titleEn;
    private final int totalLimit;
    private final boolean stampedPdfRequired;
    private final boolean publishable;
    private final List<Section> sections;

    ReportKind(String titleZh, String titleEn, int totalLimit, boolean stampedPdfRequired, boolean publishable,
            List<Section> sections) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.totalLimit = totalLimit;
        this.stampedPdfRequired = stampedPdfRequired;
        this.publishable = publishable;
        this.sections = sections;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    /** The limit of the whole text, 0 for none. */
    public int totalLimit() {
        return totalLimit;
    }

    public boolean stampedPdfRequired() {
        return stampedPdfRequired;
    }

    /** Whether an accepted report of this kind may be published to the public. */
    public boolean publishable() {
        return publishable;
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** One heading of the outline. */
    public record Section(String code, String titleZh, String titleEn, int limit, boolean required) {

        /**
         * The heading as a platform of {@code platformType} reads it: the seeds' outlines name the community
         * (共同体, seed 000 annex 5 / seed 004 annex 2.4); a city consortium's report says 联合体 (市域产教联合体).
         */
        public String titleZh(String platformType) {
            return "CITY_CONSORTIUM".equals(platformType) ? titleZh.replace("共同体", "联合体") : titleZh;
        }
    }
}
