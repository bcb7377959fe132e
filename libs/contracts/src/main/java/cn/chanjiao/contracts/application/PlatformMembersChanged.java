package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The members of an approved platform changed (a participant added, removed or changed by the lead organisation's
 * org admin or the programme authority): the whole current member list, so a consumer replaces what it holds
 * (indicator-service's member-distribution indicators). Published on {@link Topics#APPLICATION_LIFECYCLE},
 * key = platformId.
 *
 * @param platformId the platform
 * @param programmeId the programme
 * @param programmeCode the programme's stable code
 * @param version the platform's member version after the change (grows by one per change)
 * @param action ADDED, REMOVED or CHANGED
 * @param memberName the member the change was about
 * @param comment the reason given, if any
 * @param members every current member (leads and participants), as in {@link PlatformApproved#members()}
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record PlatformMembersChanged(UUID eventId, Instant occurredAt, UUID platformId, UUID programmeId,
        String programmeCode, long version, String action, String memberName, String comment,
        List<PlatformApproved.Member> members) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return platformId.toString();
    }
}
