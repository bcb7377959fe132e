package cn.chanjiao.kit.events;

import cn.chanjiao.kit.ServiceKitProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends again what Kafka did not acknowledge (the broker was down, a send timed out) and clears
 * old delivered publications. One instance of a service does it at a time (ShedLock).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final ServiceKitProperties.Outbox settings;
    private final Clock clock;

    OutboxRelay(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            ServiceKitProperties properties, Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.settings = properties.outbox();
        this.clock = clock;
    }

    /**
     * Sends again every undelivered event whose last attempt began more than {@code olderThan} ago.
     * Keeping {@code olderThan} above the producer's delivery timeout means an event is never sent
     * again while an earlier attempt may still succeed, so a long outage does not pile up copies.
     */
    public void resubmitUndeliveredOlderThan(Duration olderThan) {
        Instant lastTryBefore = clock.instant().minus(olderThan);
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(olderThan)
                .withFilter(publication -> lastTry(publication).isBefore(lastTryBefore)));
    }

    private static Instant lastTry(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted != null ? resubmitted : publication.getPublicationDate();
    }

    @Scheduled(fixedDelayString = "${chanjiao.service.outbox.resubmit-every:PT10S}",
            initialDelayString = "${chanjiao.service.outbox.resubmit-every:PT10S}")
    // short: an instance killed during a run keeps the lock until lockAtMostFor, and until then no other
    // instance resends what it left (seen in the kill test: 5 minutes of undelivered events); a run that
    // outlasts it can overlap another, which at worst sends an event twice, and consumers apply it once
    @SchedulerLock(name = "outbox-resubmit", lockAtMostFor = "${chanjiao.service.outbox.resubmit-lock-at-most:PT30S}")
    void resubmitUndelivered() {
        try {
            resubmitUndeliveredOlderThan(settings.resubmitOlderThan());
        } catch (RuntimeException e) {
            log.warn("resubmitting undelivered events failed, will try again: {}", e.getMessage());
        }
    }

    @Scheduled(cron = "${chanjiao.service.outbox.purge-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "outbox-purge", lockAtMostFor = "PT30M")
    void purgeDelivered() {
        completed.deletePublicationsOlderThan(settings.keepCompletedFor());
    }
}
