package cn.chanjiao.indicator.derived;

import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.reporting.ReportOverdue;
import cn.chanjiao.contracts.reporting.ReportSubmitted;
import cn.chanjiao.contracts.reporting.TechDemandCompleted;
import cn.chanjiao.contracts.reporting.TechDemandUndertaken;
import cn.chanjiao.kit.events.InboundEvents;
import cn.chanjiao.kit.time.ChinaTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Keeps the facts behind the derived indicators, each event once. */
@Component
class ReportingEventsListener {

    static final String NAME = "indicator-derived";

    private final InboundEvents inbound;
    private final DerivedFacts facts;

    ReportingEventsListener(InboundEvents inbound, DerivedFacts facts) {
        this.inbound = inbound;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.REPORTING, groupId = NAME)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(NAME, record.value(), this::apply);
    }

    void apply(IntegrationEvent event) {
        if (event instanceof ReportSubmitted submitted) {
            facts.reportSubmitted(submitted.obligationId(), submitted.platformId(), submitted.kind(), submitted.year(),
                    submitted.dueAt(), submitted.submittedAt(), submitted.onTime());
        } else if (event instanceof ReportOverdue overdue) {
            facts.reportOverdue(overdue.obligationId(), overdue.platformId(), overdue.kind(), overdue.year(), overdue.dueAt());
        } else if (event instanceof TechDemandUndertaken undertaken) {
            facts.demandUndertaken(undertaken.undertakingId(), undertaken.demandId(), undertaken.platformId(),
                    LocalDate.ofInstant(undertaken.occurredAt(), ChinaTime.ZONE).getYear());
        } else if (event instanceof TechDemandCompleted completed) {
            facts.demandCompleted(completed.undertakingId(), completed.demandId(), completed.platformId(), completed.year());
        }
    }
}
