package cn.chanjiao.application.attachment;

import cn.chanjiao.kit.files.FileType;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file of an application: its metadata; the content is in the object storage.
 *
 * @param fileType    what the content was recognised as: PDF, JPEG, PNG, DOCX or XLSX
 * @param sha256      hex digest of the content
 */
public record StoredAttachment(UUID id, UUID applicationId, String kind, String fileName, FileType fileType,
        long sizeBytes, String sha256, String storageKey, String uploadedBy, Instant uploadedAt) {
}
