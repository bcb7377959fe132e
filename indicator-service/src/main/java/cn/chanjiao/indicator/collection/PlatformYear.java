package cn.chanjiao.indicator.collection;

import java.time.Instant;
import java.util.UUID;

/** One platform's collection of one year: its state and version (the ETag of its values). */
record PlatformYear(UUID id, UUID platformId, int year, Status status, long version, Instant deadline,
        String reopenReason, Instant submittedAt, String submittedBy, Instant updatedAt) {

    enum Status {
        /** Values may be entered while the programme's window is open. */
        OPEN,
        /** Submitted: locked until an authority reopens it. */
        SUBMITTED,
        /** Reopened by an authority for this platform until {@code deadline}. */
        REOPENED,
        /** The window (or the reopening) ended without a submission. */
        LOCKED
    }

    /** A platform-year nobody has saved yet: version 0. */
    static PlatformYear fresh(UUID platformId, int year, Instant now) {
        return new PlatformYear(null, platformId, year, Status.OPEN, 0, null, null, null, null, now);
    }
}
