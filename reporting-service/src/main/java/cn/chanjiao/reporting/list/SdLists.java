package cn.chanjiao.reporting.list;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Lists and their rows in PostgreSQL. */
@Repository
public class SdLists {

    /** The columns of a row; select them {@link #FROM_ROWS} (a row is published when its list is). */
    public static final String ROW_COLUMNS = """
            r.id, r.list_id, r.platform_id, r.kind, r.year, r.region_code, r.industry, r.position, r.unit_name,
            r.description, r.major, r.education_level, r.headcount, r.contact, r.phone, r.start_on, r.end_on,
            r.service_type, l.status = 'PUBLISHED' as published, l.published_at""";
    public static final String FROM_ROWS = " from sd_row r join sd_list l on l.id = r.list_id ";
    public static final String PUBLISHED = " l.status = 'PUBLISHED' ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SdLists(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    boolean insert(SdList list) {
        return jdbc.sql("""
                insert into sd_list (id, platform_id, kind, year, industry, status, version, row_count, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) on conflict (platform_id, kind, year) do nothing""")
                .param(list.id()).param(list.platformId()).param(list.kind().name()).param(list.year())
                .param(list.industry()).param(list.status()).param(list.version()).param(Timestamp.from(list.createdAt()))
                .param(Timestamp.from(list.updatedAt())).update() == 1;
    }

    public Optional<SdList> find(UUID id) {
        return jdbc.sql("select * from sd_list where id = ?").param(id).query(SdLists::list).optional();
    }

    Optional<SdList> lock(UUID id) {
        return jdbc.sql("select * from sd_list where id = ? for update").param(id).query(SdLists::list).optional();
    }

    List<SdList> ofPlatform(UUID platformId, Integer year) {
        return jdbc.sql("select * from sd_list where platform_id = ? and (cast(? as int) is null or year = ?) "
                + "order by year desc, kind").param(platformId).param(year).param(year).query(SdLists::list).list();
    }

    List<SdList> published(UUID platformId, Integer year, String kind, int page, int size) {
        return jdbc.sql("""
                select * from sd_list where status = 'PUBLISHED' and (cast(? as uuid) is null or platform_id = ?)
                  and (cast(? as int) is null or year = ?) and (cast(? as text) is null or kind = ?)
                order by published_at desc limit ? offset ?""")
                .param(platformId).param(platformId).param(year).param(year).param(kind).param(kind).param(size)
                .param((long) page * size).query(SdLists::list).list();
    }

    void touch(UUID listId, Instant at) {
        jdbc.sql("update sd_list set version = version + 1, updated_at = ?, "
                + "row_count = (select count(*) from sd_row where list_id = ?) where id = ?")
                .param(Timestamp.from(at)).param(listId).param(listId).update();
    }

    void publish(UUID listId, Instant at) {
        jdbc.sql("update sd_list set status = 'PUBLISHED', version = version + 1, published_at = ?, updated_at = ? where id = ?")
                .param(Timestamp.from(at)).param(Timestamp.from(at)).param(listId).update();
    }

    int nextPosition(UUID listId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from sd_row where list_id = ?").param(listId)
                .query(Integer.class).single();
    }

    void deleteRows(UUID listId) {
        jdbc.sql("delete from sd_row where list_id = ?").param(listId).update();
    }

    boolean deleteRow(UUID listId, UUID rowId) {
        return jdbc.sql("delete from sd_row where list_id = ? and id = ?").param(listId).param(rowId).update() == 1;
    }

    /** Inserts rows in one JDBC batch. */
    void insertRows(SdList list, String regionCode, List<RowAt> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into sd_row (id, list_id, platform_id, kind, year, region_code, industry, position, unit_name,
                    description, major, education_level, headcount, contact, phone, start_on, end_on, service_type,
                    search_pairs)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
                (PreparedStatement ps, RowAt row) -> {
                    ps.setObject(1, row.id());
                    ps.setObject(2, list.id());
                    ps.setObject(3, list.platformId());
                    ps.setString(4, list.kind().name());
                    ps.setInt(5, list.year());
                    ps.setString(6, regionCode);
                    ps.setString(7, list.industry());
                    ps.setInt(8, row.position());
                    bindValues(ps, 9, row.values());
                    ps.setArray(19, ps.getConnection().createArrayOf("text", pairs(row.values())));
                });
    }

    boolean updateRow(UUID listId, UUID rowId, RowValues values) {
        return template.update("""
                update sd_row set unit_name = ?, description = ?, major = ?, education_level = ?, headcount = ?,
                    contact = ?, phone = ?, start_on = ?, end_on = ?, service_type = ?, search_pairs = ?
                where list_id = ? and id = ?""",
                ps -> {
                    bindValues(ps, 1, values);
                    ps.setArray(11, ps.getConnection().createArrayOf("text", pairs(values)));
                    ps.setObject(12, listId);
                    ps.setObject(13, rowId);
                }) == 1;
    }

    /** The searchable text's pairs, as {@code search_text} is made in V2 (unit, description, major, service type). */
    static String[] pairs(RowValues v) {
        return PublicSearch.bigrams(String.join(" ", v.unitName() == null ? "" : v.unitName(),
                v.description() == null ? "" : v.description(), v.major() == null ? "" : v.major(),
                v.serviceType() == null ? "" : v.serviceType().name()));
    }

    private static void bindValues(PreparedStatement ps, int first, RowValues v) throws SQLException {
        ps.setString(first, v.unitName());
        ps.setString(first + 1, v.description());
        ps.setString(first + 2, v.major());
        ps.setString(first + 3, v.educationLevel() == null ? null : v.educationLevel().name());
        if (v.headcount() == null) {
            ps.setNull(first + 4, Types.INTEGER);
        } else {
            ps.setInt(first + 4, v.headcount());
        }
        ps.setString(first + 5, v.contact());
        ps.setString(first + 6, v.phone());
        ps.setDate(first + 7, v.startOn() == null ? null : Date.valueOf(v.startOn()));
        ps.setDate(first + 8, v.endOn() == null ? null : Date.valueOf(v.endOn()));
        ps.setString(first + 9, v.serviceType() == null ? null : v.serviceType().name());
    }

    public Optional<ListRow> findRow(UUID rowId) {
        return jdbc.sql("select " + ROW_COLUMNS + FROM_ROWS + "where r.id = ?").param(rowId).query(SdLists::row)
                .optional();
    }

    List<ListRow> rows(UUID listId, int page, int size) {
        return jdbc.sql("select " + ROW_COLUMNS + FROM_ROWS + "where r.list_id = ? order by r.position limit ? offset ?")
                .param(listId).param(size).param((long) page * size).query(SdLists::row).list();
    }

    long countRows(UUID listId) {
        return jdbc.sql("select count(*) from sd_row where list_id = ?").param(listId).query(Long.class).single();
    }

    /** Every row of a list in order, read with a cursor (fetch size 1000) so a long list is not held in memory. */
    void eachRow(UUID listId, Consumer<ListRow> consumer) {
        template.query(connection -> {
            PreparedStatement ps = connection.prepareStatement(
                    "select " + ROW_COLUMNS + FROM_ROWS + "where r.list_id = ? order by r.position");
            ps.setObject(1, listId);
            ps.setFetchSize(1000);
            return ps;
        }, (RowCallbackHandler) rs -> consumer.accept(row(rs, 0)));
    }

    static SdList list(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new SdList(rs.getObject("id", UUID.class), rs.getObject("platform_id", UUID.class),
                ListKind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getString("industry"), rs.getString("status"),
                rs.getLong("version"), rs.getInt("row_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), published == null ? null : published.toInstant());
    }

    public static ListRow row(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("education_level");
        String type = rs.getString("service_type");
        Date start = rs.getDate("start_on");
        Date end = rs.getDate("end_on");
        Timestamp published = rs.getTimestamp("published_at");
        RowValues values = new RowValues(rs.getString("unit_name"), rs.getString("description"), rs.getString("major"),
                level == null ? null : EducationLevel.valueOf(level), (Integer) rs.getObject("headcount"),
                rs.getString("contact"), rs.getString("phone"), start == null ? null : start.toLocalDate(),
                end == null ? null : end.toLocalDate(), type == null ? null : ServiceType.valueOf(type));
        return new ListRow(rs.getObject("id", UUID.class), rs.getObject("list_id", UUID.class),
                rs.getObject("platform_id", UUID.class), ListKind.valueOf(rs.getString("kind")), rs.getInt("year"),
                rs.getString("region_code"), rs.getString("industry"), rs.getInt("position"), values,
                rs.getBoolean("published"), published == null ? null : published.toInstant());
    }

    /** A row to insert at a position. */
    record RowAt(UUID id, int position, RowValues values) {
    }
}
