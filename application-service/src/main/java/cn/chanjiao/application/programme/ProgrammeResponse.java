package cn.chanjiao.application.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A programme as the API shows it.
 *
 * @param registration the registration window open now, or the next one
 */
public record ProgrammeResponse(UUID id, long version, boolean published, boolean preset, Instant createdAt,
        Instant updatedAt, Registration registration, ProgrammeDefinition definition) {

    /**
     * @param open     whether applications can be submitted now
     * @param opensOn  first day of the current or next registration window, Asia/Shanghai
     * @param closesOn last day of it (submissions until 23:59:59 Beijing time)
     */
    public record Registration(boolean open, LocalDate opensOn, LocalDate closesOn) {
    }

    /** A line of a programme list. */
    public record Summary(UUID id, String code, String name, String authorityCode, String authorityName,
            ProgrammeDefinition.Level level, List<PlatformType> platformTypes, boolean published,
            Registration registration) {
    }
}
