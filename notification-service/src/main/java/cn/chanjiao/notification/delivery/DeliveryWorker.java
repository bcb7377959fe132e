package cn.chanjiao.notification.delivery;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works off due e-mails, SMS and webhooks on one instance at a time (ShedLock; rows are also locked
 * with {@code skip locked}, so two workers never send one delivery twice).
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;

    private final Deliveries deliveries;
    private final TransactionTemplate transactions;
    private final Map<String, DeliverySender> senders;

    DeliveryWorker(Deliveries deliveries, TransactionTemplate transactions, List<DeliverySender> senders) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.senders = senders.stream().collect(Collectors.toMap(DeliverySender::channel, Function.identity()));
    }

    @Scheduled(fixedDelayString = "${chanjiao.notification.dispatch-every:PT5S}", initialDelayString = "PT1S")
    @SchedulerLock(name = "notification-deliveries", lockAtMostFor = "PT5M")
    public void run() {
        workOff();
    }

    /** Sends every due delivery; returns how many attempts were made. */
    public int workOff() {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                List<PendingDelivery> due = deliveries.claimDue(BATCH);
                due.forEach(this::attempt);
                return due.size();
            });
            total += done == null ? 0 : done;
            if (done == null || done < BATCH) {
                return total;
            }
        }
    }

    private void attempt(PendingDelivery delivery) {
        DeliverySender sender = senders.get(delivery.channel());
        long started = System.nanoTime();
        DeliverySender.Outcome outcome;
        if (sender == null) {
            outcome = DeliverySender.Outcome.gaveUp("no sender for channel " + delivery.channel());
        } else {
            try {
                outcome = sender.send(delivery);
            } catch (RuntimeException e) {
                outcome = DeliverySender.Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (!outcome.delivered()) {
            log.info("{} delivery {} attempt {} failed: {}", delivery.channel(), delivery.id(), delivery.attempts() + 1,
                    outcome.error());
        }
        int maxAttempts = sender == null ? 1 : sender.maxAttempts();
        deliveries.recordAttempt(delivery, outcome, ms, maxAttempts,
                sender == null ? java.time.Duration.ZERO : sender.backoffAfter(delivery.attempts() + 1));
    }
}
