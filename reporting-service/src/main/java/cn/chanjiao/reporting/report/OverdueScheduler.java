package cn.chanjiao.reporting.report;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks missed deadlines overdue every few minutes, on one instance at a time (ShedLock). */
@Component
class OverdueScheduler {

    private final ReportService reports;

    OverdueScheduler(ReportService reports) {
        this.reports = reports;
    }

    @Scheduled(fixedDelayString = "${chanjiao.reporting.overdue-check-every:PT5M}",
            initialDelayString = "${chanjiao.reporting.overdue-check-every:PT5M}")
    @SchedulerLock(name = "reporting-overdue", lockAtMostFor = "PT10M")
    void markOverdue() {
        while (reports.markOverdue() > 0) {
            // batches of 500 until none is left
        }
    }
}
