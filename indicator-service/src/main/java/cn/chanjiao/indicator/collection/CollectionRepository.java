package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Platform-years, their values and the collection windows. */
@Repository
public class CollectionRepository {

    private static final String COLUMNS = "id, platform_id, year, status, version, deadline, reopen_reason, submitted_at, "
            + "submitted_by, updated_at";
    private static final RowMapper<PlatformYear> PLATFORM_YEAR = CollectionRepository::platformYear;
    private static final TypeReference<List<StoredValue.Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    CollectionRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    Optional<PlatformYear> find(UUID platformId, int year) {
        return jdbc.sql("select " + COLUMNS + " from platform_year where platform_id = ? and year = ?")
                .param(platformId).param(year).query(PLATFORM_YEAR).optional();
    }

    /** The platform-year, locked for this transaction; created (version 0) when missing. */
    PlatformYear lockOrCreate(UUID platformId, int year, Instant now) {
        Optional<PlatformYear> locked = lock(platformId, year);
        if (locked.isPresent()) {
            return locked.get();
        }
        create(platformId, year, PlatformYear.Status.OPEN, now);
        return lock(platformId, year).orElseThrow();
    }

    private Optional<PlatformYear> lock(UUID platformId, int year) {
        return jdbc.sql("select " + COLUMNS + " from platform_year where platform_id = ? and year = ? for update")
                .param(platformId).param(year).query(PLATFORM_YEAR).optional();
    }

    /** Creates the platform-year unless it exists; whether it did. */
    boolean create(UUID platformId, int year, PlatformYear.Status status, Instant now) {
        return jdbc.sql("insert into platform_year (id, platform_id, year, status, version, updated_at) "
                + "values (?, ?, ?, ?, 0, ?) on conflict (platform_id, year) do nothing")
                .param(UUID.randomUUID()).param(platformId).param(year).param(status.name()).param(Timestamp.from(now))
                .update() > 0;
    }

    /** Writes the new state if the version is still {@code expectedVersion}; the new version. */
    long update(PlatformYear changed, long expectedVersion) {
        int updated = jdbc.sql("""
                update platform_year set status = ?, version = version + 1, deadline = ?, reopen_reason = ?,
                    submitted_at = ?, submitted_by = ?, updated_at = ?
                where id = ? and version = ?""")
                .param(changed.status().name()).param(timestamp(changed.deadline())).param(changed.reopenReason())
                .param(timestamp(changed.submittedAt())).param(changed.submittedBy()).param(timestamp(changed.updatedAt()))
                .param(changed.id()).param(expectedVersion).update();
        if (updated == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("platform-year " + changed.id());
        }
        return expectedVersion + 1;
    }

    /** Built once: the save runs it on every request. */
    private static final String LOCK_WITH_PLATFORM = "select y.id as year_id, y.platform_id as year_platform_id, y.year, "
            + "y.status as year_status, y.version, y.deadline, y.reopen_reason, y.submitted_at, y.submitted_by, "
            + "y.updated_at as year_updated_at, " + PlatformRepository.columns("p")
            + " from platform_year y join platform p on p.id = y.platform_id where y.platform_id = ? and y.year = ? for update of y";

    /**
     * A platform-year locked for this transaction together with its platform, in one round trip; empty
     * when the platform-year does not exist yet (or the platform does not). The platform's row is read
     * as of the statement's start, as a read before the transaction would be.
     */
    Optional<Locked> lockWithPlatform(UUID platformId, int year) {
        return jdbc.sql(LOCK_WITH_PLATFORM)
                .param(platformId).param(year)
                .query((rs, n) -> new Locked(PlatformRepository.platform(rs, n), platformYear(rs, n))).optional();
    }

    /** A locked platform-year and its platform. */
    record Locked(Platform platform, PlatformYear platformYear) {
    }

    /**
     * What the plausibility checks of a save need, in one query: the platform's values of the year and
     * of the year before, and its plan targets of the year (table {@code plan_target} of the platform
     * feature, read here to spare the save a round trip).
     */
    Plausibility plausibility(UUID platformId, int year) {
        Plausibility inputs = new Plausibility(new HashMap<>(), new HashMap<>(), new HashMap<>());
        jdbc.sql("select case when y.year = ? then 'V' else 'P' end, v.indicator_code, v.value from indicator_value v "
                + "join platform_year y on y.id = v.platform_year_id where y.platform_id = ? and y.year in (?, ?) "
                + "union all select 'T', indicator_code, value from plan_target where platform_id = ? and year = ?")
                .param(year).param(platformId).param(year).param(year - 1).param(platformId).param(year)
                .query((rs, n) -> {
                    String kind = rs.getString(1);
                    (kind.equals("V") ? inputs.values() : kind.equals("P") ? inputs.previous() : inputs.targets())
                            .put(rs.getString(2), rs.getBigDecimal(3));
                    return kind;
                }).list();
        return inputs;
    }

    /** A platform's numbers of a year, of the year before, and its plan targets of the year, by indicator code. */
    record Plausibility(Map<String, BigDecimal> values, Map<String, BigDecimal> previous, Map<String, BigDecimal> targets) {
    }

