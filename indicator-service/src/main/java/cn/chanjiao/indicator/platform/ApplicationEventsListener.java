package cn.chanjiao.indicator.platform;

import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.application.PlatformRevoked;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.kit.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Approved platforms become platforms to collect from, with their members and plan targets
 * ({@code PlatformApproved}); revoked ones stop ({@code PlatformRevoked}). Each event is applied
 * once, however often Kafka delivers it.
 */
@Component
class ApplicationEventsListener {

    static final String NAME = "indicator-platforms";
    private static final Logger log = LoggerFactory.getLogger(ApplicationEventsListener.class);

    private final InboundEvents inbound;
    private final PlatformRepository platforms;
    private final Catalogues catalogues;
    private final Clock clock;

    ApplicationEventsListener(InboundEvents inbound, PlatformRepository platforms, Catalogues catalogues, Clock clock) {
        this.inbound = inbound;
        this.platforms = platforms;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.APPLICATION_LIFECYCLE, groupId = NAME)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(NAME, record.value(), this::apply);
    }

    void apply(IntegrationEvent event) {
        if (event instanceof PlatformApproved approved) {
            if (catalogues.find(approved.programmeCode(), approved.platformType()).isEmpty()) {
                log.warn("platform {} of {} / {} has no indicator catalogue; stored, but nothing can be collected",
                        approved.platformId(), approved.programmeCode(), approved.platformType());
            }
            platforms.save(approved, clock.instant());
            if (approved.programmeId() != null) {
                catalogues.learnProgrammeId(approved.programmeCode(), approved.programmeId());
            }
            ProgrammeWindows.collection(approved.windows())
                    .ifPresent(window -> catalogues.learnCollectionWindow(approved.programmeCode(), window));
        } else if (event instanceof cn.chanjiao.contracts.application.PlatformMembersChanged changed) {
            // the whole current list: the member-distribution indicators (provinces, cities, outside the lead's) follow
            if (!platforms.replaceMembers(changed.platformId(), changed.members() == null ? List.of() : changed.members(),
                    clock.instant())) {
                log.warn("members of unknown platform {} changed; ignored", changed.platformId());
            }
        } else if (event instanceof PlatformRevoked revoked) {
            platforms.revoke(revoked.platformId(), revoked.reason(), clock.instant());
        }
    }
}
