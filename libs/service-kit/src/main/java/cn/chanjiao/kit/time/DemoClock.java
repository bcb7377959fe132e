package cn.chanjiao.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs on from a moment a platform admin sets, for demos and end-to-end scenarios that
 * walk a programme year (registration in summer, notices, the 1 Nov – 15 Dec collection) in minutes.
 * It is the system clock plus an offset; setting it changes the offset, so time keeps running. Only
 * present when {@code chanjiao.demo.clock-control=true} (never in production).
 */
public final class DemoClock extends Clock {

    private final Clock system;
    private volatile Duration offset;

    public DemoClock(Clock system) {
        this(system, Duration.ZERO);
    }

    private DemoClock(Clock system, Duration offset) {
        this.system = system;
        this.offset = offset;
    }

    /** From now on the clock reads {@code now} and runs on from there. */
    public synchronized void set(Instant now) {
        offset = Duration.between(system.instant(), now);
    }

    /** Back to the real time. */
    public synchronized void reset() {
        offset = Duration.ZERO;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : Clock.offset(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
