package vn.hoctap.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fingerprints of content: the same bytes, the same hash. */
public final class Hashes {

    private Hashes() {
    }

    /** SHA-256 of {@code bytes} in lower-case hexadecimal (64 characters). */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
