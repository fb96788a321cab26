package vn.hoctap.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordsTest {

    @Test
    void weakPasswordsAreNamed() {
        assertEquals(Optional.of("password.tooShort"), Passwords.weakness("abc123"));
        assertEquals(Optional.of("password.tooCommon"), Passwords.weakness("12345678"));
        assertEquals(Optional.of("password.tooCommon"), Passwords.weakness("aaaaaaaaaa"));
        assertEquals(Optional.of("password.personal"), Passwords.weakness("x0912345678x", "0912345678"));
        assertEquals(Optional.empty(), Passwords.weakness("Rừng-Mộc-Châu-2026", "0912345678", "binhlt"));
    }
}
