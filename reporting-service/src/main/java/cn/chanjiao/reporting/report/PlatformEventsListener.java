package cn.chanjiao.reporting.report;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.application.PlatformRevoked;
import cn.chanjiao.kit.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads application-service's lifecycle topic: an approved platform gets its report obligations, a
 * revoked one has its open obligations cancelled. Each event applies once (processed-event table),
 * however often Kafka delivers it.
 */
@Component
class PlatformEventsListener {

    static final String NAME = "reporting-platforms";

    private final InboundEvents inbound;
    private final ReportService reports;

    PlatformEventsListener(InboundEvents inbound, ReportService reports) {
        this.inbound = inbound;
        this.reports = reports;
    }

    @KafkaListener(topics = Topics.APPLICATION_LIFECYCLE, groupId = NAME)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(NAME, record.value(), event -> {
            if (event instanceof PlatformApproved approved) {
                reports.platformApproved(approved);
            } else if (event instanceof PlatformRevoked revoked) {
                reports.platformRevoked(revoked);
            }
        });
    }
}
