package cn.chanjiao.indicator.config;

import cn.chanjiao.kit.time.ChinaTime;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * For demos and the benchmark: {@code chanjiao.indicator.demo-time=2026-11-20T10:00:00+08:00} makes
 * the service's clock start at that moment and run on from there (a fixed offset from the system
 * clock), e.g. to stand inside a collection window. Unset in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "chanjiao.indicator", name = "demo-time")
class DemoClockConfiguration {

    @Bean
    Clock clock(org.springframework.core.env.Environment environment) {
        OffsetDateTime start = OffsetDateTime.parse(environment.getRequiredProperty("chanjiao.indicator.demo-time"));
        Clock system = Clock.system(ChinaTime.ZONE);
        Duration offset = Duration.between(system.instant(), start.toInstant());
        LoggerFactory.getLogger(DemoClockConfiguration.class).warn("demo clock: the service's time starts at {}", start);
        return Clock.offset(system, offset);
    }
}
