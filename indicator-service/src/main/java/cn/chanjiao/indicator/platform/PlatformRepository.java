package cn.chanjiao.indicator.platform;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.catalogue.CentreType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Platforms, their members and plan targets (tables {@code platform}, {@code platform_member}, {@code plan_target}). */
@Repository
public class PlatformRepository {

    private static final String COLUMNS = "id, programme_code, programme_id, platform_type, name, lead_organisation_id, "
            + "lead_organisation_ids, region_code, authority_code, plan_years, baseline_year, centre_type, status, approved_at";
    private static final RowMapper<Platform> PLATFORM = PlatformRepository::platform;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PlatformRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Replaces a platform's members with the list of a {@code PlatformMembersChanged} (the whole current list);
     * false when the platform is not known here.
     */
    boolean replaceMembers(UUID platformId, List<PlatformApproved.Member> members, Instant now) {
        if (jdbc.sql("update platform set updated_at = ? where id = ?").param(Timestamp.from(now)).param(platformId)
                .update() == 0) {
            return false;
        }
        jdbc.sql("delete from platform_member where platform_id = ?").param(platformId).update();
        List<Object[]> memberRows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            PlatformApproved.Member member = members.get(i);
            memberRows.add(new Object[] { platformId, i, member.organisationId(),
                    member.name() == null ? "" : member.name(), member.role() == null ? "PARTICIPANT" : member.role(),
                    member.memberType(), member.code(), member.provinceCode(), member.cityCode(), member.districtCode() });
        }
        template.batchUpdate("""
                insert into platform_member (platform_id, position, organisation_id, name, role, member_type, code,
                    province_code, city_code, district_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", memberRows);
        return true;
    }

    /** Stores (or replaces) an approved platform with its members and targets. */
    void save(PlatformApproved event, Instant now) {
        jdbc.sql("""
                insert into platform (id, programme_code, programme_id, platform_type, name, lead_organisation_id,
                    lead_organisation_ids, region_code, authority_code, plan_years, baseline_year, status, approved_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?::int[], ?, 'ACTIVE', ?, ?)
                on conflict (id) do update set programme_code = excluded.programme_code, programme_id = excluded.programme_id,
                    platform_type = excluded.platform_type, name = excluded.name,
                    lead_organisation_id = excluded.lead_organisation_id, lead_organisation_ids = excluded.lead_organisation_ids,
                    region_code = excluded.region_code, authority_code = excluded.authority_code,
                    plan_years = excluded.plan_years, baseline_year = excluded.baseline_year,
                    approved_at = excluded.approved_at, updated_at = excluded.updated_at""")
                .param(event.platformId()).param(event.programmeCode()).param(event.programmeId())
                .param(event.platformType()).param(event.name()).param(event.leadOrganisationId())
                .param(arrayLiteral(leads(event))).param(event.regionCode()).param(event.authorityCode())
                .param(arrayLiteral(event.planYears() == null ? List.of() : event.planYears()))
                .param(event.baselineYear()).param(Timestamp.from(event.approvedAt() == null ? now : event.approvedAt()))
                .param(Timestamp.from(now)).update();
        jdbc.sql("delete from platform_member where platform_id = ?").param(event.platformId()).update();
        jdbc.sql("delete from plan_target where platform_id = ?").param(event.platformId()).update();
        List<PlatformApproved.Member> members = event.members() == null ? List.of() : event.members();
        List<Object[]> memberRows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            PlatformApproved.Member member = members.get(i);
            memberRows.add(new Object[] { event.platformId(), i, member.organisationId(),
                    member.name() == null ? "" : member.name(), member.role() == null ? "PARTICIPANT" : member.role(),
                    member.memberType(), member.code(), member.provinceCode(), member.cityCode(), member.districtCode() });
        }
        template.batchUpdate("""
                insert into platform_member (platform_id, position, organisation_id, name, role, member_type, code,
                    province_code, city_code, district_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", memberRows);
        Map<String, Object[]> targetRows = new java.util.LinkedHashMap<>();
        for (PlatformApproved.PlanTarget target : event.targets() == null ? List.<PlatformApproved.PlanTarget>of() : event.targets()) {
            if (target.indicatorCode() != null && target.value() != null) {
                targetRows.put(target.indicatorCode() + "@" + target.year(),
                        new Object[] { event.platformId(), target.indicatorCode(), target.year(), target.value() });
            }
        }
        template.batchUpdate("insert into plan_target (platform_id, indicator_code, year, value) values (?, ?, ?, ?)",
                new ArrayList<>(targetRows.values()));
    }

    void revoke(UUID platformId, String reason, Instant now) {
        jdbc.sql("update platform set status = 'REVOKED', revoked_reason = ?, updated_at = ? where id = ?")
                .param(reason).param(Timestamp.from(now)).param(platformId).update();
    }

    void setCentreType(UUID platformId, CentreType centreType, Instant now) {
        jdbc.sql("update platform set centre_type = ?, updated_at = ? where id = ?")
                .param(centreType == null ? null : centreType.name()).param(Timestamp.from(now)).param(platformId).update();
    }

    public Optional<Platform> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from platform where id = ?").param(id).query(PLATFORM).optional();
    }

