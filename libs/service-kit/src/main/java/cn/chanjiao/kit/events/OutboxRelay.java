package cn.chanjiao.kit.events;

import cn.chanjiao.kit.ServiceKitProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what Kafka did not acknowledge (the broker was down, a send timed out) and clears
 * old delivered publications. One instance of a service does it at a time (ShedLock).
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final ServiceKitProperties.Outbox settings;

    OutboxRelay(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            ServiceKitProperties properties) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.settings = properties.outbox();
    }

    @Scheduled(fixedDelayString = "${chanjiao.service.outbox.resubmit-every:PT10S}",
            initialDelayString = "${chanjiao.service.outbox.resubmit-every:PT10S}")
    @SchedulerLock(name = "outbox-resubmit", lockAtMostFor = "PT5M")
    void resubmitUndelivered() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(settings.resubmitOlderThan());
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
