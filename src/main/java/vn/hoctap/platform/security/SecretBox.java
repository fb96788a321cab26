package vn.hoctap.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals secrets the platform keeps in its database (the badge signing key), so that a copy of the
 * database alone does not give them away: AES-256-GCM under a key that never goes into the
 * database — {@code HOCTAP_SECRET_KEY} (32 random bytes, base64; the same on every node), or, when
 * it is not set, {@code <data dir>/secret.key}, generated on first start (the embedded default).
 * A sealed value is {@code v1:} + base64(nonce ‖ ciphertext ‖ tag); the purpose is bound in as
 * associated data, so a value cannot be moved to another use.
 */
@ApplicationScoped
public class SecretBox {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "hoctap.secret-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "hoctap.data.dir", defaultValue = "data")
    String dataDir;

    private volatile SecretKey key;

    /** A secret that cannot be opened: the key differs from the one it was sealed with, or it was changed. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    SecretBox() {
    }

    /** For tests and tools: a box with a given key. */
    static SecretBox withKey(byte[] key) {
        SecretBox box = new SecretBox();
        box.key = new SecretKeySpec(key, "AES");
        return box;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String purpose, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = gcm.doFinal(plain);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(String purpose, String sealed) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            gcm.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("A sealed " + purpose + " cannot be opened: HOCTAP_SECRET_KEY (or <data dir>/secret.key)"
                    + " is not the key it was sealed with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(load(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.get().strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("HOCTAP_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return bytes;
        }
        Path file = Path.of(dataDir, "secret.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp); // another node or thread wrote it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }
}
