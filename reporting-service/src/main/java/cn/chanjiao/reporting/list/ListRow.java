package cn.chanjiao.reporting.list;

import java.time.Instant;
import java.util.UUID;

/** A stored row of a list, with what it inherits from its list (platform, year, region, industry). */
public record ListRow(UUID id, UUID listId, UUID platformId, ListKind kind, int year, String regionCode, String industry,
        int position, RowValues values, boolean published, Instant publishedAt) {
}
