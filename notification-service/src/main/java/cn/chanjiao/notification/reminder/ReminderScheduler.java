package cn.chanjiao.notification.reminder;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Looks for due reminders on one instance at a time (ShedLock), reading the time from the {@code Clock}. */
@Component
public class ReminderScheduler {

    private final Reminders reminders;
    private final TransactionTemplate transactions;

    ReminderScheduler(Reminders reminders, TransactionTemplate transactions) {
        this.reminders = reminders;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${chanjiao.notification.reminders.check-every:PT1M}", initialDelayString = "PT2S")
    @SchedulerLock(name = "notification-reminders", lockAtMostFor = "PT5M")
    public void run() {
        fireDue();
    }

    /** Fires the due reminders; returns how many reminders were handled. */
    public int fireDue() {
        Integer fired = transactions.execute(status -> reminders.fireDue());
        return fired == null ? 0 : fired;
    }
}
