package cn.chanjiao.indicator.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * An authority reopens one platform's collection of a year.
 *
 * @param reason   why (shown to the platform)
 * @param deadline the new last moment, e.g. {@code 2025-12-31T23:59:59+08:00}
 */
public record ReopenCollectionRequest(@NotBlank @Size(max = 500) String reason, @NotNull OffsetDateTime deadline) {
}
