package cn.chanjiao.indicator.results;

/** What an assessment is for: the yearly one (年度考核/年度检查), the first consortia's acceptance (验收), the last plan year's (期满考核). */
public enum AssessmentKind {
    YEARLY, ACCEPTANCE, END_OF_TERM
}
