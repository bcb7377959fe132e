package cn.chanjiao.reporting.list;

import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.reporting.support.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Search over published rows. A keyword matches anywhere in the row's unit, description, major
 * and service type ({@code search_text}), case-insensitively: {@code ILIKE} (pg_trgm GIN index
 * {@code sd_row_search}) plus, for keywords of two characters and more, containment of its character
 * pairs (GIN index {@code sd_row_pairs}), which narrows even a two-character Chinese keyword that
 * trigrams cannot; several keywords must all match. Filters narrow by
 * kind, major, education level, region (a province or city code covers everything inside it),
 * industry, platform and year.
 */
@Repository
public class PublicSearch {

    private final JdbcClient jdbc;

    PublicSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to look for; any part may be null. */
    public record Query(String q, ListKind kind, String major, String educationLevel, String region, String industry,
            UUID platformId, Integer year, java.time.Instant updatedSince) {
    }

    /** One found row with its platform's name. */
    public record Hit(ListRow row, String platformName) {
    }

    /** The page of hits and the number of all matches, counted exactly up to {@link #COUNT_CAP}. */
    public record Result(List<Hit> hits, long total, boolean totalExact) {
    }

    /** Beyond this many matches the total is not counted on (a broad query stays fast); the page still is exact. */
    public static final int COUNT_CAP = 10_000;

    public Result search(Query query, int page, int size) {
        StringBuilder where = new StringBuilder(" where" + SdLists.PUBLISHED);
        List<Object> params = new ArrayList<>();
        if (query.q() != null && !query.q().isBlank()) {
            for (String term : query.q().strip().split("\\s+")) {
                if (term.length() > 100) {
                    throw ApiException.badRequest("search.termTooLong");
                }
                String[] pairs = bigrams(term);
                if (pairs.length > 0) {
                    where.append(" and r.search_pairs @> cast(? as text[])");
                    params.add(pairs);
                }
                if (term.codePointCount(0, term.length()) != 2) {
                    // a two-character term is its one pair: containment is the match; longer ones need the order
                    where.append(" and r.search_text ilike ?");
                    params.add(contains(term));
                }
            }
        }
        if (query.kind() != null) {
            where.append(" and r.kind = ?");
            params.add(query.kind().name());
        }
        if (query.major() != null && !query.major().isBlank()) {
            where.append(" and r.major ilike ?");
            params.add(contains(query.major().strip()));
        }
        if (query.educationLevel() != null && !query.educationLevel().isBlank()) {
            EducationLevel level = EducationLevel.parse(query.educationLevel())
                    .orElseThrow(() -> ApiException.badRequest("search.educationLevel", query.educationLevel(),
                            EducationLevel.allowedZh()));
            where.append(" and r.education_level = ?");
            params.add(level.name());
        }
        if (query.region() != null && !query.region().isBlank()) {
            if (!query.region().matches("\\d{6}")) {
                throw ApiException.badRequest("search.region", query.region());
            }
            where.append(" and r.region_code like ?");
            params.add(Jurisdiction.prefix(query.region()) + "%");
        }
        if (query.industry() != null && !query.industry().isBlank()) {
            where.append(" and r.industry ilike ?");
            params.add(contains(query.industry().strip()));
        }
        if (query.platformId() != null) {
            where.append(" and r.platform_id = ?");
            params.add(query.platformId());
        }
        if (query.year() != null) {
            where.append(" and r.year = ?");
            params.add(query.year());
        }
        if (query.updatedSince() != null) {
            where.append(" and l.published_at >= ?");
            params.add(java.sql.Timestamp.from(query.updatedSince()));
        }
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(COUNT_CAP + 1);
        long counted = jdbc.sql("select count(*) from (select 1" + SdLists.FROM_ROWS + where + " limit ?) matches")
                .params(countParams).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Hit> hits = jdbc.sql("select " + SdLists.ROW_COLUMNS + ", p.name as platform_name" + SdLists.FROM_ROWS
                + "join platform p on p.id = r.platform_id" + where
                + " order by l.published_at desc, r.list_id, r.position limit ? offset ?")
                .params(pageParams).query((rs, n) -> new Hit(SdLists.row(rs, n), rs.getString("platform_name"))).list();
        return new Result(hits, Math.min(counted, COUNT_CAP), counted <= COUNT_CAP);
    }

    /** The distinct overlapping character pairs of a text, lower case, none holding white space ({@code search_pairs}). */
    static String[] bigrams(String text) {
        int[] points = text.toLowerCase(java.util.Locale.ROOT).codePoints().toArray();
        java.util.Set<String> pairs = new java.util.LinkedHashSet<>();
        for (int i = 0; i + 1 < points.length; i++) {
            if (!Character.isWhitespace(points[i]) && !Character.isWhitespace(points[i + 1])
                    && !Character.isSpaceChar(points[i]) && !Character.isSpaceChar(points[i + 1])) {
                pairs.add(new String(points, i, 2));
            }
        }
        return pairs.toArray(String[]::new);
    }

    /** {@code %term%} with the LIKE wildcards of the term escaped. */
    static String contains(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
