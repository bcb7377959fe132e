package cn.chanjiao.notification.support;

import cn.chanjiao.kit.time.ChinaTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The service's clock in tests: stands wherever a test moves it (Beijing time) and from there goes
 * on at the pace of real time, so that retries with backoff still come due.
 */
public final class MovableClock extends Clock {

    private volatile Instant base;
    private volatile long baseNanos;

    public MovableClock(Instant now) {
        moveTo(now);
    }

    public synchronized void moveTo(Instant instant) {
        base = instant;
        baseNanos = System.nanoTime();
    }

    /** Moves to a Beijing-time moment, e.g. {@code "2026-10-24T08:00:00"}. */
    public void moveToBeijing(String localDateTime) {
        moveTo(LocalDateTime.parse(localDateTime).atZone(ChinaTime.ZONE).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return ChinaTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public synchronized Instant instant() {
        return base.plusNanos(System.nanoTime() - baseNanos);
    }
}
