package cn.chanjiao.reporting.list;

import java.time.Instant;
import java.util.UUID;

/** A supply-demand list of one platform, kind and year: DRAFT while rows are entered, then PUBLISHED. */
public record SdList(UUID id, UUID platformId, ListKind kind, int year, String industry, String status, long version,
        int rowCount, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
