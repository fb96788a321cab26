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

    /** What a query built from the text is for. */
    private enum Pass {
        /** The full scoring: every field, exact and folded, adjacent syllables. */
        FULL,
        /** The matches, scored by the folded words over all fields alone: top hits are found without scoring every match. */
        WORDS,
        /** The matches whose every word is in the title or the subjects: the candidates a title match must not lose among many. */
        TITLES
    }

    /** The words of the text as the index folds them ("Chuyển" → "chuyen"). */
    static List<String> foldedWords(String text) {
        return text == null ? List.of() : FOLDED.terms(text.replace('"', ' '));
    }

    /** The query for the text, fully scored; all documents when the text has no words. */
    public static Query parse(String text) {
        return build(text, Pass.FULL);
    }

    /**
     * The same matches as {@link #parse}, scored only by the folded words over everything
     * ({@code all_f}): a conjunction of single terms, so Lucene finds the best without scoring
     * every match, and counting all matches for the facets is a cheap walk over postings.
     */
    public static Query words(String text) {
        return build(text, Pass.WORDS);
    }

    /** The materials with every word in the title or the subjects (folded), scored by those fields. */
    public static Query titles(String text) {
        return build(text, Pass.TITLES);
    }

    private static Query build(String text, Pass pass) {
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
            Query phrase = phrase(m.group(1), pass == Pass.FULL);
            if (phrase != null) {
                all.add(phrase, BooleanClause.Occur.MUST);
                clauses++;
            }
        }
        rest.append(text.substring(last));
        List<String> folded = FOLDED.terms(rest.toString());
        List<String> exact = EXACT.terms(rest.toString());
        for (int i = 0; i < folded.size() && clauses < 32; i++) {
            Query word;
            if (pass == Pass.WORDS) {
                word = new TermQuery(new Term(MaterialDocuments.ALL_F, folded.get(i)));
            } else if (pass == Pass.TITLES) {
                word = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(MaterialDocuments.TITLE_F, folded.get(i))), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term(MaterialDocuments.TAGS_F, folded.get(i))), BooleanClause.Occur.SHOULD)
                        .build();
            } else {
                BooleanQuery.Builder scored = new BooleanQuery.Builder();
                scored.add(new TermQuery(new Term(MaterialDocuments.ALL_F, folded.get(i))), BooleanClause.Occur.MUST);
                for (Scored s : SCORED) {
                    String term = s.exact() ? (i < exact.size() ? exact.get(i) : null) : folded.get(i);
                    if (term != null) {
                        scored.add(new BoostQuery(new TermQuery(new Term(s.field(), term)), s.weight()), BooleanClause.Occur.SHOULD);
                    }
                }
                word = scored.build();
            }
            all.add(word, BooleanClause.Occur.MUST);
            clauses++;
        }
        if (pass == Pass.FULL) {
            for (int i = 0; i + 1 < folded.size() && i < 16; i++) {
                String pair = folded.get(i) + " " + folded.get(i + 1);
                all.add(new BoostQuery(new TermQuery(new Term(MaterialDocuments.TITLE_P, pair)), 4f * ADJACENT_BOOST),
                        BooleanClause.Occur.SHOULD);
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