    /**
     * Sets (or with a null value, removes) values of a platform-year locked by the running transaction
     * and increments its version if it is still {@code expectedVersion}, in one statement whatever the
     * batch size (an upsert of unnested arrays, a delete and the version update as data-modifying
     * {@code WITH} parts of one query); the new version.
     */
    long write(UUID platformYearId, long expectedVersion, List<StoredValue> values, Instant now, String by) {
        List<String> codes = new ArrayList<>();
        List<BigDecimal> numbers = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (StoredValue value : values) {
            if (value.value() == null) {
                removed.add(value.code());
            } else {
                codes.add(value.code());
                numbers.add(value.value());
                evidence.add(value.evidence() == null || value.evidence().isEmpty() ? "[]" : json.writeValueAsString(value.evidence()));
                notes.add(value.note());
            }
        }
        Long version = template.query(connection -> {
            var statement = connection.prepareStatement("""
                    with written as (
                        insert into indicator_value (platform_year_id, indicator_code, value, evidence, note, updated_at, updated_by)
                        select ?, code, value, evidence::jsonb, note, ?, ?
                        from unnest(?::text[], ?::numeric[], ?::text[], ?::text[]) as batch(code, value, evidence, note)
                        on conflict (platform_year_id, indicator_code) do update set value = excluded.value,
                            evidence = excluded.evidence, note = excluded.note, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        returning 1),
                    removed as (
                        delete from indicator_value where platform_year_id = ? and indicator_code = any(?::text[]) returning 1),
                    bumped as (
                        update platform_year set version = version + 1, updated_at = ? where id = ? and version = ?
                        returning version)
                    select version from bumped""");
            Timestamp at = Timestamp.from(now);
            statement.setObject(1, platformYearId);
            statement.setTimestamp(2, at);
            statement.setString(3, by);
            statement.setArray(4, connection.createArrayOf("text", codes.toArray()));
            statement.setArray(5, connection.createArrayOf("numeric", numbers.toArray()));
            statement.setArray(6, connection.createArrayOf("text", evidence.toArray()));
            statement.setArray(7, connection.createArrayOf("text", notes.toArray()));
            statement.setObject(8, platformYearId);
            statement.setArray(9, connection.createArrayOf("text", removed.toArray()));
            statement.setTimestamp(10, at);
            statement.setObject(11, platformYearId);
            statement.setLong(12, expectedVersion);
            return statement;
        }, rs -> rs.next() ? rs.getLong(1) : null);
        if (version == null) {
            throw new org.springframework.dao.OptimisticLockingFailureException("platform-year " + platformYearId);
        }
        return version;
    }

