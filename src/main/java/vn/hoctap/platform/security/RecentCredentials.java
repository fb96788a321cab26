package vn.hoctap.platform.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scripts send their password with every request (HTTP Basic); checking PBKDF2 each time would
 * spend a CPU core on it. A successful check is remembered for a few minutes as an HMAC of the
 * login and password under a key that lives only in this JVM's memory, together with the
 * account's password stamp: a changed password or a disabled account stops it at once.
 */
final class RecentCredentials {

    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] mac, String username, String stamp, Instant until) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    RecentCredentials() {
        new SecureRandom().nextBytes(key);
    }

    Optional<String> check(UsernamePasswordCredential credential, AccountDirectory accounts) {
        Entry e = entries.get(credential.getCaller());
        if (e == null || e.until().isBefore(Instant.now())
                || !MessageDigest.isEqual(e.mac(), mac(credential.getCaller(), credential.getPasswordAsString()))) {
            return Optional.empty();
        }
        Optional<AccountDirectory.Account> account = accounts.activeAccount(e.username());
        if (account.isEmpty() || !account.get().passwordStamp().equals(e.stamp())) {
            entries.remove(credential.getCaller());
            return Optional.empty();
        }
        return Optional.of(e.username());
    }

    void remember(UsernamePasswordCredential credential, String username, AccountDirectory accounts) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(x -> x.until().isBefore(Instant.now()));
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        accounts.activeAccount(username).ifPresent(a -> entries.put(credential.getCaller(),
                new Entry(mac(credential.getCaller(), credential.getPasswordAsString()), username, a.passwordStamp(),
                        Instant.now().plus(KEEP))));
    }

    private byte[] mac(String login, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((login + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
