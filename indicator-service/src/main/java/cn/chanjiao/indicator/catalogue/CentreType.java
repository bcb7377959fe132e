package cn.chanjiao.indicator.catalogue;

/**
 * The four kinds of open regional practice centre whose key indicators differ (seed 004 annex 3 §五):
 * school centres built by a secondary or a higher vocational school, public and enterprise centres.
 */
public enum CentreType {
    SECONDARY_VOCATIONAL_SCHOOL,
    HIGHER_VOCATIONAL_SCHOOL,
    PUBLIC,
    ENTERPRISE;

    /** The centre type a platform type fixes, or null where the building school decides (school centres). */
    public static CentreType fixedBy(String platformType) {
        return switch (platformType) {
            case "PRACTICE_CENTER_PUBLIC" -> PUBLIC;
            case "PRACTICE_CENTER_ENTERPRISE" -> ENTERPRISE;
            default -> null;
        };
    }
}
