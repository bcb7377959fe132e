package cn.chanjiao.reporting.list;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the lists API answers. */
public final class ListResponses {

    private ListResponses() {
    }

    public record ColumnView(String property, String header) {
    }

    public record KindView(String kind, String title, String group, List<ColumnView> columns) {
    }

    public record ListView(UUID id, UUID platformId, String platformName, String kind, String title, int year,
            String industry, String status, long version, int rowCount, Instant updatedAt, Instant publishedAt) {
    }

    public record RowView(UUID id, UUID listId, UUID platformId, String kind, int year, String regionCode, String industry,
            int position, String unitName, String description, String major, String educationLevel,
            String educationLevelName, Integer headcount, String contact, String phone, LocalDate startOn,
            LocalDate endOn, String serviceType, String serviceTypeName, Instant publishedAt, String platformName) {
    }

    public static KindView kind(ListKind kind) {
        boolean en = ListService.english();
        return new KindView(kind.name(), en ? kind.titleEn() : kind.titleZh(), kind.group(), kind.columns().stream()
                .map(c -> new ColumnView(c.field().property(), en ? c.headerEn() : c.headerZh())).toList());
    }

    public static ListView list(ListService.Loaded loaded) {
        SdList l = loaded.list();
        return new ListView(l.id(), l.platformId(), loaded.platform().name(), l.kind().name(),
                ListService.english() ? l.kind().titleEn() : l.kind().titleZh(), l.year(), l.industry(), l.status(),
                l.version(), l.rowCount(), l.updatedAt(), l.publishedAt());
    }

    public static RowView row(ListRow r) {
        return row(r, null);
    }

    public static RowView row(ListRow r, String platformName) {
        RowValues v = r.values();
        boolean en = ListService.english();
        return new RowView(r.id(), r.listId(), r.platformId(), r.kind().name(), r.year(), r.regionCode(), r.industry(),
                r.position(), v.unitName(), v.description(), v.major(),
                v.educationLevel() == null ? null : v.educationLevel().name(),
                v.educationLevel() == null ? null : en ? v.educationLevel().nameEn() : v.educationLevel().nameZh(),
                v.headcount(), v.contact(), v.phone(), v.startOn(), v.endOn(),
                v.serviceType() == null ? null : v.serviceType().name(),
                v.serviceType() == null ? null : v.serviceType().nameZh(), r.publishedAt(), platformName);
    }
}
