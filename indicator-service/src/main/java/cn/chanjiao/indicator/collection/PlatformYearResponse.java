package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.catalogue.IndicatorKind;
import cn.chanjiao.indicator.catalogue.ValueType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A platform's collection of one year: its state, version (also the {@code ETag}), window, and every
 * indicator to enter with its target and value.
 *
 * @param state    whether values may be changed now, and if not why
 * @param closesAt the last moment values may be changed (the window's, or a reopening's deadline)
 * @param warnings plausibility warnings over the stored values
 */
public record PlatformYearResponse(UUID platformId, UUID platformYearId, String programmeCode, String platformType,
        int year, String status, CollectionState state, long version, Instant opensAt, Instant closesAt,
        String reopenReason, Instant submittedAt, String submittedBy, int entered, int expected,
        List<Item> indicators, @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ValueWarning.class)) List<Map<String, Object>> warnings) {

    public record Item(String code, String dimension, String group, String subgroup, String name, String unit,
            ValueType valueType, IndicatorKind kind, boolean key, BigDecimal target, BigDecimal value,
            List<StoredValue.Evidence> evidence, String note, Instant updatedAt, String updatedBy) {
    }
}
