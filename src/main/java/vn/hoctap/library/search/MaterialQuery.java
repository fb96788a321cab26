package vn.hoctap.library.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.hoctap.platform.search.VietnameseAnalyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into a Lucene query, without a query syntax to get wrong: every word
 * must appear (in the title, description, subjects or text), "quoted words" must appear together,
 * and a match written exactly as typed (diacritics and all) scores above a folded one; the title
 * counts most, then subjects, description and text.
 */
public final class MaterialQuery {

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");
    private static final Analyzer FOLDED = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);
    private static final Analyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);

    /** Field pairs (folded, exact) with their weights. */
    private record Field(String folded, String exact, float weight) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field(MaterialDocuments.TITLE_F, MaterialDocuments.TITLE_X, 4f),
            new Field(MaterialDocuments.TAGS_F, MaterialDocuments.TAGS_X, 3f),
            new Field(MaterialDocuments.DESC_F, MaterialDocuments.DESC_X, 2f),
            new Field(MaterialDocuments.BODY_F, MaterialDocuments.BODY_X, 1f));

    /** How much more an exact (diacritics as typed) match counts than a folded one. */
    static final float EXACT_BOOST = 2.5f;

    /** How much a pair of syllables found side by side adds. */
    static final float ADJACENT_BOOST = 3f;

    private MaterialQuery() {
    }

    /** The query for the text; all documents when the text has no words. */
    public static Query parse(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        Matcher m = PHRASE.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(text, last, m.start()).append(' ');
            last = m.end();
            Query phrase = phrase(m.group(1));
            if (phrase != null) {
                all.add(phrase, BooleanClause.Occur.MUST);
                clauses++;
            }
        }
        rest.append(text.substring(last));
        List<String> folded = tokens(FOLDED, rest.toString());
        List<String> exact = tokens(EXACT, rest.toString());
        for (int i = 0; i < folded.size() && clauses < 32; i++) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            for (Field f : FIELDS) {
                word.add(new BoostQuery(new TermQuery(new Term(f.folded(), folded.get(i))), f.weight()), BooleanClause.Occur.SHOULD);
                if (i < exact.size()) {
                    word.add(new BoostQuery(new TermQuery(new Term(f.exact(), exact.get(i))), f.weight() * EXACT_BOOST),
                            BooleanClause.Occur.SHOULD);
                }
            }
            all.add(word.build(), BooleanClause.Occur.MUST);
            clauses++;
        }
        // Vietnamese words are several syllables ("an toàn", "khủng long"): syllables that stand
        // together as typed rank the document higher than the same syllables scattered in it.
        for (int i = 0; i + 1 < folded.size() && i < 16; i++) {
            for (Field f : FIELDS) {
                all.add(new BoostQuery(new PhraseQuery(f.folded(), folded.get(i), folded.get(i + 1)), f.weight() * ADJACENT_BOOST),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return clauses == 0 ? new MatchAllDocsQuery() : all.build();
    }

    private static Query phrase(String words) {
        List<String> folded = tokens(FOLDED, words);
        List<String> exact = tokens(EXACT, words);
        if (folded.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Field f : FIELDS) {
            any.add(new BoostQuery(new PhraseQuery(f.folded(), folded.toArray(String[]::new)), f.weight()),
                    BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new PhraseQuery(f.exact(), exact.toArray(String[]::new)), f.weight() * EXACT_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
