package cn.chanjiao.reporting.matching;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.reporting.list.ListKind;
import cn.chanjiao.reporting.list.ListResponses;
import cn.chanjiao.reporting.list.ListRow;
import cn.chanjiao.reporting.list.SdLists;
import cn.chanjiao.reporting.platform.PlatformAccess;
import cn.chanjiao.reporting.platform.Platforms;
import cn.chanjiao.kit.web.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Recommends, for one row, the best published rows of the other side (talent demand ↔ talent supply,
 * technology demand ↔ technology supply, training need ↔ training offer), ranked by {@link MatchScorer}.
 * Candidates are the 5,000 most recent published rows of the counterpart kinds — for technology and
 * training only those sharing at least one character pair with the source (GIN index {@code sd_row_pairs}).
 */
@Service
public class MatchingService {

    static final int CANDIDATES = 5000;

    private final SdLists lists;
    private final Platforms platforms;
    private final PlatformAccess access;
    private final MatchScorer scorer;
    private final JdbcClient jdbc;
    private final Messages messages;
    private final Clock clock;

    MatchingService(SdLists lists, Platforms platforms, PlatformAccess access, MajorCatalogue majors, JdbcClient jdbc,
            Messages messages, Clock clock) {
        this.lists = lists;
        this.platforms = platforms;
        this.access = access;
        this.scorer = new MatchScorer(majors);
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    public record ReasonView(String factor, double points, int max, String text) {
    }

    public record MatchView(ListResponses.RowView row, double score, List<ReasonView> reasons) {
    }

    public record Matches(ListResponses.RowView source, List<MatchView> matches) {
    }

    /** Matches of a published row, for anyone. */
    @Transactional(readOnly = true)
    public Matches forPublished(UUID rowId, int limit) {
        ListRow source = lists.findRow(rowId).filter(ListRow::published)
                .orElseThrow(() -> ApiException.notFound("list.rowNotFound", rowId));
        return matches(source, limit);
    }

    /** Matches of any row the caller may read (a draft too). */
    @Transactional(readOnly = true)
    public Matches forCaller(UUID rowId, Caller caller, int limit) {
        ListRow source = lists.findRow(rowId).orElseThrow(() -> ApiException.notFound("list.rowNotFound", rowId));
        if (!source.published()) {
            access.requireRead(caller, platforms.require(source.platformId()));
        }
        return matches(source, limit);
    }

    private Matches matches(ListRow source, int limit) {
        var now = clock.instant();
        List<MatchView> ranked = candidates(source).stream()
                .map(candidate -> scorer.score(source, candidate.row(), now))
                .filter(scored -> scored.score() > 0)
                .sorted(Comparator.comparingDouble(MatchScorer.Scored::score).reversed())
                .limit(limit)
                .map(scored -> new MatchView(ListResponses.row(scored.candidate(), null), scored.score(),
                        scored.reasons().stream().map(r -> new ReasonView(r.factor(), r.points(), r.max(),
                                messages.text(r.code(), r.args().toArray()))).toList()))
                .toList();
        return new Matches(ListResponses.row(source), ranked);
    }

    private record Candidate(ListRow row) {
    }

    private List<Candidate> candidates(ListRow source) {
        List<String> kinds = source.kind().counterparts().stream().map(ListKind::name).toList();
        if (kinds.isEmpty()) {
            return List.of();
        }
        String[] kindArray = kinds.toArray(String[]::new);
        if (source.kind() == ListKind.TALENT_DEMAND || source.kind() == ListKind.TALENT_SUPPLY) {
            return jdbc.sql("select " + SdLists.ROW_COLUMNS + SdLists.FROM_ROWS + "where" + SdLists.PUBLISHED
                    + "and r.kind = any(cast(? as text[])) and r.id <> ? order by l.published_at desc limit ?")
                    .param(kindArray).param(source.id()).param(CANDIDATES)
                    .query((rs, n) -> new Candidate(SdLists.row(rs, n))).list();
        }
        String[] pairs = MatchScorer.pairs(source.values().description()).toArray(String[]::new);
        if (pairs.length == 0) {
            return List.of();
        }
        return jdbc.sql("select " + SdLists.ROW_COLUMNS + SdLists.FROM_ROWS + "where" + SdLists.PUBLISHED
                + "and r.kind = any(cast(? as text[])) and r.id <> ? and r.search_pairs && cast(? as text[]) "
                + "order by l.published_at desc limit ?")
                .param(kindArray).param(source.id()).param(pairs).param(CANDIDATES)
                .query((rs, n) -> new Candidate(SdLists.row(rs, n))).list();
    }
}
