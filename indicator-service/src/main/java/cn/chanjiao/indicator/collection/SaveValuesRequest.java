package cn.chanjiao.indicator.collection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * A batch of values of one platform-year: all indicators of the year or any subset. A value of
 * {@code null} removes the indicator's value. Each value is checked by {@link ValueRules}; the
 * value is read as JSON so that a value that is not a number is named like any other bad value.
 */
public record SaveValuesRequest(@NotNull List<Entry> values) {

    /**
     * @param code     the indicator code of the platform type's catalogue
     * @param value    a number (or a numeric string); null to remove
     * @param evidence references to evidence attachments
     * @param note     an optional remark (≤ 500 characters)
     */
    public record Entry(String code,
            @Schema(implementation = Object.class, types = {"number", "string", "null"},
                    description = "a number or a numeric string; null removes the value",
                    example = "12") JsonNode value,
            List<StoredValue.Evidence> evidence, String note) {
    }
}
