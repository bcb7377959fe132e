package cn.chanjiao.notification.support;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/** Event records other services will publish one day, registered in the test's {@code EventTypeCatalog} only. */
public final class TestEvents {

    private TestEvents() {
    }

    /** application-service assigns an expert: a notification kind without a template of its own. */
    @EventType(topic = Topics.APPLICATION_LIFECYCLE, name = "TestExpertAssigned")
    public record ExpertAssigned(UUID eventId, Instant occurredAt, UUID applicationId, String expertUserId,
            String authorityCode) implements IntegrationEvent {

        @Override
        public String aggregateId() {
            return applicationId.toString();
        }
    }
}
