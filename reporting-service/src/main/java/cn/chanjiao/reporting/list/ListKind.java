package cn.chanjiao.reporting.list;

import java.util.List;
import java.util.Set;

/**
 * The supply-demand lists with exactly the columns of their seed tables: the four of seed 000 annex 3
 * (communities; also used by consortia) and the practice centre's “two lists” and open-service plan of
 * seed 004 annex 3.1. Every table starts with 序号 (row number), which the service numbers itself.
 */
public enum ListKind {

    TALENT_DEMAND("行业人才需求清单", "Industry talent demand list", "人才需求情况", List.of(
            Column.text(Field.UNIT_NAME, "单位名称", "Unit", null, 200),
            Column.text(Field.DESCRIPTION, "需求说明", "Description of the need", "人才需求情况", 2000),
            Column.text(Field.MAJOR, "需求专业", "Majors needed", "人才需求情况", 200),
            Column.of(Field.EDUCATION_LEVEL, "学历层次", "Education level", "人才需求情况"),
            Column.of(Field.HEADCOUNT, "需求人数", "Headcount needed", "人才需求情况"),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    TALENT_SUPPLY("行业人才供给清单", "Industry talent supply list", "人才供给情况", List.of(
            Column.text(Field.UNIT_NAME, "单位名称", "Unit", null, 200),
            Column.text(Field.DESCRIPTION, "人才供给简介", "About the graduates offered", "人才供给情况", 2000),
            Column.text(Field.MAJOR, "专业分布", "Majors", "人才供给情况", 500),
            Column.of(Field.EDUCATION_LEVEL, "学历层次", "Education level", "人才供给情况"),
            Column.of(Field.HEADCOUNT, "供给人数", "Headcount offered", "人才供给情况"),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    TECH_DEMAND("行业技术需求清单", "Industry technology demand list", null, List.of(
            Column.text(Field.UNIT_NAME, "单位名称", "Unit", null, 200),
            Column.text(Field.DESCRIPTION, "技术服务需求", "Technical service needed", null, 2000),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    TECH_SUPPLY("行业技术供给清单", "Industry technology supply list", null, List.of(
            Column.text(Field.UNIT_NAME, "单位名称", "Unit", null, 200),
            Column.text(Field.DESCRIPTION, "可提供的技术服务简介", "Technical services offered", null, 2000),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    /** Practice centre: 实践中心培训项目清单 (first of the “two lists”, supply side). */
    TRAINING_SUPPLY("实践中心培训项目清单", "Practice centre training offers", null, List.of(
            Column.text(Field.DESCRIPTION, "可提供的培训项目简介", "Training programmes offered", null, 2000),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    /** Practice centre: 实践中心技术服务清单. */
    CENTRE_TECH_SUPPLY("实践中心技术服务清单", "Practice centre technical service offers", null, List.of(
            Column.text(Field.DESCRIPTION, "可提供的技术服务简介", "Technical services offered", null, 2000),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    /** Practice centre: 企业培训需求清单 (second of the “two lists”, demand side). */
    TRAINING_DEMAND("企业培训需求清单", "Enterprise training needs", null, List.of(
            Column.text(Field.UNIT_NAME, "企业名称", "Enterprise", null, 200),
            Column.text(Field.DESCRIPTION, "培训需求", "Training needed", null, 2000),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    /** Practice centre: 企业技术服务需求清单. */
    ENTERPRISE_TECH_DEMAND("企业技术服务需求清单", "Enterprise technical service needs", null, List.of(
            Column.text(Field.UNIT_NAME, "企业名称", "Enterprise", null, 200),
            Column.text(Field.DESCRIPTION, "技术服务需求", "Technical service needed", null, 2000),
            Column.text(Field.CONTACT, "联系人", "Contact", null, 50),
            Column.of(Field.PHONE, "联系方式", "Phone", null))),

    /** Practice centre: 对外开放服务计划. */
    OPEN_SERVICE_PLAN("对外开放服务计划", "Open-service plan", null, List.of(
            Column.of(Field.START_ON, "起始时间", "Start (date)", null),
            Column.of(Field.END_ON, "结束时间", "End (date)", null),
            Column.text(Field.UNIT_NAME, "服务单位名称", "Unit served", null, 200),
            Column.of(Field.SERVICE_TYPE, "服务项目类型", "Service type", null),
            Column.text(Field.DESCRIPTION, "服务项目内容", "Content of the service", null, 2000),
            Column.of(Field.HEADCOUNT, "服务人数", "People served", null)));

    static final Set<ListKind> COMMUNITY = Set.of(TALENT_DEMAND, TALENT_SUPPLY, TECH_DEMAND, TECH_SUPPLY);
    static final Set<ListKind> PRACTICE_CENTRE = Set.of(TRAINING_SUPPLY, CENTRE_TECH_SUPPLY, TRAINING_DEMAND,
            ENTERPRISE_TECH_DEMAND, OPEN_SERVICE_PLAN);
    /** Technology demands a member organisation may undertake (承接). */
    public static final Set<ListKind> TECH_DEMANDS = Set.of(TECH_DEMAND, ENTERPRISE_TECH_DEMAND);

    private final String titleZh;
    private final String titleEn;
    private final String group;
    private final List<Column> columns;

    ListKind(String titleZh, String titleEn, String group, List<Column> columns) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.group = group;
        this.columns = columns;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    /** The seed's grouping header over some columns (人才需求情况), or null. */
    public String group() {
        return group;
    }

    /** The columns after 序号, in the seed's order. */
    public List<Column> columns() {
        return columns;
    }

    public boolean has(Field field) {
        return columns.stream().anyMatch(c -> c.field() == field);
    }

    /** Which kinds of list a platform type keeps. */
    public static Set<ListKind> forPlatformType(String platformType) {
        return platformType != null && platformType.startsWith("PRACTICE_CENTER") ? PRACTICE_CENTRE : COMMUNITY;
    }

    /** The kinds whose rows answer this kind's rows in matching (demand ↔ supply). */
    public Set<ListKind> counterparts() {
        return switch (this) {
            case TALENT_DEMAND -> Set.of(TALENT_SUPPLY);
            case TALENT_SUPPLY -> Set.of(TALENT_DEMAND);
            case TECH_DEMAND, ENTERPRISE_TECH_DEMAND -> Set.of(TECH_SUPPLY, CENTRE_TECH_SUPPLY);
            case TECH_SUPPLY, CENTRE_TECH_SUPPLY -> Set.of(TECH_DEMAND, ENTERPRISE_TECH_DEMAND);
            case TRAINING_DEMAND -> Set.of(TRAINING_SUPPLY);
            case TRAINING_SUPPLY -> Set.of(TRAINING_DEMAND);
            case OPEN_SERVICE_PLAN -> Set.of();
        };
    }

    /**
     * One column of a seed table.
     *
     * @param group the seed's grouping header above it, or null
     * @param maxLength the character limit of a text column (0 for typed columns)
     */
    public record Column(Field field, String headerZh, String headerEn, String group, int maxLength) {

        static Column text(Field field, String headerZh, String headerEn, String group, int maxLength) {
            return new Column(field, headerZh, headerEn, group, maxLength);
        }

        static Column of(Field field, String headerZh, String headerEn, String group) {
            return new Column(field, headerZh, headerEn, group, 0);
        }
    }
}
