package cn.chanjiao.application.attachment;

import cn.chanjiao.kit.files.FileType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Attachment metadata in PostgreSQL. */
@Repository
class AttachmentRepository {

    private static final String COLUMNS = "id, application_id, kind, file_name, file_type, size_bytes, sha256, "
            + "storage_key, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredAttachment attachment) {
        jdbc.sql("insert into attachment (id, application_id, kind, file_name, file_type, content_type, size_bytes, "
                + "sha256, storage_key, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(attachment.id()).param(attachment.applicationId()).param(attachment.kind())
                .param(attachment.fileName()).param(attachment.fileType().name())
                .param(attachment.fileType().contentType()).param(attachment.sizeBytes()).param(attachment.sha256())
                .param(attachment.storageKey()).param(attachment.uploadedBy())
                .param(Timestamp.from(attachment.uploadedAt())).update();
    }

    List<StoredAttachment> list(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where application_id = ? order by uploaded_at, id")
                .param(applicationId).query(this::row).list();
    }

    Optional<StoredAttachment> find(UUID applicationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from attachment where application_id = ? and id = ?")
                .param(applicationId).param(id).query(this::row).optional();
    }

    void delete(UUID id) {
        jdbc.sql("delete from attachment where id = ?").param(id).update();
    }

    private StoredAttachment row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredAttachment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("kind"), rs.getString("file_name"), FileType.valueOf(rs.getString("file_type")),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
