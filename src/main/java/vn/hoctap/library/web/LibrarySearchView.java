package vn.hoctap.library.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.library.search.MaterialSearch;
import vn.hoctap.library.search.MaterialSearcher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The library search page. Everything is in the URL (plain links and a GET form), so a search can
 * be shared, bookmarked and reloaded, and the page works without scripts.
 */
@Named
@RequestScoped
public class LibrarySearchView {

    static final int PAGE_SIZE = 10;

    @Inject
    HttpServletRequest request;

    @Inject
    MaterialSearch search;

    private MaterialSearcher.Result result;
    private Map<String, Set<String>> filters;
    private long micros;

    public MaterialSearcher.Result getResult() {
        if (result == null) {
            long start = System.nanoTime();
            result = search.search(new MaterialSearcher.Request(getQ(), filters(), getNewest()
                    ? MaterialSearcher.Order.NEWEST : MaterialSearcher.Order.RELEVANCE, (getPage() - 1) * PAGE_SIZE, PAGE_SIZE));
            micros = (System.nanoTime() - start) / 1000;
        }
        return result;
    }

    public String getQ() {
        String q = request.getParameter("q");
        return q == null ? "" : q.strip();
    }

    public boolean getNewest() {
        return "newest".equals(request.getParameter("sort"));
    }

    public int getPage() {
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(request.getParameter("page"))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public int getPages() {
        return (int) Math.min(100, (getResult().total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public List<Integer> getPageNumbers() {
        List<Integer> pages = new ArrayList<>();
        for (int p = Math.max(1, getPage() - 3); p <= Math.min(getPages(), getPage() + 3); p++) {
            pages.add(p);
        }
        return pages;
    }

    public String getMillis() {
        getResult();
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }

    public Map<String, Set<String>> filters() {
        if (filters == null) {
            filters = new LinkedHashMap<>();
            for (String dim : MaterialSearcher.DIMENSIONS) {
                String[] values = request.getParameterValues(dim);
                if (values != null) {
                    filters.put(dim, new LinkedHashSet<>(Arrays.asList(values)));
                }
            }
        }
        return filters;
    }

    public boolean isFiltered() {
        return !filters().isEmpty() || !getQ().isEmpty();
    }

    /** This search with {@code value} of {@code dim} switched on or off, back on page 1. */
    public String toggle(String dim, String value) {
        Map<String, Set<String>> next = new LinkedHashMap<>();
        filters().forEach((d, v) -> next.put(d, new LinkedHashSet<>(v)));
        Set<String> values = next.computeIfAbsent(dim, d -> new LinkedHashSet<>());
        if (!values.remove(value)) {
            values.add(value);
        }
        return url(getQ(), next, getNewest(), 1);
    }

    public String pageUrl(int page) {
        return url(getQ(), filters(), getNewest(), page);
    }

    public String sortUrl(boolean newest) {
        return url(getQ(), filters(), newest, 1);
    }

    private String url(String q, Map<String, Set<String>> f, boolean newest, int page) {
        List<String> params = new ArrayList<>();
        if (!q.isEmpty()) {
            params.add("q=" + enc(q));
        }
        f.forEach((dim, values) -> values.forEach(v -> params.add(dim + "=" + enc(v))));
        if (newest) {
            params.add("sort=newest");
        }
        if (page > 1) {
            params.add("page=" + page);
        }
        return request.getContextPath() + "/library/" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    public List<String> getDimensions() {
        return MaterialSearcher.DIMENSIONS;
    }

    /** The label of a facet value: kinds, audiences, licences and languages have bundle keys; subjects are themselves. */
    public String label(String dim, String value) {
        return switch (dim) {
            case "type" -> "library.kind." + value;
            case "audience" -> "library.audience." + value;
            case "licence" -> "library.licence." + value;
            case "language" -> "library.language." + value;
            default -> null;
        };
    }

    /** The current filters as (name, value) pairs, for the hidden fields of the search form. */
    public List<String[]> getFilterPairs() {
        return filters().entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> new String[] {e.getKey(), v}))
                .toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
