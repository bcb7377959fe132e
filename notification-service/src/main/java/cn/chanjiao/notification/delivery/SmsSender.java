package cn.chanjiao.notification.delivery;

import cn.chanjiao.notification.config.NotificationServiceProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** SMS deliveries through the {@link SmsGateway}. */
@Component
class SmsSender implements DeliverySender {

    private final SmsGateway gateway;
    private final NotificationServiceProperties properties;

    SmsSender(SmsGateway gateway, NotificationServiceProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    public String channel() {
        return Channels.SMS;
    }

    @Override
    public Outcome send(PendingDelivery delivery) {
        return gateway.send(delivery.recipient(), String.valueOf(delivery.content().get("text")));
    }

    @Override
    public int maxAttempts() {
        return properties.delivery().maxAttempts();
    }

    @Override
    public Duration backoffAfter(int attempts) {
        return properties.delivery().backoffAfter(attempts);
    }
}
