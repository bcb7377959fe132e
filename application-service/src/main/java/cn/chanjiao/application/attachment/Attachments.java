package cn.chanjiao.application.attachment;

import cn.chanjiao.kit.files.ContentSniffer;

import cn.chanjiao.kit.files.FileType;

import cn.chanjiao.application.config.ApplicationServiceProperties;
import cn.chanjiao.kit.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Uploaded files of applications: received into a temporary file (size-limited, hashed), recognised
 * by content, then kept in the {@link ObjectStorage} with their metadata. What the caller may upload
 * where is decided by the application form; this feature only stores and serves files.
 */
@Service
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final AttachmentRepository attachments;
    private final ObjectStorage storage;
    private final long maxBytes;

    Attachments(AttachmentRepository attachments, ObjectStorage storage, ApplicationServiceProperties properties) {
        this.attachments = attachments;
        this.storage = storage;
        this.maxBytes = properties.attachments().maxSize().toBytes();
    }

    /** A file received and recognised, not stored yet. */
    public record Received(Path file, FileType type, long size, String sha256) {

        public void discard() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete temporary upload {}", file, e);
            }
        }
    }

    /**
     * Reads an upload: refuses it when larger than {@code limit} (413) or when its content is not one
     * of {@code accepted} (415), whatever its name says.
     */
    public Received receive(InputStream content, long limit, Set<FileType> accepted) {
        long effectiveLimit = Math.min(limit, maxBytes);
        Path temp;
        try {
            temp = Files.createTempFile("upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(content, sha256); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    size += read;
                    if (size > effectiveLimit) {
                        throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "attachment.tooLarge", effectiveLimit)
                                .with("maxBytes", effectiveLimit);
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw ApiException.badRequest("attachment.empty");
            }
            Optional<FileType> type = ContentSniffer.sniff(temp);
            if (type.isEmpty() || !accepted.contains(type.get())) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.unsupportedType",
                        String.join(", ", accepted.stream().map(Enum::name).sorted().toList()))
                        .with("recognisedAs", type.map(Enum::name).orElse("UNKNOWN"));
            }
            return new Received(temp, type.get(), size, HexFormat.of().formatHex(sha256.digest()));
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(temp);
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps a received file as an attachment of an application; call inside the transaction that
     * changes the application: when it rolls back, the stored file is deleted again.
     */
    public StoredAttachment keep(UUID applicationId, String kind, String fileName, Received received, String uploadedBy,
            Instant at) {
        UUID id = UUID.randomUUID();
        String key = "applications/" + applicationId + "/" + id;
        try {
            storage.put(key, received.file());
        } catch (IOException e) {
            received.discard();
            throw new UncheckedIOException(e);
        }
        afterRollback(() -> deleteStored(key));
        StoredAttachment attachment = new StoredAttachment(id, applicationId, kind, safeName(fileName, received.type()),
                received.type(), received.size(), received.sha256(), key, uploadedBy, at);
        attachments.insert(attachment);
        return attachment;
    }

    public List<StoredAttachment> list(UUID applicationId) {
        return attachments.list(applicationId);
    }

    public Optional<StoredAttachment> find(UUID applicationId, UUID id) {
        return attachments.find(applicationId, id);
    }

    public InputStream open(StoredAttachment attachment) {
        try {
            return storage.open(attachment.storageKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an attachment; its file goes once the transaction commits. */
    public void remove(StoredAttachment attachment) {
        attachments.delete(attachment.id());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteStored(attachment.storageKey());
                }
            });
        } else {
            deleteStored(attachment.storageKey());
        }
    }

    /** A file name without paths or control characters, with the extension of what the content is. */
    static String safeName(String original, FileType type) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "attachment";
        }
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return base + "." + type.extension();
    }

    private void afterRollback(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        }
    }

    private void deleteStored(String key) {
        try {
            storage.delete(key);
        } catch (IOException e) {
            log.warn("could not delete stored file {}", key, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans up
        }
    }
}
