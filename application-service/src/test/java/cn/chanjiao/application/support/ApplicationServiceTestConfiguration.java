package cn.chanjiao.application.support;

import cn.chanjiao.testkit.time.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** What every application-service integration test shares: the clock and where identity-service is. */
@TestConfiguration(proxyBeanMethods = false)
public class ApplicationServiceTestConfiguration {

    /** 2024-03-01 10:00 Beijing time: Hangzhou's registration window (2024-02-20..05-15) is open. */
    public static final Instant DEFAULT_NOW = Instant.parse("2024-03-01T02:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(DEFAULT_NOW);
    }

    /** Points the service at the WireMock identity-service and token endpoint, and a fresh attachment folder. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            IdentityStub identity = IdentityStub.instance();
            try {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application-service-test",
                        Map.of("chanjiao.application.identity.url", identity.baseUrl(),
                                "chanjiao.application.identity.token-url", identity.baseUrl() + IdentityStub.TOKEN_PATH,
                                "chanjiao.application.identity.read-timeout", "PT2S",
                                "chanjiao.application.identity.time-limit", "PT4S",
                                "chanjiao.application.identity.circuit-breaker.open-for", "PT2S",
                                // tests run the notice-closing job themselves, as two instances would
                                "chanjiao.application.notice-closing.initial-delay", "PT24H",
                                "chanjiao.application.notice-closing.interval", "PT24H",
                                "chanjiao.application.notice-closing.lock-at-least-for", "PT0S",
                                "chanjiao.application.attachments.directory",
                                Files.createTempDirectory("attachments").toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
