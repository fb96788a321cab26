package vn.hoctap.library.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import vn.hoctap.platform.search.VietnameseAnalyzer;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private MaterialSearcher() {
    }

    public static Result search(IndexSearcher searcher, SortedSetDocValuesReaderState facetState, Request request)
            throws IOException {
        Query query = MaterialQuery.parse(request.text());
        DrillDownQuery drill = new DrillDownQuery(MaterialDocuments.FACETS, query);
        request.filters().forEach((dim, values) -> values.forEach(v -> drill.add(dim, v)));
        int top = Math.max(1, request.offset() + request.limit());
        Sort sort = request.order() == Order.NEWEST || request.text() == null || request.text().isBlank()
                ? new Sort(new SortField(MaterialDocuments.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE)
                : null;

        TopDocs topDocs;
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        if (facetState != null) {
            DrillSideways sideways = new DrillSideways(searcher, MaterialDocuments.FACETS, facetState);
            DrillSideways.DrillSidewaysResult result = sort == null
                    ? sideways.search(drill, top)
                    : sideways.search(drill, null, null, top, sort, false);
            topDocs = result.hits;
            for (String dim : DIMENSIONS) {
                facets.put(dim, values(result.facets, dim, request.filters().getOrDefault(dim, Set.of())));
            }
        } else {
            topDocs = sort == null ? searcher.search(drill, top) : searcher.search(drill, top, sort);
        }

        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = topDocs.scoreDocs;
        for (int i = request.offset(); i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i].doc);
            String title = doc.get(MaterialDocuments.TITLE_F);
            String snippetSource = doc.get(MaterialDocuments.SNIPPET);
            String description = doc.get(MaterialDocuments.DESC_F);
            Object titleHtml = title == null ? null : TITLES.highlightWithoutSearcher(MaterialDocuments.TITLE_F, query, title, 1);
            Object snippet = null;
            if (snippetSource != null) {
                snippet = SNIPPETS.highlightWithoutSearcher(MaterialDocuments.BODY_F, query, snippetSource, 2);
            }
            if (snippet == null && description != null) {
                snippet = SNIPPETS.highlightWithoutSearcher(MaterialDocuments.DESC_F, query, description, 2);
            }
            String fallback = description != null ? description : snippetSource;
            hits.add(new Hit(Long.parseLong(doc.get(MaterialDocuments.ID)),
                    titleHtml != null ? titleHtml.toString() : escape(title),
                    snippet != null ? snippet.toString() : escape(start(fallback, 240)),
                    Instant.ofEpochSecond(doc.getField(MaterialDocuments.PUBLISHED).numericValue().longValue())
                            .atOffset(ZoneOffset.UTC).toInstant()));
        }
        return new Result(topDocs.totalHits.value, hits, facets);
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

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
