package vn.hoctap.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese-aware text helpers. */
public final class Text {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** RuleBasedCollator.compare is synchronized: one instance serves every thread. */
    private static final java.text.Collator VIETNAMESE = java.text.Collator.getInstance(Locale.forLanguageTag("vi"));

    private Text() {
    }

    /**
     * The folded form used for searching: Unicode NFC, lower case, every diacritic removed, đ → d,
     * white space collapsed. "Nguyễn Thị Đào" and "nguyen thi dao" fold to the same string, and so
     * do the old and new tone placements ("hoà" / "hòa").
     */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = c < FOLDED.length ? FOLDED[c] : SLOW;
            if (f == SLOW) {
                return slowFold(s);
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            if (f == SPACE) {
                space = !out.isEmpty();
            } else if (f != DROP) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(f);
            }
        }
        return out == null ? "" : out.toString();
    }

    /** What {@link #fold} does, by the rules themselves; the table below answers it for the common letters. */
    static String slowFold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /*
     * fold, character by character, for Latin letters (with Vietnamese's precomposed ones in
     * U+1E00–U+1EFF) and combining marks: a search analyses every syllable it highlights with it,
     * and the rules (normalise, regular expressions) cost far more than the answer. Anything else
     * (other scripts, letters that fold to two, control characters) takes the rules.
     */
    private static final char SLOW = '\uFFFF';
    private static final char DROP = '\uFFFE';
    private static final char SPACE = '\uFFFD';
    private static final char[] FOLDED = new char[0x1F00];

    static {
        java.util.Arrays.fill(FOLDED, SLOW);
        for (char c = 0; c < FOLDED.length; c++) {
            boolean latin = c < 0x250 || (c >= 0x1E00 && c < 0x1F00);
            boolean mark = c >= 0x300 && c < 0x370;
            if (" \t\n\u000B\f\r".indexOf(c) >= 0) {
                FOLDED[c] = SPACE;
            } else if (mark) {
                FOLDED[c] = slowFold(String.valueOf(c)).isEmpty() ? DROP : SLOW;
            } else if (latin && c >= 0x20) {
                String f = slowFold(String.valueOf(c));
                FOLDED[c] = f.length() == 1 ? f.charAt(0) : SLOW;
            }
        }
    }

    /**
     * One character folded where it stands (a text folded this way keeps its length, so a folded
     * word found in it is found in the original at the same place): a Latin letter to its
     * lower-case base letter (ế → e, Đ → d), anything else lower-cased.
     */
    public static char foldInPlace(char c) {
        char f = c < FOLDED.length ? FOLDED[c] : SLOW;
        return f == SLOW || f == DROP || f == SPACE ? Character.toLowerCase(c) : f;
    }

    /** NFC with collapsed white space, null for blank: how names are stored. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").trim();
        return t.isEmpty() ? null : t;
    }

    /** Vietnamese dictionary order (a, ă, â, b …; tones after the base letter), for sorting names and titles. */
    public static int compareVietnamese(String a, String b) {
        return VIETNAMESE.compare(a == null ? "" : a, b == null ? "" : b);
    }

    /** Text made safe inside HTML, in element content and in quoted attributes. */
    public static String escapeHtml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Escapes LIKE wildcards so that user input matches literally. */
    public static String likeContains(String folded) {
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
