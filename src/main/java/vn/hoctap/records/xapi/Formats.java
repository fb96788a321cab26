package vn.hoctap.records.xapi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formatted strings of xAPI: UUIDs, IRIs, language tags (RFC 5646), timestamps (ISO 8601 /
 * RFC 3339) and durations (ISO 8601). Each check is as strict as the specification and the
 * conformance suite are, and no stricter: a valid statement is never refused.
 */
public final class Formats {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

    /** A scheme, a colon and something after it, with none of the characters an IRI may not hold. */
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+");

    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4}|[A-Za-z]{5,8})"
                    + "(?:-[A-Za-z]{4})?"
                    + "(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
                    + "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
                    + "(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
                    + "(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?)"
                    + "|[xX](?:-[A-Za-z0-9]{1,8})+"
                    + "|[iI]-[A-Za-z]{2,8}|en-GB-oed|sgn-[A-Za-z]{2}-[A-Za-z]{2,3}");

    private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+");
    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern SHA2_HEX = Pattern.compile("[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128}");

    /**
     * Date, 'T' (or a space, which RFC 3339 allows), time with optional fraction, and an optional
     * offset. ISO 8601's "unknown local offset" (-00, -0000, -00:00) is refused separately.
     */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?"
                    + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");

    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d+(?:[.,]\\d+)?)W|(?:(\\d+(?:[.,]\\d+)?)Y)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)D)?"
                    + "(?:T(?:(\\d+(?:[.,]\\d+)?)H)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?)");

    /** How the store writes timestamps: UTC, milliseconds or finer, always with 'Z'. */
    public static final DateTimeFormatter UTC_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .appendLiteral('Z')
            .toFormatter();

    private Formats() {
    }

    public static boolean isUuid(String s) {
        return s != null && s.length() == 36 && UUID_TEXT.matcher(s).matches();
    }

    public static boolean isIri(String s) {
        return s != null && IRI.matcher(s).matches();
    }

    public static boolean isLanguageTag(String s) {
        return s != null && LANGUAGE_TAG.matcher(s).matches() && !repeatsExtensionSingleton(s);
    }

    /** RFC 5646: an extension singleton (the "u" of "-u-…") may appear once per tag. */
    private static boolean repeatsExtensionSingleton(String tag) {
        Set<String> singletons = new HashSet<>();
        for (String subtag : tag.toLowerCase(Locale.ROOT).split("-")) {
            if (subtag.equals("x")) {
                return false; // private use: anything goes after it
            }
            if (subtag.length() == 1 && !singletons.add(subtag)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isMailto(String s) {
        return s != null && MAILTO.matcher(s).matches();
    }

    public static boolean isSha1Hex(String s) {
        return s != null && SHA1_HEX.matcher(s).matches();
    }

    public static boolean isSha2Hex(String s) {
        return s != null && SHA2_HEX.matcher(s).matches();
    }

    public static UUID uuid(String s) {
        return UUID.fromString(s);
    }

    /**
     * A timestamp as an instant in UTC, or empty when it is not a valid ISO 8601 / RFC 3339
     * timestamp. Without an offset the time is taken as UTC (2.0 asks for UTC; 1.0.3 allowed none).
     */
    public static Optional<OffsetDateTime> parseTimestamp(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String offset = m.group(8);
        if (offset != null && offset.startsWith("-") && offset.replaceAll("[^1-9]", "").isEmpty()) {
            return Optional.empty(); // -00, -0000, -00:00: "local time, offset unknown"
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nanos = 0;
            if (m.group(7) != null) {
                nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            }
            boolean leap = second == 60;
            LocalTime time = LocalTime.of(hour == 24 ? 0 : hour, minute, leap ? 59 : second, nanos);
            if (hour == 24 && (minute != 0 || second != 0 || nanos != 0)) {
                return Optional.empty();
            }
            LocalDateTime local = LocalDateTime.of(hour == 24 ? date.plusDays(1) : date, time);
            ZoneOffset zone = offset == null || offset.equalsIgnoreCase("z") ? ZoneOffset.UTC : parseOffset(offset);
            return Optional.of(OffsetDateTime.of(local, zone).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty(); // 2026-02-30, hour 25, offset +19:00 …
        }
    }

    private static ZoneOffset parseOffset(String offset) {
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** A timestamp as the store writes it: UTC with at least millisecond precision. */
    public static String formatTimestamp(OffsetDateTime t) {
        return UTC_TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static boolean isDuration(String s) {
        if (s == null) {
            return false;
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches() || s.equals("P") || s.endsWith("T")) {
            return false;
        }
        for (int g = 1; g <= 7; g++) {
            if (m.group(g) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A duration in milliseconds, for time-spent totals. Years and months count as 365 and 30
     * days: xAPI durations of learning are hours, not calendars. Empty when not a duration.
     */
    public static Optional<Long> durationMillis(String s) {
        if (!isDuration(s)) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(s);
        m.matches();
        double[] unitSeconds = {7 * 86400, 365 * 86400, 30 * 86400, 86400, 3600, 60, 1};
        BigDecimal total = BigDecimal.ZERO;
        for (int g = 1; g <= 7; g++) {
            if (m.group(g) != null) {
                total = total.add(new BigDecimal(m.group(g).replace(',', '.'))
                        .multiply(BigDecimal.valueOf(unitSeconds[g - 1])));
            }
        }
        return Optional.of(total.multiply(BigDecimal.valueOf(1000)).longValue());
    }

    /**
     * A duration cut to hundredths of a second, for comparing statements: 2.0 says precision
     * beyond 0.01 s is ignored.
     */
    public static String durationToHundredths(String s) {
        Matcher m = Pattern.compile("(\\d+)[.,](\\d{2})\\d*S$").matcher(s);
        return m.find() ? s.substring(0, m.start()) + m.group(1) + "." + m.group(2) + "S" : s;
    }
}
