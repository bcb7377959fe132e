package cn.chanjiao.reporting.attachment;

import java.time.Instant;
import java.util.UUID;

/** An uploaded file as stored: recognised type, size and digest; the bytes live in the object storage. */
public record StoredAttachment(UUID id, UUID organisationId, String fileName, String fileType, String contentType,
        long size, String sha256, Instant uploadedAt) {
}
