package cn.chanjiao.indicator.catalogue;

import java.math.BigDecimal;

/**
 * What kind of number an indicator holds (issue 7 §1). Counts are whole numbers; money is in
 * 10,000 CNY (万元) or 100 million CNY (亿元); percentages lie between 0 and 100.
 */
public enum ValueType {
    COUNT(true, null),
    MONEY_10K_CNY(false, null),
    MONEY_100M_CNY(false, null),
    PERCENT(false, BigDecimal.valueOf(100)),
    PERSON_MONTHS(false, null),
    PERSON_DAYS(true, null),
    HOURS(true, null),
    AREA_M2(false, null);

    private final boolean integer;
    private final BigDecimal max;

    ValueType(boolean integer, BigDecimal max) {
        this.integer = integer;
        this.max = max;
    }

    /** Whether only whole numbers are valid. */
    public boolean integer() {
        return integer;
    }

    /** The largest valid value, or null for none (all types are non-negative). */
    public BigDecimal max() {
        return max;
    }
}
