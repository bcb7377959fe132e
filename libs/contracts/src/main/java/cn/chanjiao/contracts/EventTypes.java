package cn.chanjiao.contracts;

import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.contracts.identity.OrganisationRegistered;
import cn.chanjiao.contracts.identity.OrganisationRejected;
import cn.chanjiao.contracts.identity.OrganisationUpdated;
import cn.chanjiao.contracts.identity.OrganisationVerified;
import cn.chanjiao.contracts.identity.UserProvisioned;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every event record, so that a consumer can turn an envelope's {@code type}
 * back into its record. A new event is added to {@link #ALL}.
 */
public final class EventTypes {

    /** Every event record of the platform. */
    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(DeadlineScheduled.class,
            // application-service (issue 4)
            cn.chanjiao.contracts.application.ApplicationSubmitted.class,
            cn.chanjiao.contracts.application.ApplicationWithdrawn.class,
            cn.chanjiao.contracts.application.ApplicationReturned.class,
            // application-service review, notice and approval (issue 5)
            cn.chanjiao.contracts.application.ApplicationRecommended.class,
            cn.chanjiao.contracts.application.ApplicationRejected.class,
            cn.chanjiao.contracts.application.PublicNoticeStarted.class,
            cn.chanjiao.contracts.application.PlatformApproved.class,
            cn.chanjiao.contracts.application.PlatformRevoked.class,
            cn.chanjiao.contracts.application.ExpertReviewCompleted.class,
            cn.chanjiao.contracts.application.ApplicationShortlisted.class,
            cn.chanjiao.contracts.application.ObjectionFiled.class,
            cn.chanjiao.contracts.application.ObjectionRuled.class,
            cn.chanjiao.contracts.application.PublicNoticeEnded.class,
            // application-service: member changes of approved platforms (issue 15)
            cn.chanjiao.contracts.application.PlatformMembersChanged.class,
            // reporting-service (issue 6)
            cn.chanjiao.contracts.reporting.ReportSubmitted.class,
            cn.chanjiao.contracts.reporting.ReportOverdue.class,
            cn.chanjiao.contracts.reporting.ReportReviewed.class,
            cn.chanjiao.contracts.reporting.ListPublished.class,
            cn.chanjiao.contracts.reporting.TechDemandUndertaken.class,
            cn.chanjiao.contracts.reporting.TechDemandCompleted.class,
            // indicator-service (issue 7)
            cn.chanjiao.contracts.indicator.CollectionWindowOpened.class,
            cn.chanjiao.contracts.indicator.CollectionWindowClosed.class,
            cn.chanjiao.contracts.indicator.CollectionReopened.class,
            cn.chanjiao.contracts.indicator.IndicatorDataSubmitted.class,
            cn.chanjiao.contracts.indicator.AssessmentPublished.class,
            // identity-service (issue 3)
            OrganisationRegistered.class, OrganisationVerified.class, OrganisationRejected.class,
            OrganisationUpdated.class, UserProvisioned.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeName, Function.identity()));

    private EventTypes() {
    }

    /** The {@link EventType} annotation of an event class; fails fast for a class without one. */
    public static EventType metadataOf(Class<?> eventClass) {
        EventType meta = eventClass.getAnnotation(EventType.class);
        if (meta == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return meta;
    }

    /** The envelope type name of an event class. */
    public static String typeName(Class<?> eventClass) {
        String name = metadataOf(eventClass).name();
        return name.isEmpty() ? eventClass.getSimpleName() : name;
    }

    /** The topic of an event class. */
    public static String topicOf(Class<?> eventClass) {
        return metadataOf(eventClass).topic();
    }

    /** The record class for an envelope type name, if the catalogue knows it. */
    public static Optional<Class<? extends IntegrationEvent>> forName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
