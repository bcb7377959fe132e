package cn.chanjiao.reporting.platform;

import cn.chanjiao.kit.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The platforms reporting-service knows, in PostgreSQL. */
@Repository
public class Platforms {

    private final JdbcClient jdbc;

    Platforms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a newly approved platform; false when it is known already (a redelivered event). */
    public boolean insertIfAbsent(Platform platform) {
        return jdbc.sql("""
                insert into platform (id, programme_id, programme_code, platform_type, name, lead_organisation_id,
                    lead_organisation_ids, member_organisation_ids, region_code, authority_code, plan_years, approved_at)
                values (?, ?, ?, ?, ?, ?, ?::uuid[], ?::uuid[], ?, ?, ?::int[], ?) on conflict (id) do nothing""")
                .param(platform.id()).param(platform.programmeId()).param(platform.programmeCode())
                .param(platform.platformType()).param(platform.name()).param(platform.leadOrganisationId())
                .param(arrayLiteral(platform.leadOrganisationIds())).param(arrayLiteral(platform.memberOrganisationIds()))
                .param(platform.regionCode()).param(platform.authorityCode()).param(arrayLiteral(platform.planYears()))
                .param(Timestamp.from(platform.approvedAt())).update() == 1;
    }

    public boolean revoke(UUID id, Instant at, String reason) {
        return jdbc.sql("update platform set revoked_at = ?, revoked_reason = ? where id = ? and revoked_at is null")
                .param(Timestamp.from(at)).param(reason).param(id).update() == 1;
    }

    public Optional<Platform> find(UUID id) {
        return jdbc.sql("select * from platform where id = ?").param(id).query(Platforms::row).optional();
    }

    public Platform require(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("platform.notFound", id));
    }

    /** Platforms the organisation leads or belongs to. */
    public List<Platform> ofOrganisation(UUID organisationId) {
        return jdbc.sql("select * from platform where ? = any(lead_organisation_ids) or ? = any(member_organisation_ids) "
                + "order by approved_at desc").param(organisationId).param(organisationId).query(Platforms::row).list();
    }

    static String arrayLiteral(List<?> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    static Platform row(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Platform(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                rs.getString("programme_code"), rs.getString("platform_type"), rs.getString("name"),
                rs.getObject("lead_organisation_id", UUID.class), uuids(rs.getArray("lead_organisation_ids")),
                uuids(rs.getArray("member_organisation_ids")), rs.getString("region_code"),
                rs.getString("authority_code"), ints(rs.getArray("plan_years")), rs.getTimestamp("approved_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (Integer) o).toList();
    }
}
