package cn.chanjiao.testkit.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The service's clock in tests: stands wherever a test puts it (Beijing time). */
public final class MutableClock extends Clock {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Stands on a Beijing-time moment, e.g. {@code "2024-05-15T23:59:00"}. */
    public void setBeijing(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
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
    public Instant instant() {
        return now;
    }
}
