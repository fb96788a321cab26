package vn.hoctap.platform.storage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The blob store on disk: {@code <data dir>/blobs/ab/cd/abcd…} (two levels of fan-out keep
 * folders small with tens of thousands of files). Writes are a rename, so a reader never sees
 * half a file; the same bytes uploaded twice are stored once.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    @ConfigProperty(name = "hoctap.data.dir", defaultValue = "data")
    String dataDir;

    private Path root;

    public FileSystemBlobStore() {
    }

    /** For tests and tools: a store at a given folder. */
    public FileSystemBlobStore(Path root) {
        this.root = root;
    }

    @PostConstruct
    void init() {
        root = Path.of(dataDir, "blobs").toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob store at " + root, e);
        }
    }

    @Override
    public Blob put(Path file) throws IOException {
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        Path target = path(hash);
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
        } else {
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Path tmp = target.resolveSibling(hash + ".tmp");
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(file);
            }
        }
        return new Blob(hash, size);
    }

    @Override
    public boolean exists(String sha256) {
        return valid(sha256) && Files.exists(path(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        if (!valid(sha256)) {
            throw new IOException("not a blob address: " + sha256);
        }
        return Files.newInputStream(path(sha256));
    }

    @Override
    public Optional<Path> localPath(String sha256) {
        return exists(sha256) ? Optional.of(path(sha256)) : Optional.empty();
    }

    private Path path(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static boolean valid(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
