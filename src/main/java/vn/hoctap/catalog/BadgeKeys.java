package vn.hoctap.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.platform.security.SecretBox;
import vn.hoctap.shared.Times;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The key that signs Open Badges credentials: RSA 2048, generated on first use and kept in MariaDB
 * so that every node signs with the same key; its id is the RFC 7638 thumbprint of the public key.
 * The private half is stored sealed ({@link SecretBox}); a key stored in the clear by an earlier
 * version is sealed the first time it is read. If two nodes generate one at the same moment, both
 * keys are kept and the oldest signs.
 */
@ApplicationScoped
public class BadgeKeys {

    /** A signing key: its id, public and private halves. */
    public record Key(String kid, RSAPublicKey publicKey, PrivateKey privateKey) {
    }

    static final String PURPOSE = "badge signing key";

    @Inject
    Sql sql;

    @Inject
    SecretBox box;

    private volatile Key current;

    public Key current() {
        Key k = current;
        if (k == null) {
            synchronized (this) {
                if (current == null) {
                    current = loadOrCreate();
                }
                k = current;
            }
        }
        return k;
    }

    private Key loadOrCreate() {
        try {
            return load().orElseGet(() -> {
                try {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair pair = generator.generateKeyPair();
                    String kid = thumbprint((RSAPublicKey) pair.getPublic());
                    sql.update("INSERT IGNORE INTO signing_key (kid, algorithm, public_der, private_der, created_at) VALUES (?, 'RS256', ?, ?, ?)",
                            kid, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                            box.seal(PURPOSE, pair.getPrivate().getEncoded()), Times.nowUtc());
                    return load().orElseThrow();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<Key> load() throws GeneralSecurityException {
        java.util.Optional<String[]> row = sql.one("SELECT kid, public_der, private_der FROM signing_key ORDER BY created_at, kid LIMIT 1",
                rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
        if (row.isEmpty()) {
            return java.util.Optional.empty();
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(row.get()[1])));
        String stored = row.get()[2];
        byte[] der;
        if (SecretBox.isSealed(stored)) {
            der = box.open(PURPOSE, stored);
        } else {
            der = Base64.getDecoder().decode(stored);
            sql.update("UPDATE signing_key SET private_der = ? WHERE kid = ? AND private_der = ?",
                    box.seal(PURPOSE, der), row.get()[0], stored);
        }
        PrivateKey priv = rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        return java.util.Optional.of(new Key(row.get()[0], pub, priv));
    }

    /** RFC 7638: SHA-256 of the required members in lexical order, base64url. */
    static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
        var jwk = OpenBadge.jwk("x", key);
        String canonical = "{\"e\":\"" + jwk.get("e").asText() + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.get("n").asText() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
