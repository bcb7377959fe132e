package cn.chanjiao.reporting.support;

import cn.chanjiao.testkit.time.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

/** What every reporting-service integration test shares: the clock, a fresh attachment folder, no background overdue job. */
@TestConfiguration(proxyBeanMethods = false)
public class ReportingServiceTestConfiguration {

    /** 2025-03-01 10:00 Beijing time: a month before the first-quarter deadline. */
    public static final Instant DEFAULT_NOW = Instant.parse("2025-03-01T02:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(DEFAULT_NOW);
    }

    /** Attachments in a temporary folder; the overdue job only when a test runs it. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("reporting-service-test",
                        Map.of("chanjiao.reporting.attachments.directory",
                                Files.createTempDirectory("attachments").toString(),
                                "chanjiao.reporting.overdue-check-every", "PT24H")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
