package vn.hoctap.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers, stored in the national form {@code 0xxxxxxxxx} (10 digits). Accepts
 * what people type: spaces, dots, dashes, and the international forms {@code +84…} or {@code 84…}.
 */
public final class PhoneNumber {

    /** Mobile prefixes in use since the 2018 renumbering: 03, 05, 07, 08, 09. */
    private static final Pattern NATIONAL = Pattern.compile("0[35789][0-9]{8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    private PhoneNumber() {
    }

    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(input.trim()).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return NATIONAL.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** Whether the text looks like someone meant a phone number (digits and separators only). */
    public static boolean looksLikePhone(String input) {
        return input != null && input.trim().matches("\\+?[0-9 .\\-()]{6,}");
    }
}
