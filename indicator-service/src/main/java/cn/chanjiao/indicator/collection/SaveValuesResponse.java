package cn.chanjiao.indicator.collection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a save did: the new version (also the {@code ETag}), how many values it set and removed,
 * and the plausibility warnings of the values it set (they are saved all the same).
 */
public record SaveValuesResponse(UUID platformId, UUID platformYearId, int year, long version, String status,
        int saved, int removed, Instant savedAt, @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ValueWarning.class)) List<Map<String, Object>> warnings) {
}
