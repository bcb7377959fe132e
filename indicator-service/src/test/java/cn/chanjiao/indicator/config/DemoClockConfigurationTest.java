package cn.chanjiao.indicator.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClockConfigurationTest {

    @Test
    void theDemoClockStartsAtTheGivenMomentAndRunsOn() throws InterruptedException {
        Clock clock = new DemoClockConfiguration().clock(new MockEnvironment()
                .withProperty("chanjiao.indicator.demo-time", "2026-11-20T10:00:00+08:00"));
        Instant first = clock.instant();
        assertThat(Duration.between(Instant.parse("2026-11-20T02:00:00Z"), first).abs()).isLessThan(Duration.ofSeconds(5));
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(first);
        assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
    }
}
