package vn.hoctap.library.search;



import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.hoctap.platform.search.VietnameseAnalyzer;


import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into a Lucene query, without a query syntax to get wrong: every word
 * must appear somewhere in the material (folded, so with or without diacritics), "quoted words"
 * must appear together; then the score: a match written exactly as typed (diacritics and all)
 * counts more than a folded one, the title most, then subjects, description and text, and
 * syllables found side by side as typed ("an toàn") add more.
 *
 * <p>Matching uses one field per word ({@code all_f}), so counting all matches for the facets is
 * a cheap conjunction of postings; the weighted fields only score the candidates.
 */
public final class MaterialQuery {

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");
    private static final VietnameseAnalyzer FOLDED = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);
    private static final VietnameseAnalyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);

    /** A scoring field: folded or exact, with its weight. */
    private record Scored(String field, boolean exact, float weight) {
    }

    /** How much more an exact (diacritics as typed) match counts than a folded one. */
    static final float EXACT_BOOST = 2.5f;

    /** How much a pair of syllables found side by side adds. */
    static final float ADJACENT_BOOST = 3f;

    private static final List<Scored> SCORED = List.of(
            new Scored(MaterialDocuments.TITLE_F, false, 4f),
            new Scored(MaterialDocuments.TITLE_X, true, 4f * EXACT_BOOST),
            new Scored(MaterialDocuments.TAGS_F, false, 3f),
            new Scored(MaterialDocuments.TAGS_X, true, 3f * EXACT_BOOST),
            new Scored(MaterialDocuments.DESC_F, false, 2f),
            new Scored(MaterialDocuments.DESC_X, true, 2f * EXACT_BOOST),
            new Scored(MaterialDocuments.BODY_X, true, EXACT_BOOST));

    private MaterialQuery() {
    }

    /**
     * The same matches as {@link #parse}, scored without the body's fields — whose postings are
     * the longest by far — so a first pass over every match stays cheap; {@link #parse} then
     * re-scores its best few hundred. Titles, subjects and descriptions still rank that pass.
     */
    public static Query match(String text) {
        return build(text, false);
    }

    /** The query for the text; all documents when the text has no words. */
    public static Query parse(String text) {
        return build(text, true);
    }

    private static Query build(String text, boolean body) {
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
            Query phrase = phrase(m.group(1), body);
            if (phrase != null) {
                all.add(phrase, BooleanClause.Occur.MUST);
                clauses++;
            }
        }
        rest.append(text.substring(last));
        List<String> folded = FOLDED.terms(rest.toString());
        List<String> exact = EXACT.terms(rest.toString());
        for (int i = 0; i < folded.size() && clauses < 32; i++) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            word.add(new TermQuery(new Term(MaterialDocuments.ALL_F, folded.get(i))), BooleanClause.Occur.MUST);
            for (Scored s : SCORED) {
                if (!body && s.field().equals(MaterialDocuments.BODY_X)) {
                    continue;
                }
                String term = s.exact() ? (i < exact.size() ? exact.get(i) : null) : folded.get(i);
                if (term != null) {
                    word.add(new BoostQuery(new TermQuery(new Term(s.field(), term)), s.weight()), BooleanClause.Occur.SHOULD);
                }
            }
            all.add(word.build(), BooleanClause.Occur.MUST);
            clauses++;
        }
        for (int i = 0; i + 1 < folded.size() && i < 16; i++) {
            String pair = folded.get(i) + " " + folded.get(i + 1);
            all.add(new BoostQuery(new TermQuery(new Term(MaterialDocuments.TITLE_P, pair)), 4f * ADJACENT_BOOST),
                    BooleanClause.Occur.SHOULD);
            if (body) {
                all.add(new BoostQuery(new TermQuery(new Term(MaterialDocuments.BODY_P, pair)), ADJACENT_BOOST),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return clauses == 0 ? new MatchAllDocsQuery() : all.build();
    }

    private static Query phrase(String words, boolean body) {
        List<String> folded = FOLDED.terms(words);
        List<String> exact = EXACT.terms(words);
        if (folded.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder phrase = new BooleanQuery.Builder();
        phrase.add(new PhraseQuery(MaterialDocuments.ALL_F, folded.toArray(String[]::new)), BooleanClause.Occur.MUST);
        phrase.add(new BoostQuery(new PhraseQuery(MaterialDocuments.TITLE_X, exact.toArray(String[]::new)), 4f * EXACT_BOOST),
                BooleanClause.Occur.SHOULD);
        if (body) {
            phrase.add(new BoostQuery(new PhraseQuery(MaterialDocuments.BODY_X, exact.toArray(String[]::new)), EXACT_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        return phrase.build();
    }

}
