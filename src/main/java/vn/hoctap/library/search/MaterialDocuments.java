package vn.hoctap.library.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import vn.hoctap.platform.search.VietnameseAnalyzer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How a published material becomes a Lucene document. Every text is indexed folded
 * ({@code *_f}, diacritics removed) and exact ({@code *_x}, tone placement unified), see
 * {@link VietnameseAnalyzer}; {@code all_f} holds everything folded (what a word must appear in),
 * the other fields score; {@code *_p} hold syllable pairs. Facets: type, subject, audience,
 * licence, language.
 */
public final class MaterialDocuments {

    public static final String ID = "id";
    public static final String TITLE_F = "title_f";
    public static final String TITLE_X = "title_x";
    public static final String DESC_F = "desc_f";
    public static final String DESC_X = "desc_x";
    public static final String TAGS_F = "tags_f";
    public static final String TAGS_X = "tags_x";
    public static final String BODY_X = "body_x";
    public static final String TITLE_P = "title_p";
    /** Everything a material says, folded: what a word must appear in to match. */
    public static final String ALL_F = "all_f";
    public static final String BODY_P = "body_p";
    public static final String SNIPPET = "snippet";
    public static final String PUBLISHED = "published";
    public static final String TYPE = "type";
    public static final String SUBJECT = "subject";
    public static final String AUDIENCE = "audience";
    public static final String LICENCE = "licence";
    public static final String LANGUAGE = "language";

    /** Highlights are cut from the beginning of the text; the whole text is searchable. */
    public static final int SNIPPET_CHARS = 6_000;

    public static final FacetsConfig FACETS = facets();

    private MaterialDocuments() {
    }

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(SUBJECT, true);
        return config;
    }

    public static Map<String, Analyzer> analyzers() {
        Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
        Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);
        Map<String, Analyzer> map = new HashMap<>();
        for (String f : new String[] {TITLE_X, DESC_X, TAGS_X, BODY_X}) {
            map.put(f, exact);
        }
        for (String f : new String[] {TITLE_F, DESC_F, TAGS_F, ALL_F}) {
            map.put(f, folded);
        }
        Analyzer pairs = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.PAIRS);
        map.put(TITLE_P, pairs);
        map.put(BODY_P, pairs);
        return map;
    }

    /** The facts of one material the index needs. */
    public record Source(long id, String title, String description, Collection<String> subjects, String kind,
                         String audience, String licence, String language, LocalDateTime publishedAt, String text) {
    }

    public static Document of(Source s) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(s.id()), Field.Store.YES));
        doc.add(new TextField(TITLE_F, s.title(), Field.Store.YES));
        doc.add(new TextField(TITLE_X, s.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_P, s.title(), Field.Store.NO));
        doc.add(new TextField(ALL_F, s.title(), Field.Store.NO));
        if (s.description() != null) {
            doc.add(new TextField(DESC_F, s.description(), Field.Store.YES));
            doc.add(new TextField(DESC_X, s.description(), Field.Store.NO));
            doc.add(new TextField(ALL_F, s.description(), Field.Store.NO));
        }
        String tags = String.join(" ; ", s.subjects());
        if (!tags.isEmpty()) {
            doc.add(new TextField(TAGS_F, tags, Field.Store.NO));
            doc.add(new TextField(TAGS_X, tags, Field.Store.NO));
            doc.add(new TextField(ALL_F, tags, Field.Store.NO));
        }
        if (s.text() != null && !s.text().isBlank()) {
            doc.add(new TextField(ALL_F, s.text(), Field.Store.NO));
            doc.add(new TextField(BODY_X, s.text(), Field.Store.NO));
            doc.add(new TextField(BODY_P, s.text(), Field.Store.NO));
            doc.add(new StoredField(SNIPPET, s.text().length() > SNIPPET_CHARS ? s.text().substring(0, SNIPPET_CHARS) : s.text()));
        }
        long published = s.publishedAt() == null ? 0 : s.publishedAt().toEpochSecond(ZoneOffset.UTC);
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        doc.add(new SortedSetDocValuesFacetField(TYPE, s.kind()));
        doc.add(new SortedSetDocValuesFacetField(AUDIENCE, s.audience()));
        doc.add(new SortedSetDocValuesFacetField(LICENCE, s.licence()));
        doc.add(new SortedSetDocValuesFacetField(LANGUAGE, s.language()));
        for (String subject : s.subjects()) {
            doc.add(new SortedSetDocValuesFacetField(SUBJECT, subject));
        }
        return doc;
    }
}
