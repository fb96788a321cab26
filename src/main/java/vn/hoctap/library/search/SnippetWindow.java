package vn.hoctap.library.search;

import vn.hoctap.shared.Text;

import java.text.Normalizer;
import java.util.List;

/**
 * The part of a long text worth highlighting: around the first place a searched word appears,
 * found by a plain scan of the text folded letter by letter (no analysis), so the highlighter
 * analyses a window of the text instead of all of it.
 */
final class SnippetWindow {

    static final int BEFORE = 240;
    static final int LENGTH = 1_400;

    private SnippetWindow() {
    }

    /** {@code text} folded with every character in its place (the same length as the text). */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Text.foldInPlace(text.charAt(i));
        }
        return new String(out);
    }

    /**
     * The window of {@code text} from shortly before the first whole-word occurrence of the
     * folded {@code words} to past the last word's first occurrence — every word is in it, as the
     * highlighter needs — or the whole text when a word is not in it or the words lie too far apart.
     */
    static String around(String text, List<String> words) {
        if (text.length() <= LENGTH || words.isEmpty()) {
            return text;
        }
        String source = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC); // extracted text may come decomposed
        String folded = fold(source);
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (String w : words) {
            int at = find(folded, w);
            if (at < 0) {
                return text;
            }
            first = Math.min(first, at);
            last = Math.max(last, at + w.length());
        }
        if (last - first > LENGTH - BEFORE) {
            return text;
        }
        int start = Math.max(0, first - BEFORE);
        while (start > 0 && start < first && !Character.isWhitespace(source.charAt(start - 1))) {
            start++;
        }
        int end = Math.min(source.length(), Math.max(start + LENGTH, last));
        while (end < source.length() && !Character.isWhitespace(source.charAt(end))) {
            end++;
        }
        return source.substring(start, end);
    }

    private static int find(String folded, String word) {
        if (word.isEmpty()) {
            return -1;
        }
        int from = 0;
        while (true) {
            int at = folded.indexOf(word, from);
            if (at < 0) {
                return -1;
            }
            int end = at + word.length();
            if ((at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1)))
                    && (end == folded.length() || !Character.isLetterOrDigit(folded.charAt(end)))) {
                return at;
            }
            from = at + 1;
        }
    }
}
