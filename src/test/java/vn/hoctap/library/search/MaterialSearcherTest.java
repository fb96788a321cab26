package vn.hoctap.library.search;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.tika.Tika;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoctap.library.ingest.TestFiles;
import vn.hoctap.platform.search.VietnameseAnalyzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vietnamese search over the real corpus (Nam Cao, Ngô Tất Tố, Nguyễn Du, Lý Thường Kiệt) and a
 * few materials written for the test: with and without diacritics, old and new tone placement,
 * phrases, ranking, highlights and facets.
 */
class MaterialSearcherTest {

    static ByteBuffersDirectory directory;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static DefaultSortedSetDocValuesReaderState facets;
    static final Map<Long, String> TITLES = new HashMap<>();

    @BeforeAll
    static void index() throws Exception {
        directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(
                new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED), MaterialDocuments.analyzers()));
        Tika tika = new Tika();
        long id = 0;
        try (IndexWriter writer = new IndexWriter(directory, config);
             Stream<Path> files = Files.walk(TestFiles.CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".epub") || f.toString().endsWith(".md")).sorted().toList()) {
                String title = file.getFileName().toString().replaceAll("\\.(epub|md)$", "");
                add(writer, ++id, title, null, List.of("văn học"), "EBOOK", "CC0", tika.parseToString(file));
            }
            add(writer, 101, "Chuyển đổi số trong cơ quan nhà nước", "Bài giảng cho cán bộ, công chức",
                    List.of("chuyển đổi số"), "PDF", "CC_BY", "Chuyển đổi số là quá trình thay đổi tổng thể và toàn diện.");
            add(writer, 102, "Khoá học an toàn thông tin", "Bảo vệ dữ liệu cá nhân",
                    List.of("an toàn thông tin"), "DOCUMENT", "CC_BY", "Mật khẩu mạnh, xác thực hai lớp.");
            add(writer, 103, "Hướng dẫn hoà giải ở cơ sở", null, List.of("pháp luật"), "PDF", "CC_BY_SA",
                    "Tổ hòa giải ở thôn, bản.");
            add(writer, 104, "Bài ca vỡ đất", null, List.of(), "TEXT", "CC0", "Bài ca của người mở đất.");
            add(writer, 105, "Bãi cá ven sông", null, List.of(), "TEXT", "CC0", "Bãi cá ở bờ sông Đà.");
            add(writer, 106, "Ghi chép không dấu", "chuyen doi so o xa vung cao", List.of(), "TEXT", "CC0",
                    "chuyen doi so o xa vung cao");
            writer.commit();
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        facets = new DefaultSortedSetDocValuesReaderState(reader, MaterialDocuments.FACETS);
    }

    static void add(IndexWriter writer, long id, String title, String description, List<String> subjects, String kind,
                    String licence, String text) throws IOException {
        TITLES.put(id, title);
        writer.addDocument(MaterialDocuments.FACETS.build(MaterialDocuments.of(new MaterialDocuments.Source(id, title,
                description, subjects, kind, "EVERYONE", licence, "vi", LocalDateTime.of(2026, 1, 1, 0, 0).plusDays(id), text))));
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    static MaterialSearcher.Result search(String text) throws IOException {
        return search(text, Map.of());
    }

    static MaterialSearcher.Result search(String text, Map<String, Set<String>> filters) throws IOException {
        return MaterialSearcher.search(searcher, facets,
                new MaterialSearcher.Request(text, filters, MaterialSearcher.Order.RELEVANCE, 0, 10));
    }

    static List<Long> ids(MaterialSearcher.Result r) {
        return r.hits().stream().map(MaterialSearcher.Hit::id).toList();
    }

    static String first(String text) throws IOException {
        MaterialSearcher.Result r = search(text);
        assertFalse(r.hits().isEmpty(), "no hit for " + text);
        return TITLES.get(r.hits().get(0).id());
    }

    @Test
    void withoutDiacriticsFindsWithDiacritics() throws IOException {
        assertTrue(ids(search("chuyen doi so")).contains(101L));
        assertEquals("chi-pheo", first("chi pheo"));
        assertEquals("lao-hac", first("lao hac"));
    }

    @Test
    void withDiacriticsFindsTheWorks() throws IOException {
        assertEquals("chi-pheo", first("Chí Phèo"));
        assertEquals("tat-den", first("chị Dậu"));
        assertEquals("nam-quoc-son-ha", first("Nam quốc sơn hà"));
    }

    @Test
    void oldAndNewTonePlacementFindEachOther() throws IOException {
        assertEquals(102L, ids(search("khóa học an toàn")).get(0));
        assertEquals(102L, ids(search("khoá học an toàn")).get(0));
        assertEquals(103L, ids(search("hòa giải")).get(0));
        assertEquals(103L, ids(search("hoà giải")).get(0));
        assertEquals(ids(search("khóa")), ids(search("khoá")), "the same term either way");
    }

    @Test
    void anExactMatchRanksAboveAFoldedOne() throws IOException {
        assertEquals(List.of(104L, 105L), ids(search("bài ca")).subList(0, 2));
        assertEquals(List.of(105L, 104L), ids(search("bãi cá")).subList(0, 2));
        assertEquals(101L, ids(search("chuyển đổi số")).get(0), "the diacritics as typed beat the unaccented note");
        assertEquals(106L, ids(search("chuyen doi so vung cao")).get(0));
    }

    @Test
    void everyWordMustAppearAndPhrasesKeepTheirOrder() throws IOException {
        assertTrue(search("chuyển đổi số xyzqw").hits().isEmpty(), "a word found nowhere empties the result");
        assertEquals("tat-den", first("chị Dậu cai lệ"), "syllables side by side rank first");
        assertEquals(List.of(104L), ids(search("\"bài ca vỡ\"")));
        assertTrue(search("\"ca bài\"").hits().isEmpty());
        assertEquals("lao-hac", first("\"lão Hạc\" cậu Vàng"));
    }

    @Test
    void hitsShowHighlightedSnippetsFromInsideTheDocument() throws IOException {
        MaterialSearcher.Hit hit = search("cậu Vàng").hits().get(0);
        assertTrue(hit.snippetHtml().contains("Vàng</mark>"), hit.snippetHtml());
        MaterialSearcher.Hit titled = search("an toan thong tin").hits().get(0);
        assertEquals("Khoá học <mark>an</mark> <mark>toàn</mark> <mark>thông</mark> <mark>tin</mark>", titled.titleHtml(),
                "found without diacritics, shown as written");
    }

    @Test
    void facetsCountAndFilter() throws IOException {
        MaterialSearcher.Result all = search("");
        assertEquals(TITLES.size(), all.total());
        Map<String, Integer> types = new HashMap<>();
        all.facets().get(MaterialDocuments.TYPE).forEach(v -> types.put(v.value(), v.count()));
        assertEquals(2, types.get("PDF"));
        MaterialSearcher.Result pdfs = search("", Map.of(MaterialDocuments.TYPE, Set.of("PDF")));
        assertEquals(2, pdfs.total());
        List<MaterialSearcher.FacetValue> sideways = pdfs.facets().get(MaterialDocuments.TYPE);
        assertTrue(sideways.size() > 1, "the other types still show their counts");
    }

    @Test
    void oddInputDoesNotBreak() throws IOException {
        for (String q : List.of("\"", "((", "AND OR NOT", "*", "a:b", "\"\"", "   ", "😀", "https://example.vn/x?y=1")) {
            search(q);
        }
        List<String> stop = new ArrayList<>(Files.readAllLines(TestFiles.STOPWORDS));
        assertFalse(search(String.join(" ", stop.subList(0, 3))).hits().size() > TITLES.size());
    }
}
