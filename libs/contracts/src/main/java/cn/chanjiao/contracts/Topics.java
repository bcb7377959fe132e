package cn.chanjiao.contracts;

import java.util.List;

/** Kafka topics, one per producer and aggregate: {@code <producer>.<aggregate>.v<N>}. */
public final class Topics {

    public static final String IDENTITY_ORGANISATION = "identity.organisation.v1";
    public static final String APPLICATION_LIFECYCLE = "application.lifecycle.v1";
    public static final String APPLICATION_SCHEDULE = "application.schedule.v1";
    public static final String REPORTING = "reporting.v1";
    public static final String INDICATOR = "indicator.v1";
    public static final String NOTIFICATION = "notification.v1";

    /** Every topic the platform uses, for operators who create topics up front. */
    public static final List<String> ALL = List.of(IDENTITY_ORGANISATION, APPLICATION_LIFECYCLE,
            APPLICATION_SCHEDULE, REPORTING, INDICATOR, NOTIFICATION);

    private Topics() {
    }
}
