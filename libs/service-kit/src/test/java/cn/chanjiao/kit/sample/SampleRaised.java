package cn.chanjiao.kit.sample;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/** A test event on a real topic of the platform. */
@EventType(topic = Topics.NOTIFICATION, name = "KitSampleRaised")
public record SampleRaised(UUID eventId, Instant occurredAt, String noteId, String text) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return noteId;
    }
}
