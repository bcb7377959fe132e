package cn.chanjiao.reporting.attachment;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.files.ContentSniffer;
import cn.chanjiao.kit.files.FileType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Uploads recognised by content (never by name or declared type), stored on the file system under
 * {@code chanjiao.reporting.attachments.directory} with their metadata in PostgreSQL.
 */
@Service
public class Attachments {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;

    Attachments(JdbcClient jdbc, Clock clock,
            @Value("${chanjiao.reporting.attachments.directory:data/reporting-service/attachments}") Path directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
    }

    /** Stores the upload if its content is one of {@code allowed}; a 400 naming what it really is otherwise. */
    public StoredAttachment store(MultipartFile file, Caller caller, Set<FileType> allowed) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("attachment.empty");
        }
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "upload-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(file.getInputStream(), sha)) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                Optional<FileType> type = ContentSniffer.sniff(temp);
                if (type.isEmpty() || !allowed.contains(type.get())) {
                    throw ApiException.badRequest("attachment.typeNotAllowed", safeName(file.getOriginalFilename()),
                            String.join(", ", allowed.stream().map(Enum::name).sorted().toList()));
                }
                UUID id = UUID.randomUUID();
                String key = id + "." + type.get().extension();
                Files.move(temp, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE);
                StoredAttachment stored = new StoredAttachment(id, caller.organisationId().orElse(null),
                        safeName(file.getOriginalFilename()), type.get().name(), type.get().contentType(),
                        Files.size(directory.resolve(key)), HexFormat.of().formatHex(sha.digest()), clock.instant());
                jdbc.sql("""
                        insert into attachment (id, organisation_id, file_name, file_type, content_type, size, sha256,
                            storage_key, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .param(id).param(stored.organisationId()).param(stored.fileName()).param(stored.fileType())
                        .param(stored.contentType()).param(stored.size()).param(stored.sha256()).param(key)
                        .param(caller.username()).param(Timestamp.from(stored.uploadedAt())).update();
                return stored;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