    /** The values of a platform-year by code. */
    Map<String, StoredValue> values(UUID platformYearId) {
        Map<String, StoredValue> values = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, value, evidence::text, note, updated_at, updated_by from indicator_value "
                + "where platform_year_id = ? order by indicator_code").param(platformYearId)
                .query((rs, n) -> storedValue(rs)).list().forEach(value -> values.put(value.code(), value));
        return values;
    }

    /** The numbers only, of a platform's year (e.g. the previous year's, for plausibility). */
    public Map<String, BigDecimal> numbers(UUID platformId, int year) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        jdbc.sql("select v.indicator_code, v.value from indicator_value v join platform_year y on y.id = v.platform_year_id "
                + "where y.platform_id = ? and y.year = ?").param(platformId).param(year)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(entry -> numbers.put(entry.getKey(), entry.getValue()));
        return numbers;
    }

    /** The numbers of many platforms' year. */
    public Map<UUID, Map<String, BigDecimal>> numbers(Collection<UUID> platformIds, int year) {
        Map<UUID, Map<String, BigDecimal>> numbers = new HashMap<>();
        if (platformIds.isEmpty()) {
            return numbers;
        }
        jdbc.sql("select y.platform_id, v.indicator_code, v.value from indicator_value v join platform_year y "
                + "on y.id = v.platform_year_id where y.platform_id = any(?::uuid[]) and y.year = ?")
                .param(PlatformRepository.arrayLiteral(platformIds)).param(year)
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3) }).list()
                .forEach(row -> numbers.computeIfAbsent((UUID) row[0], id -> new HashMap<>()).put((String) row[1], (BigDecimal) row[2]));
        return numbers;
    }

    /** The stored values (with notes and evidence) of many platforms' year, by platform and code. */
    public Map<UUID, Map<String, StoredValue>> values(Collection<UUID> platformIds, int year) {
        Map<UUID, Map<String, StoredValue>> values = new HashMap<>();
        if (platformIds.isEmpty()) {
            return values;
        }
        jdbc.sql("select v.indicator_code, v.value, v.evidence::text, v.note, v.updated_at, v.updated_by, y.platform_id "
                + "from indicator_value v join platform_year y on y.id = v.platform_year_id "
                + "where y.platform_id = any(?::uuid[]) and y.year = ? order by v.indicator_code")
                .param(PlatformRepository.arrayLiteral(platformIds)).param(year)
                .query((rs, n) -> Map.entry(rs.getObject(7, UUID.class), storedValue(rs))).list()
                .forEach(entry -> values.computeIfAbsent(entry.getKey(), id -> new LinkedHashMap<>())
                        .put(entry.getValue().code(), entry.getValue()));
        return values;
    }

    /** The state of many platforms' year, by platform. */
    public Map<UUID, YearState> states(Collection<UUID> platformIds, int year) {
        Map<UUID, YearState> states = new HashMap<>();
        if (platformIds.isEmpty()) {
            return states;
        }
        jdbc.sql("select platform_id, status, submitted_at, version from platform_year where platform_id = any(?::uuid[]) and year = ?")
                .param(PlatformRepository.arrayLiteral(platformIds)).param(year)
                .query((rs, n) -> new YearState(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), rs.getLong(4)))
                .list().forEach(state -> states.put(state.platformId(), state));
        return states;
    }

    /** What an overview needs of a platform-year. */
    public record YearState(UUID platformId, String status, Instant submittedAt, long version) {

        public boolean submitted() {
            return "SUBMITTED".equals(status);
        }
    }

    // --- windows

    boolean openWindow(UUID id, String programmeCode, int year, Instant opensAt, Instant endsAt, Instant now) {
        return jdbc.sql("insert into collection_window (id, programme_code, year, opens_at, ends_at, status, opened_at) "
                + "values (?, ?, ?, ?, ?, 'OPEN', ?) on conflict (programme_code, year) do nothing")
                .param(id).param(programmeCode).param(year).param(Timestamp.from(opensAt)).param(Timestamp.from(endsAt))
                .param(Timestamp.from(now)).update() > 0;
    }

    /** Active platforms of a programme that collect the year but have no platform-year yet. */
    List<UUID> collectingWithoutYear(String programmeCode, int year) {
        return jdbc.sql("select p.id from platform p where p.programme_code = ? and p.status = 'ACTIVE' and ? = any(p.plan_years) "
                + "and not exists (select 1 from platform_year y where y.platform_id = p.id and y.year = ?)")
                .param(programmeCode).param(year).param(year).query(UUID.class).list();
    }

    /** Open windows whose end has passed. */
    List<Window> endedWindows(Instant now) {
        return jdbc.sql("select id, programme_code, year, opens_at, ends_at, status, closed_at from collection_window "
                + "where status = 'OPEN' and ends_at <= ? order by ends_at").param(Timestamp.from(now))
                .query((rs, n) -> window(rs)).list();
    }

    boolean closeWindow(UUID id, Instant now) {
        return jdbc.sql("update collection_window set status = 'CLOSED', closed_at = ? where id = ? and status = 'OPEN'")
                .param(Timestamp.from(now)).param(id).update() > 0;
    }

    public List<Window> windows(String programmeCode, Integer year) {
        return jdbc.sql("select id, programme_code, year, opens_at, ends_at, status, closed_at from collection_window "
                + "where (?::text is null or programme_code = ?) and (?::int is null or year = ?) order by year desc, programme_code")
                .param(programmeCode).param(programmeCode).param(year).param(year).query((rs, n) -> window(rs)).list();
    }

    /** Locks the open platform-years of a programme's year when its window closes; how many. */
    int lockUnsubmitted(String programmeCode, int year, Instant now) {
        return jdbc.sql("update platform_year y set status = 'LOCKED', version = version + 1, updated_at = ? from platform p "
                + "where p.id = y.platform_id and p.programme_code = ? and y.year = ? and y.status = 'OPEN'")
                .param(Timestamp.from(now)).param(programmeCode).param(year).update();
    }

    /** Locks reopened platform-years whose deadline has passed; how many. */
    int lockExpiredReopenings(Instant now) {
        return jdbc.sql("update platform_year set status = 'LOCKED', version = version + 1, updated_at = ? "
                + "where status = 'REOPENED' and deadline < ?").param(Timestamp.from(now)).param(Timestamp.from(now)).update();
    }

    int countSubmitted(String programmeCode, int year) {
        return jdbc.sql("select count(*) from platform_year y join platform p on p.id = y.platform_id "
                + "where p.programme_code = ? and y.year = ? and y.status = 'SUBMITTED'")
                .param(programmeCode).param(year).query(Integer.class).single();
    }

    /** A programme's collection window of one year as stored. */
    public record Window(UUID id, String programmeCode, int year, Instant opensAt, Instant endsAt, String status,
            Instant closedAt) {
    }

    private static Window window(ResultSet rs) throws SQLException {
        return new Window(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), instant(rs, 4), instant(rs, 5),
                rs.getString(6), instant(rs, 7));
    }

    private StoredValue storedValue(ResultSet rs) throws SQLException {
        return new StoredValue(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(),
                json.readValue(rs.getString(3), EVIDENCE), rs.getString(4), instant(rs, 5), rs.getString(6));
    }

    private static PlatformYear platformYear(ResultSet rs, int n) throws SQLException {
        return new PlatformYear(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                PlatformYear.Status.valueOf(rs.getString(4)), rs.getLong(5), instant(rs, 6), rs.getString(7),
                instant(rs, 8), rs.getString(9), instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
