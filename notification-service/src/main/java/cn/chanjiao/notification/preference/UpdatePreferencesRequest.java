package cn.chanjiao.notification.preference;

import jakarta.validation.constraints.Pattern;

import java.util.Map;
import java.util.Set;

/**
 * @param language {@code zh-CN} or {@code en}
 * @param channels per notification kind (e.g. {@code DEADLINE_UPCOMING}) the channels beyond the
 *                 inbox: {@code EMAIL}, {@code SMS}; an empty list means inbox only
 */
public record UpdatePreferencesRequest(@Pattern(regexp = "zh-CN|en") String language,
        Map<String, Set<String>> channels) {
}
