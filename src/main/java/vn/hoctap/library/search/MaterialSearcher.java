package vn.hoctap.library.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import vn.hoctap.platform.search.VietnameseAnalyzer;
import vn.hoctap.shared.Text;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a library search on one searcher: the ranked (or newest-first) page of hits with
 * highlighted title and snippet, and facet counts that ignore the facet's own filter (so people
 * see how many they would get by choosing another value).
 */
public final class MaterialSearcher {

    public static final List<String> DIMENSIONS = List.of(MaterialDocuments.TYPE, MaterialDocuments.SUBJECT,
            MaterialDocuments.AUDIENCE, MaterialDocuments.LICENCE, MaterialDocuments.LANGUAGE);

    public enum Order { RELEVANCE, NEWEST }

    public record Request(String text, Map<String, Set<String>> filters, Order order, int offset, int limit) {
    }

    public record Hit(long id, String titleHtml, String snippetHtml, Instant published) {
    }

    public record FacetValue(String value, int count, boolean selected) {
    }

    public record Result(long total, List<Hit> hits, Map<String, List<FacetValue>> facets) {
    }

    private static final UnifiedHighlighter SNIPPETS = UnifiedHighlighter
            .builderWithoutSearcher(new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED))
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(MaterialDocuments.SNIPPET_CHARS)
            .withMaxNoHighlightPassages(0)
            .build();
    private static final UnifiedHighlighter TITLES = UnifiedHighlighter
            .builderWithoutSearcher(new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED))
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "", true))
            .withBreakIterator(WholeBreakIterator::new)
            .withMaxNoHighlightPassages(0)
            .build();

    /** How many of the first pass's best the full scoring ranks (pages beyond keep the first pass's order). */
    public static final int RESCORED = 400;

    private MaterialSearcher() {
    }

    public static Result search(IndexSearcher searcher, SortedSetDocValuesReaderState facetState, Request request)
            throws IOException {
        Query query = MaterialQuery.parse(request.text());
        // What matches is decided by the folded words (a cheap conjunction); the best of those by
        // that score, and the best by title and subjects, are then ranked by the full scoring —
        // exact diacritics, fields, adjacent syllables.
        Query words = MaterialQuery.words(request.text());
        Query filtered = drillDown(words, request.filters(), null);
        int top = Math.max(1, request.offset() + request.limit());
        boolean byDate = request.order() == Order.NEWEST || request.text() == null || request.text().isBlank();
        TopDocs topDocs;
        if (byDate) {
            topDocs = searcher.search(filtered, top, new Sort(new SortField(MaterialDocuments.PUBLISHED, SortField.Type.LONG, true),
                    SortField.FIELD_SCORE));
        } else {
            TopDocs candidates = union(searcher.search(filtered, Math.max(top, RESCORED)),
                    searcher.search(drillDown(MaterialQuery.titles(request.text()), request.filters(), null), RESCORED / 4));
            topDocs = new QueryRescorer(query) {
                @Override
                protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                    return secondPassMatches ? secondPassScore : 0f;
                }
            }.rescore(searcher, candidates, top);
        }

        // Facet counts, drill-sideways: a dimension's counts ignore that dimension's own filter.
        // Counting needs no scores: a walk over the words' postings.
        FacetsCollector all = searcher.search(filtered, new FacetsCollectorManager());
        long total = all.getMatchingDocs().stream().mapToLong(d -> d.totalHits).sum();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        if (facetState != null) {
            Facets counts = new SortedSetDocValuesFacetCounts(facetState, all);
            for (String dim : DIMENSIONS) {
                Set<String> selected = request.filters().getOrDefault(dim, Set.of());
                Facets sideways = counts;
                if (!selected.isEmpty()) {
                    FacetsCollector others = searcher.search(drillDown(words, request.filters(), dim), new FacetsCollectorManager());
                    sideways = new SortedSetDocValuesFacetCounts(facetState, others);
                }
                facets.put(dim, values(sideways, dim, selected));
            }
        }

        List<Hit> hits = new ArrayList<>();
        List<String> searched = MaterialQuery.foldedWords(request.text());
        ScoreDoc[] docs = topDocs.scoreDocs;
        for (int i = request.offset(); i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i].doc);
            String title = doc.get(MaterialDocuments.TITLE_F);
            String snippetSource = doc.get(MaterialDocuments.SNIPPET);
            String description = doc.get(MaterialDocuments.DESC_F);
            Object titleHtml = title == null ? null : TITLES.highlightWithoutSearcher(MaterialDocuments.ALL_F, query, title, 1);
            Object snippet = null;
            if (snippetSource != null) {
                snippet = SNIPPETS.highlightWithoutSearcher(MaterialDocuments.ALL_F, query,
                        SnippetWindow.around(snippetSource, searched), 2);
            }
            if (snippet == null && description != null) {
                snippet = SNIPPETS.highlightWithoutSearcher(MaterialDocuments.ALL_F, query, description, 2);
            }
            String fallback = description != null ? description : snippetSource;
            hits.add(new Hit(Long.parseLong(doc.get(MaterialDocuments.ID)),
                    titleHtml != null ? titleHtml.toString() : Text.escapeHtml(title),
                    snippet != null ? snippet.toString() : Text.escapeHtml(start(fallback, 240)),
                    Instant.ofEpochSecond(doc.getField(MaterialDocuments.PUBLISHED).numericValue().longValue())));
        }
        return new Result(total, hits, facets);
    }

    /** The documents of both, once each (the rescorer scores them afresh). */
    static TopDocs union(TopDocs a, TopDocs b) {
        java.util.LinkedHashMap<Integer, ScoreDoc> docs = new java.util.LinkedHashMap<>();
        for (ScoreDoc d : a.scoreDocs) {
            docs.putIfAbsent(d.doc, d);
        }
        for (ScoreDoc d : b.scoreDocs) {
            docs.putIfAbsent(d.doc, d);
        }
        return new TopDocs(a.totalHits, docs.values().toArray(ScoreDoc[]::new));
    }

    /** The query restricted by the filters, leaving out {@code except}'s own filter. */
    private static Query drillDown(Query query, Map<String, Set<String>> filters, String except) {
        DrillDownQuery drill = new DrillDownQuery(MaterialDocuments.FACETS, query);
        filters.forEach((dim, values) -> {
            if (!dim.equals(except)) {
                values.forEach(v -> drill.add(dim, v));
            }
        });
        return drill;
    }

    private static List<FacetValue> values(Facets facets, String dim, Set<String> selected) throws IOException {
        List<FacetValue> values = new ArrayList<>();
        FacetResult result;
        try {
            result = facets.getTopChildren(50, dim);
        } catch (IllegalArgumentException e) {
            result = null; // no document has this dimension yet
        }
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                values.add(new FacetValue(lv.label, lv.value.intValue(), selected.contains(lv.label)));
            }
        }
        for (String s : selected) {
            if (values.stream().noneMatch(v -> v.value().equals(s))) {
                values.add(new FacetValue(s, 0, true));
            }
        }
        return values;
    }

    private static String start(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max) + " …";
    }
}
