package cn.chanjiao.indicator.collection;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of one plausibility warning (or a bad value under a problem's {@code errors}) as the API
 * answers it; the answers are built by {@code Messages.describe}, this record documents them.
 *
 * @param field         where the value was sent, e.g. {@code values[3].value}
 * @param indicatorCode the indicator it concerns, when there is one
 * @param code          the rule, stable for programs (e.g. {@code plausibility.jump})
 * @param message       the rule's text in the caller's language (Simplified Chinese by default)
 */
@Schema(name = "ValueWarning", description = "A plausibility warning: the value is saved all the same")
public record ValueWarning(@Schema(example = "values[3].value") String field,
        @Schema(example = "A1.2", nullable = true) String indicatorCode,
        @Schema(example = "plausibility.jump") String code,
        @Schema(example = "数值较上年变化超过10倍，请核实") String message) {
}
