package cn.chanjiao.notification.support;

import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.kit.events.EventTypeCatalog;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every notification-service integration test shares: the movable clock, test-only events and the peers. */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationTestConfiguration {

    public static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(START);
    }

    /** DNS answers a test chooses (webhook URL checks and deliveries). */
    @Bean
    @Primary
    FakeDns fakeDns() {
        return new FakeDns();
    }

    @Bean
    EventTypeCatalog eventTypeCatalog() {
        List<Class<? extends IntegrationEvent>> types = new ArrayList<>(EventTypes.ALL);
        types.add(TestEvents.ExpertAssigned.class);
        return new EventTypeCatalog(types);
    }

    /** Points the service at its WireMock and GreenMail peers, with short retry times. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Peers peers = Peers.instance();
            Map<String, Object> properties = new HashMap<>();
            properties.put("chanjiao.notification.identity.url", peers.baseUrl());
            properties.put("chanjiao.notification.identity.token-url", peers.baseUrl() + Peers.TOKEN_PATH);
            properties.put("chanjiao.notification.identity.read-timeout", "PT1S");
            properties.put("chanjiao.notification.identity.time-limit", "PT3S");
            properties.put("chanjiao.notification.identity.circuit-breaker.open-for", "PT1S");
            properties.put("chanjiao.notification.dispatch-every", "PT0.3S");
            properties.put("chanjiao.notification.reminders.check-every", "PT0.3S");
            properties.put("chanjiao.notification.delivery.backoff", "PT0.2S");
            properties.put("chanjiao.notification.delivery.max-attempts", "3");
            properties.put("chanjiao.notification.webhooks.backoff", "PT0.2S");
            properties.put("chanjiao.notification.webhooks.max-attempts", "3");
            properties.put("chanjiao.notification.webhooks.timeout", "PT2S");
            properties.put("chanjiao.notification.webhooks.allowed-hosts", "127.0.0.1,localhost");
            properties.put("chanjiao.notification.sms.url", peers.baseUrl() + Peers.SMS_PATH);
            properties.put("chanjiao.notification.sms.api-key", "test-sms-key");
            properties.put("chanjiao.notification.front-end-url", "https://chanjiao.example.cn");
            properties.put("chanjiao.notification.events.TestExpertAssigned.kind", "EXPERT_ASSIGNED");
            properties.put("chanjiao.notification.events.TestExpertAssigned.audience[0].user-field", "expertUserId");
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", String.valueOf(peers.smtpPort()));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("notification-test", properties));
        }
    }
}
