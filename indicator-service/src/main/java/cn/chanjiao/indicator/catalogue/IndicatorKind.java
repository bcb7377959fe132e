package cn.chanjiao.indicator.catalogue;

/** Where an indicator's value comes from. */
public enum IndicatorKind {
    /** In the plan table of the application form: it has targets per year (from {@code PlatformApproved}). */
    PLANNED,
    /** Monitored and entered by the platform each year, without a target. */
    COLLECTED,
    /** Computed from events and data (reports, tech demands, members); never entered. */
    DERIVED;

    public boolean entered() {
        return this != DERIVED;
    }
}
