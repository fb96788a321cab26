package vn.hoctap.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA-512). The stored form carries its own
 * algorithm, iterations and salt, so the work factor can rise without invalidating old hashes.
 *
 * <p>Passwords people choose get the configured work factor ({@code hoctap.password.iterations},
 * OWASP's 210,000 by default). One-time passwords generated here are random (about 58 bits) and must
 * be changed at first sign-in, so they get a light factor: a bulk import of thousands of staff stays
 * fast without weakening what people choose.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final Set<String> COMMON = Set.of("12345678", "123456789", "1234567890", "password",
            "matkhau123", "abc12345", "11111111", "00000000", "88888888", "66666666", "12341234", "qwertyui",
            "iloveyou", "anhyeuem", "password1", "87654321", "admin123", "hoctap123");

    @Inject
    Pbkdf2PasswordHash strong;

    @Inject
    Pbkdf2PasswordHash light;

    @Inject
    @ConfigProperty(name = "hoctap.password.iterations", defaultValue = "210000")
    int iterations;

    private final SecureRandom random = new SecureRandom();
    private String dummyHash;

    @PostConstruct
    void init() {
        strong.initialize(parameters(iterations));
        light.initialize(parameters(2048));
        dummyHash = strong.generate("not-a-real-password".toCharArray());
    }

    private static Map<String, String> parameters(int iterations) {
        return Map.of("Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32");
    }

    /** Hash of a password a person chose. */
    public String hash(String password) {
        return strong.generate(password.toCharArray());
    }

    /** Hash of a one-time password produced by {@link #generate()}. */
    public String hashGenerated(String generated) {
        return light.generate(generated.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            strong.verify(password.toCharArray(), dummyHash);
            return false;
        }
        return strong.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real check, so that unknown accounts cannot be told apart by timing. */
    public void burn(String password) {
        strong.verify(password.toCharArray(), dummyHash);
    }

    /** A one-time password: 10 characters without look-alikes (no 0/O, 1/l/I). */
    public String generate() {
        StringBuilder s = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** Why a chosen password is not acceptable, as a bundle key; empty if it is fine. */
    public static Optional<String> weakness(String password, String... personal) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > 200) {
            return Optional.of("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 3) {
            return Optional.of("password.tooCommon");
        }
        for (String p : personal) {
            if (p != null && !p.isBlank() && lower.contains(p.toLowerCase(Locale.ROOT))) {
                return Optional.of("password.personal");
            }
        }
        return Optional.empty();
    }
}
