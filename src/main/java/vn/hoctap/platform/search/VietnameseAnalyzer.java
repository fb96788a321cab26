package vn.hoctap.platform.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import vn.hoctap.shared.Text;

import java.io.IOException;
import java.text.Normalizer;

/**
 * Lucene analysis for Vietnamese, in two flavours that every text is indexed with:
 *
 * <ul>
 * <li>{@link Mode#FOLDED}: every mark removed and đ → d, so "chuyen doi so" finds "chuyển đổi số";</li>
 * <li>{@link Mode#EXACT}: letters kept as written (ă, â, ê, ô, ơ, ư, đ) but the tone moved into a
 * suffix, so the old and new tone placements ("khoá"/"khóa", "hoà"/"hòa") are one term, and a
 * query typed with diacritics matches exactly (this field is boosted).</li>
 * </ul>
 *
 * Syllables are tokens (Unicode word boundaries split Vietnamese at spaces); text is NFC and
 * lower case first.
 */
public final class VietnameseAnalyzer extends Analyzer {

    /**
     * {@code PAIRS}: folded syllables taken two by two ("chuyen doi", "doi so"), so that "these
     * syllables side by side" is a single term to look up rather than a phrase query.
     */
    public enum Mode { FOLDED, EXACT, PAIRS }

    private final Mode mode;

    public VietnameseAnalyzer(Mode mode) {
        this.mode = mode;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new SyllableFilter(stream, mode == Mode.PAIRS ? Mode.FOLDED : mode);
        if (mode == Mode.PAIRS) {
            ShingleFilter pairs = new ShingleFilter(stream, 2, 2);
            pairs.setOutputUnigrams(false);
            stream = pairs;
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** The terms this analyzer makes of a text (a query's words), in order; none for null. */
    public java.util.List<String> terms(String text) {
        java.util.List<String> terms = new java.util.ArrayList<>();
        if (text == null) {
            return terms;
        }
        try (TokenStream stream = tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return terms;
    }

    /** Several values of one field (title, description, subjects, text) never form a phrase together. */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100;
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new SyllableFilter(new LowerCaseFilter(in), mode == Mode.PAIRS ? Mode.FOLDED : mode);
    }

    /** The term a syllable becomes in the exact field: "khóa" and "khoá" → "khoa#1". */
    public static String exactForm(String syllable) {
        String decomposed = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        int tone = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (c) {
                case '\u0301' -> tone = 1; // sắc
                case '\u0300' -> tone = 2; // huyền
                case '\u0309' -> tone = 3; // hỏi
                case '\u0303' -> tone = 4; // ngã
                case '\u0323' -> tone = 5; // nặng
                default -> base.append(c);
            }
        }
        String letters = Normalizer.normalize(base, Normalizer.Form.NFC);
        return tone == 0 ? letters : letters + "#" + tone;
    }

    /** The term a syllable becomes in the folded field. */
    public static String foldedForm(String syllable) {
        return Text.fold(syllable);
    }

    private static final class SyllableFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Mode mode;

        SyllableFilter(TokenStream input, Mode mode) {
            super(input);
            this.mode = mode;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String original = term.toString();
            boolean ascii = true;
            for (int i = 0; i < original.length() && ascii; i++) {
                ascii = original.charAt(i) < 0x80;
            }
            if (!ascii) {
                String transformed = mode == Mode.EXACT ? exactForm(original) : foldedForm(original);
                term.setEmpty().append(transformed);
            }
            return true;
        }
    }
}
