package cn.chanjiao.kit.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one clock every service reads the time from; tests replace it to stand on any date. With
 * {@code chanjiao.demo.clock-control=true} (demos and the end-to-end scenario only) it is a
 * {@link DemoClock} a platform admin moves through {@code <api-base-path>/admin/demo-clock}.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "chanjiao.demo", name = "clock-control", havingValue = "true")
    static class DemoClockConfiguration {

        @Bean
        @ConditionalOnMissingBean(Clock.class)
        DemoClock demoClock() {
            org.slf4j.LoggerFactory.getLogger(ClockAutoConfiguration.class)
                    .warn("demo clock control is on: a platform admin may move this service's time (never in production)");
            return new DemoClock(Clock.system(ChinaTime.ZONE));
        }

        @Bean
        DemoClockController demoClockController(Clock clock) {
            return new DemoClockController(clock);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ChinaTime.ZONE);
    }
}
