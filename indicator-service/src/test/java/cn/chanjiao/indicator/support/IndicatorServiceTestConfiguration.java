package cn.chanjiao.indicator.support;

import cn.chanjiao.testkit.time.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Instant;

/** What every indicator-service integration test shares: the clock. */
@TestConfiguration(proxyBeanMethods = false)
public class IndicatorServiceTestConfiguration {

    /** 2024-11-20 10:00 Beijing time: the 2024 collection windows are open. */
    public static final Instant DEFAULT_NOW = Instant.parse("2024-11-20T02:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(DEFAULT_NOW);
    }
}
