package vn.hoctap.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Uploaded files, stored once and named by the SHA-256 of their bytes. Behind this interface so
 * that an S3-compatible store can replace the disk; the platform only puts, opens and checks.
 */
public interface BlobStore {

    /** A stored file: its SHA-256 (hex) and size in bytes. */
    record Blob(String sha256, long size) {
    }

    /**
     * Moves a finished upload into the store (or drops it if the same bytes are already there)
     * and answers its address. The file is read once to hash it; memory does not grow with size.
     */
    Blob put(Path file) throws IOException;

    boolean exists(String sha256);

    InputStream open(String sha256) throws IOException;

    /** A local path to the bytes, for range requests and for the extraction process. */
    Optional<Path> localPath(String sha256);
}
