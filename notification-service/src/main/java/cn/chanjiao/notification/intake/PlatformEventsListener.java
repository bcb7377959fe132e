package cn.chanjiao.notification.intake;

import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.application.PublicNoticeStarted;
import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.kit.events.InboundEvents;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import cn.chanjiao.notification.notice.AudienceSpec;
import cn.chanjiao.notification.notice.NotificationRequests;
import cn.chanjiao.notification.reminder.Reminders;
import cn.chanjiao.notification.webhook.WebhookFanOut;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Consumes every topic of the platform ({@code Topics.ALL}) once per event: in the transaction that
 * records the event as processed it plans or cancels reminders, accepts the notification its type
 * is configured for ({@code chanjiao.notification.events.<type>}) and queues the webhooks of the
 * integrators subscribed to the type. An event delivered twice notifies once.
 */
@Component
class PlatformEventsListener {

    static final String NAME = "notification-intake";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The reminder kind planned from {@link PublicNoticeStarted}. */
    static final String PUBLIC_NOTICE_ENDS = "PUBLIC_NOTICE_ENDS";

    private final InboundEvents inbound;
    private final JsonMapper json;
    private final Reminders reminders;
    private final NotificationRequests requests;
    private final WebhookFanOut webhooks;
    private final NotificationServiceProperties properties;

    PlatformEventsListener(InboundEvents inbound, JsonMapper json, Reminders reminders, NotificationRequests requests,
            WebhookFanOut webhooks, NotificationServiceProperties properties) {
        this.inbound = inbound;
        this.json = json;
        this.reminders = reminders;
        this.requests = requests;
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @KafkaListener(topics = "#{T(cn.chanjiao.contracts.Topics).ALL}", groupId = NAME)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(NAME, record.value(), this::accept);
    }

    void accept(IntegrationEvent event) {
        String type = EventTypes.typeName(event.getClass());
        Map<String, Object> payload = json.convertValue(event, MAP);
        if (event instanceof DeadlineScheduled deadline) {
            reminders.plan(deadline);
        } else if (event instanceof PublicNoticeStarted notice) {
            // the notice's end is a deadline of the programme authority (objections close, the list is approved)
            reminders.plan(new DeadlineScheduled(notice.eventId(), notice.occurredAt(), PUBLIC_NOTICE_ENDS,
                    notice.noticeId().toString(), null, notice.authorityCode(), notice.endsAt()));
        }
        reminders.cancelBy(type, payload);
        NotificationServiceProperties.EventRule rule = properties.events().get(type);
        if (rule != null) {
            accept(event, type, rule, payload);
        }
        webhooks.enqueue(type, event, payload);
    }

    private void accept(IntegrationEvent event, String type, NotificationServiceProperties.EventRule rule,
            Map<String, Object> payload) {
        if (rule.kind() != null) {
            requests.accept(event.eventId(), type, rule.kind(), payload, AudienceSpec.from(rule.audience(), payload));
        }
        rule.also().forEach(further -> accept(event, type, further, payload));
    }
}
