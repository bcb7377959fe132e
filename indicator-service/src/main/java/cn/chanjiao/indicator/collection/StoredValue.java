package cn.chanjiao.indicator.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A value as stored: with its evidence attachment references and note. */
public record StoredValue(String code, BigDecimal value, List<Evidence> evidence, String note, Instant updatedAt,
        String updatedBy) {

    /**
     * A reference to an evidence attachment (佐证材料) kept elsewhere (e.g. an attachment id of the
     * platform's documents, or a URI).
     */
    public record Evidence(String attachmentId, String name, String uri) {
    }
}
