package cn.chanjiao.application.programme;

/** The kinds of industry–education integration platform a programme may accept (DESIGN §2). */
public enum PlatformType {
    /** 行业产教融合共同体 */
    INDUSTRY_COMMUNITY,
    /** 市域产教联合体 */
    CITY_CONSORTIUM,
    /** 开放型区域产教融合实践中心 — 学校实践中心 */
    PRACTICE_CENTER_SCHOOL,
    /** 开放型区域产教融合实践中心 — 公共实践中心 */
    PRACTICE_CENTER_PUBLIC,
    /** 开放型区域产教融合实践中心 — 企业实践中心 */
    PRACTICE_CENTER_ENTERPRISE
}
