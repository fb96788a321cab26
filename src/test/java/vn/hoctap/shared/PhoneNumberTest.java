package vn.hoctap.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "0912 345 678", "091.234.5678", "+84912345678", "84912345678", "+84 91 234 5678"})
    void commonSpellingsNormalizeToTheNationalForm(String typed) {
        assertEquals("0912345678", PhoneNumber.normalize(typed).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "0212345678", "091234567", "09123456789", "abc0912345678", "0412345678"})
    void wrongNumbersAreRefused(String typed) {
        assertTrue(PhoneNumber.normalize(typed).isEmpty(), typed);
    }
}
