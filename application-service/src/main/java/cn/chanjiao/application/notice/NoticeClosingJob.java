package cn.chanjiao.application.notice;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approves the lists of ended public notices: runs every minute on one instance of the service only
 * (ShedLock on the service's database); each notice closes in one transaction under a row lock, so
 * even a second run closes nothing twice.
 */
@Component
class NoticeClosingJob {

    private static final Logger log = LoggerFactory.getLogger(NoticeClosingJob.class);

    private final NoticeService notices;

    NoticeClosingJob(NoticeService notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelayString = "${chanjiao.application.notice-closing.interval:PT1M}",
            initialDelayString = "${chanjiao.application.notice-closing.initial-delay:PT30S}")
    @SchedulerLock(name = "application-public-notice-closing", lockAtMostFor = "PT5M", lockAtLeastFor = "${chanjiao.application.notice-closing.lock-at-least-for:PT5S}")
    public void closeEndedNotices() {
        int closed = notices.closeDue();
        if (closed > 0) {
            log.info("{} public notices ended and their lists were approved", closed);
        }
    }
}
