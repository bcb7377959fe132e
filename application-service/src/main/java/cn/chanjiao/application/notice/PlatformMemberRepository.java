package cn.chanjiao.application.notice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The current members of approved platforms ({@code platform_member}) and the audit of their changes. */
@Repository
class PlatformMemberRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlatformMemberRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A member: a lead unit or participant.
     *
     * @param regionCode the region as entered (participants) or the most precise known (leads)
     */
    record Member(UUID id, UUID platformId, int position, String role, String memberType, UUID organisationId, String name,
            String code, String regionCode, String provinceCode, String cityCode, String districtCode, Instant addedAt) {
    }

    record Change(long id, UUID memberId, String action, String before, String after, String actor, String actorRole,
            String comment, long memberVersion, Instant at) {
    }

    boolean any(UUID platformId) {
        return jdbc.sql("select exists (select 1 from platform_member where platform_id = ?)").param(platformId)
                .query(Boolean.class).single();
    }

    List<Member> current(UUID platformId) {
        return jdbc.sql("select * from platform_member where platform_id = ? and removed_at is null order by position")
                .param(platformId).query(this::member).list();
    }

    void insert(Member m) {
        jdbc.sql("""
                insert into platform_member (id, platform_id, position, role, member_type, organisation_id, name, code,
                    region_code, province_code, city_code, district_code, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(m.id()).param(m.platformId()).param(m.position()).param(m.role()).param(m.memberType())
                .param(m.organisationId()).param(m.name()).param(m.code()).param(m.regionCode()).param(m.provinceCode())
                .param(m.cityCode()).param(m.districtCode()).param(Timestamp.from(m.addedAt())).update();
    }

    void update(Member m) {
        jdbc.sql("""
                update platform_member set member_type = ?, organisation_id = ?, name = ?, code = ?, region_code = ?,
                    province_code = ?, city_code = ?, district_code = ? where id = ?""")
                .param(m.memberType()).param(m.organisationId()).param(m.name()).param(m.code()).param(m.regionCode())
                .param(m.provinceCode()).param(m.cityCode()).param(m.districtCode()).param(m.id()).update();
    }

    void remove(UUID memberId, Instant at) {
        jdbc.sql("update platform_member set removed_at = ? where id = ?").param(Timestamp.from(at)).param(memberId).update();
    }

    int nextPosition(UUID platformId) {
        return jdbc.sql("select coalesce(max(position), -1) + 1 from platform_member where platform_id = ?")
                .param(platformId).query(Integer.class).single();
    }

    long version(UUID platformId) {
        return jdbc.sql("select member_version from platform where id = ?").param(platformId).query(Long.class).single();
    }

    long bump(UUID platformId) {
        return jdbc.sql("update platform set member_version = member_version + 1 where id = ? returning member_version")
                .param(platformId).query(Long.class).single();
    }

    void audit(UUID platformId, UUID memberId, String action, Member before, Member after, String actor, String role,
            String comment, long version, Instant at) {
        jdbc.sql("""
                insert into platform_member_change (platform_id, member_id, action, before_state, after_state, actor,
                    actor_role, comment, member_version, at) values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)""")
                .param(platformId).param(memberId).param(action)
                .param(before == null ? null : json.writeValueAsString(before))
                .param(after == null ? null : json.writeValueAsString(after)).param(actor).param(role).param(comment)
                .param(version).param(Timestamp.from(at)).update();
    }

    List<Change> changes(UUID platformId) {
        return jdbc.sql("select * from platform_member_change where platform_id = ? order by id").param(platformId)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getObject("member_id", UUID.class),
                        rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"),
                        rs.getString("actor"), rs.getString("actor_role"), rs.getString("comment"),
                        rs.getLong("member_version"), rs.getTimestamp("at").toInstant())).list();
    }

    private Member member(ResultSet rs, int n) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getObject("platform_id", UUID.class), rs.getInt("position"),
                rs.getString("role"), rs.getString("member_type"), rs.getObject("organisation_id", UUID.class),
                rs.getString("name"), rs.getString("code"), rs.getString("region_code"), rs.getString("province_code"),
                rs.getString("city_code"), rs.getString("district_code"), rs.getTimestamp("added_at").toInstant());
    }
}
