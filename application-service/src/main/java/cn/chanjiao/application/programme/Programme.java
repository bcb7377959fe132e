package cn.chanjiao.application.programme;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored programme: its definition and bookkeeping.
 *
 * @param published whether applicants see it and may apply
 * @param preset    loaded from the service's resources on first start
 */
public record Programme(UUID id, long version, boolean published, boolean preset, Instant createdAt,
        Instant updatedAt, ProgrammeDefinition definition) {
}
