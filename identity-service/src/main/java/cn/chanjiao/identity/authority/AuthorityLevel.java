package cn.chanjiao.identity.authority;

/** Levels of the jurisdiction tree. */
public enum AuthorityLevel {
    NATIONAL, PROVINCE, CITY, DISTRICT
}
