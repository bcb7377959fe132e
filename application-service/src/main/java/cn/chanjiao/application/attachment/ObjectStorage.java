package cn.chanjiao.application.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where uploaded files live, outside the database (DESIGN §5): the filesystem by default
 * ({@link FileSystemObjectStorage}); an S3-compatible store in production implements the same port.
 * Keys are relative paths such as {@code applications/<id>/<attachment-id>}.
 */
public interface ObjectStorage {

    /** Stores the file at {@code source} under {@code key}, taking it over (the source may be moved). */
    void put(String key, Path source) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;

    boolean exists(String key);
}