    /** The platforms of a programme, in name order. */
    public List<Platform> ofProgramme(String programmeCode) {
        return jdbc.sql("select " + COLUMNS + " from platform where programme_code = ? order by name, id")
                .param(programmeCode).query(PLATFORM).list();
    }

    /**
     * Platforms in approval order, optionally of one programme, of one lead organisation and changed
     * since a moment (incremental sync).
     */
    List<Platform> page(String programmeCode, UUID organisationId, Instant updatedSince, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from platform where " + FILTER + " order by approved_at desc, id offset ? limit ?")
                .params(filter(programmeCode, organisationId, updatedSince)).param(offset).param(limit).query(PLATFORM).list();
    }

    long count(String programmeCode, UUID organisationId, Instant updatedSince) {
        return jdbc.sql("select count(*) from platform where " + FILTER).params(filter(programmeCode, organisationId, updatedSince))
                .query(Long.class).single();
    }

    private static final String FILTER = "(?::text is null or programme_code = ?) "
            + "and (?::uuid is null or ? = any(lead_organisation_ids)) and (?::timestamptz is null or updated_at >= ?)";

    private static List<Object> filter(String programmeCode, UUID organisationId, Instant updatedSince) {
        Timestamp since = updatedSince == null ? null : Timestamp.from(updatedSince);
        return java.util.Arrays.asList(programmeCode, programmeCode, organisationId, organisationId, since, since);
    }

    public List<Platform.Member> members(UUID platformId) {
        return jdbc.sql("select organisation_id, name, role, member_type, code, province_code, city_code, district_code "
                + "from platform_member where platform_id = ? order by position").param(platformId)
                .query((rs, n) -> new Platform.Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    /** Members of many platforms at once. */
    public Map<UUID, List<Platform.Member>> members(Collection<UUID> platformIds) {
        Map<UUID, List<Platform.Member>> result = new HashMap<>();
        if (platformIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select platform_id, organisation_id, name, role, member_type, code, province_code, city_code, district_code "
                + "from platform_member where platform_id = any(?::uuid[]) order by platform_id, position")
                .param(arrayLiteral(platformIds))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new Platform.Member(rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9))))
                .list().forEach(entry -> result.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return result;
    }

    public List<Platform.Target> targets(UUID platformId) {
        return jdbc.sql("select indicator_code, year, value from plan_target where platform_id = ? order by year, indicator_code")
                .param(platformId).query((rs, n) -> new Platform.Target(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3))).list();
    }

    /** One year's targets of a platform by indicator code. */
    public Map<String, BigDecimal> targets(UUID platformId, int year) {
        Map<String, BigDecimal> result = new HashMap<>();
        jdbc.sql("select indicator_code, value from plan_target where platform_id = ? and year = ?")
                .param(platformId).param(year)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    /** One year's targets of many platforms. */
    public Map<UUID, Map<String, BigDecimal>> targets(Collection<UUID> platformIds, int year) {
        Map<UUID, Map<String, BigDecimal>> result = new HashMap<>();
        if (platformIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select platform_id, indicator_code, value from plan_target where platform_id = any(?::uuid[]) and year = ?")
                .param(arrayLiteral(platformIds)).param(year)
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3) }).list()
                .forEach(row -> result.computeIfAbsent((UUID) row[0], id -> new HashMap<>()).put((String) row[1], (BigDecimal) row[2]));
        return result;
    }

    private static List<UUID> leads(PlatformApproved event) {
        List<UUID> leads = new ArrayList<>(event.leadOrganisationIds() == null ? List.of() : event.leadOrganisationIds());
        if (event.leadOrganisationId() != null && !leads.contains(event.leadOrganisationId())) {
            leads.add(0, event.leadOrganisationId());
        }
        return leads;
    }

    /** A PostgreSQL array literal, e.g. {@code {a,b}}. */
    public static String arrayLiteral(Collection<?> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    /** The columns {@link #platform(ResultSet, int)} reads, of the table aliased {@code alias} (for a join). */
    public static String columns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(",\\s*")).map(column -> alias + "." + column)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A platform from a row holding {@link #columns(String)} under their own names. */
    public static Platform platform(ResultSet rs, int n) throws SQLException {
        String centre = rs.getString("centre_type");
        return new Platform(rs.getObject("id", UUID.class), rs.getString("programme_code"),
                rs.getObject("programme_id", UUID.class), rs.getString("platform_type"), rs.getString("name"),
                rs.getObject("lead_organisation_id", UUID.class), uuids(rs.getArray("lead_organisation_ids")),
                rs.getString("region_code"), rs.getString("authority_code"), ints(rs.getArray("plan_years")),
                (Integer) rs.getObject("baseline_year"), centre == null ? null : CentreType.valueOf(centre),
                rs.getString("status"), rs.getTimestamp("approved_at").toInstant());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(value -> (UUID) value).toList();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(value -> (Integer) value).toList();
    }
}
