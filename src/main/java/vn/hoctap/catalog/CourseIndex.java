package vn.hoctap.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;


import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.jsoup.Jsoup;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.platform.search.IndexedSource;
import vn.hoctap.platform.search.LuceneIndex;
import vn.hoctap.platform.search.SearchIndexes;
import vn.hoctap.platform.search.VietnameseAnalyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's search index, on the platform's Lucene infrastructure: published courses with
 * their title, summary, topic, lesson titles and lesson texts — so "vneid" finds the course that
 * teaches it. Every word must appear (folded: diacritics optional); the title scores most, and a
 * word typed with its diacritics scores more where it appears exactly so.
 */
@ApplicationScoped
public class CourseIndex implements IndexedSource {

    public static final String NAME = "courses";
    static final String ID = "id";
    static final String TITLE_F = "title_f";
    static final String TITLE_X = "title_x";
    static final String ALL_F = "all_f";
    static final String ALL_X = "all_x";
    private static final VietnameseAnalyzer FOLDED = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);
    private static final VietnameseAnalyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);

    @Inject
    Sql sql;

    @Inject
    CatalogService catalog;

    @Inject
    SearchIndexes indexes;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public Map<String, Analyzer> analyzers() {
        return Map.of(TITLE_F, FOLDED, ALL_F, FOLDED, TITLE_X, EXACT, ALL_X, EXACT);
    }

    @Override
    public FacetsConfig facetsConfig() {
        return new FacetsConfig();
    }

    @Override
    public Optional<Document> document(long courseId) {
        Optional<Long> version = sql.one("SELECT published_version_id FROM course WHERE id = ? AND published_version_id IS NOT NULL",
                rs -> rs.getLong(1), courseId);
        return version.map(v -> document(courseId, catalog.version(v).definition()));
    }

    static Document document(long courseId, CourseDefinition d) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(courseId), Field.Store.YES));
        String title = d.title() + (d.titleEn() == null ? "" : " ; " + d.titleEn());
        doc.add(new TextField(TITLE_F, title, Field.Store.NO));
        doc.add(new TextField(TITLE_X, title, Field.Store.NO));
        StringBuilder all = new StringBuilder(title).append(" ; ").append(d.topic()).append(" ; ")
                .append(d.summary() == null ? "" : d.summary());
        for (CourseDefinition.Lesson l : d.lessons()) {
            all.append(" ; ").append(l.title());
            if (l.html() != null) {
                all.append(" ; ").append(Jsoup.parse(l.html()).text());
            }
        }
        doc.add(new TextField(ALL_F, all.toString(), Field.Store.NO));
        doc.add(new TextField(ALL_X, all.toString(), Field.Store.NO));
        return doc;
    }

    @Override
    public List<Long> ids(long afterId, int limit) {
        return sql.list("SELECT id FROM course WHERE id > ? AND published_version_id IS NOT NULL ORDER BY id LIMIT ?",
                rs -> rs.getLong(1), afterId, limit);
    }

    /** Course ids matching {@code q}, best first; empty when the index is not there (yet). */
    public Optional<List<Long>> search(String q, int limit) {
        Optional<LuceneIndex> index = indexes.index(NAME);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        Query query = query(q);
        if (query == null) {
            return Optional.of(List.of());
        }
        try {
            IndexSearcher searcher = index.get().acquire();
            try {
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                    ids.add(Long.parseLong(searcher.storedFields().document(hit.doc).get(ID)));
                }
                return Optional.of(ids);
            } finally {
                index.get().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every word must be there (folded); title and exact-diacritic matches score. Null: no words. */
    static Query query(String q) {
        List<String> folded = FOLDED.terms(q);
        List<String> exact = EXACT.terms(q);
        if (folded.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < folded.size() && i < 32; i++) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            word.add(new TermQuery(new Term(ALL_F, folded.get(i))), BooleanClause.Occur.MUST);
            word.add(new BoostQuery(new TermQuery(new Term(TITLE_F, folded.get(i))), 4f), BooleanClause.Occur.SHOULD);
            if (i < exact.size()) {
                word.add(new BoostQuery(new TermQuery(new Term(TITLE_X, exact.get(i))), 10f), BooleanClause.Occur.SHOULD);
                word.add(new BoostQuery(new TermQuery(new Term(ALL_X, exact.get(i))), 1.5f), BooleanClause.Occur.SHOULD);
            }
            all.add(word.build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

}
