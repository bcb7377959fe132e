package cn.chanjiao.kit.time;

import cn.chanjiao.kit.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoClockTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void aDemoClockRunsOnFromTheMomentItIsSetAndGoesBackToTheRealTimeOnReset() throws Exception {
        DemoClock clock = new DemoClock(Clock.system(ChinaTime.ZONE));
        Instant september = Instant.parse("2023-09-26T02:00:00Z");

        clock.set(september);
        Instant first = clock.instant();
        Thread.sleep(20);
        Instant later = clock.instant();

        assertThat(Duration.between(september, first)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(later).isAfter(first);
        assertThat(clock.getZone()).isEqualTo(ChinaTime.ZONE);
        clock.reset();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(clock.offset()).isZero();
    }

    @Test
    void withoutClockControlTheServiceRunsOnTheSystemClockAndHasNoDemoClockEndpoint() {
        contexts.run(context -> {
            assertThat(context.getBean(Clock.class)).isNotInstanceOf(DemoClock.class);
            assertThat(context).doesNotHaveBean(DemoClockController.class);
        });
        contexts.withPropertyValues("chanjiao.demo.clock-control=false").run(context ->
                assertThat(context).doesNotHaveBean(DemoClockController.class));
    }

    @Test
    void withClockControlAPlatformAdminMovesTheServiceClockThroughTheEndpoint() {
        contexts.withPropertyValues("chanjiao.demo.clock-control=true").run(context -> {
            assertThat(context).hasSingleBean(Clock.class);
            Clock clock = context.getBean(Clock.class);
            assertThat(clock).isInstanceOf(DemoClock.class);
            DemoClockController controller = context.getBean(DemoClockController.class);

            var moved = controller.set(new DemoClockController.DemoClockRequest(
                    OffsetDateTime.of(2023, 10, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8))));

            assertThat(moved.now().toInstant()).isBetween(Instant.parse("2023-10-10T01:00:00Z"),
                    Instant.parse("2023-10-10T01:00:05Z"));
            assertThat(clock.instant()).isBefore(Instant.parse("2023-10-10T01:00:05Z"));
            assertThatThrownBy(() -> controller.set(new DemoClockController.DemoClockRequest(null)))
                    .isInstanceOf(ApiException.class);
            controller.reset();
            assertThat(clock.instant()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        });
    }

    @Test
    void aServicesOwnClockIsKeptAndTheEndpointSaysItCannotBeMoved() {
        contexts.withPropertyValues("chanjiao.demo.clock-control=true").withUserConfiguration(FixedClock.class).run(context -> {
            assertThat(context.getBean(Clock.class)).isSameAs(FixedClock.CLOCK);
            DemoClockController controller = context.getBean(DemoClockController.class);
            assertThatThrownBy(controller::read).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {

        static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ChinaTime.ZONE);

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }
}
