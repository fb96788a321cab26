package vn.hoctap.platform.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void sealsAndOpens() {
        SecretBox box = SecretBox.withKey(key(7));
        byte[] secret = "khóa bí mật".getBytes(StandardCharsets.UTF_8);
        String sealed = box.seal("badge signing key", secret);
        assertTrue(SecretBox.isSealed(sealed));
        assertFalse(sealed.contains("khóa"));
        assertNotEquals(sealed, box.seal("badge signing key", secret), "a fresh nonce each time");
        assertArrayEquals(secret, box.open("badge signing key", sealed));
    }

    @Test
    void anotherKeyAnotherPurposeOrATamperedValueCannotOpenIt() {
        String sealed = SecretBox.withKey(key(7)).seal("badge signing key", new byte[]{1, 2, 3});
        assertThrows(SecretBox.Unreadable.class, () -> SecretBox.withKey(key(8)).open("badge signing key", sealed));
        assertThrows(SecretBox.Unreadable.class, () -> SecretBox.withKey(key(7)).open("something else", sealed));
        // One bit of the ciphertext flipped (on the bytes: a base64 character may carry only padding bits).
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring("v1:".length()));
        bytes[14] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
        assertThrows(SecretBox.Unreadable.class, () -> SecretBox.withKey(key(7)).open("badge signing key", tampered));
    }
}
