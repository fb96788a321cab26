package vn.hoctap.bench;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import vn.hoctap.library.search.MaterialDocuments;
import vn.hoctap.library.search.MaterialQuery;
import vn.hoctap.library.search.MaterialSearcher;
import vn.hoctap.platform.search.VietnameseAnalyzer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./mvnw -o test -Dtest=SearchProfile}: where the library search spends its time, phase by
 * phase, over 100,000 generated materials indexed outside the server (kept in
 * {@code target/search-profile/} between runs). A tool for tuning, not a test: the figures of issue 3
 * come from LibraryBenchmark, through the server.
 */
class SearchProfile {

    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    @Test
    void profile() throws Exception {
        Path dir = Path.of("target", "search-profile");
        if (!Files.exists(dir.resolve("done"))) {
            build(dir);
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, MaterialDocuments.FACETS);
            System.out.printf("%d documents, %d segments%n", reader.numDocs(), reader.leaves().size());
            int rounds = 12;
            double[][][] t = new double[LibraryBenchmark.QUERIES.size()][4][rounds];
            long[] hits = new long[LibraryBenchmark.QUERIES.size()];
            double[][][] extra = new double[LibraryBenchmark.QUERIES.size()][2][rounds];
            double[][] allocated = new double[LibraryBenchmark.QUERIES.size()][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < LibraryBenchmark.QUERIES.size(); i++) {
                    String q = LibraryBenchmark.QUERIES.get(i);
                    long t0 = System.nanoTime();
                    Query query = MaterialQuery.parse(q);
                    Query filtered = new DrillDownQuery(MaterialDocuments.FACETS, MaterialQuery.words(q));
                    FacetsCollectorManager.FacetsResult first = FacetsCollectorManager.search(searcher, filtered,
                            MaterialSearcher.RESCORED, new FacetsCollectorManager());
                    long t1 = System.nanoTime();
                    TopDocs alone = searcher.search(filtered, MaterialSearcher.RESCORED);
                    long t1b = System.nanoTime();
                    searcher.search(filtered, new FacetsCollectorManager());
                    long t1c = System.nanoTime();
                    extra[i][0][round] = (t1b - t1) / 1e6;
                    extra[i][1][round] = (t1c - t1b) / 1e6;
                    t1 = System.nanoTime();
                    QueryRescorer.rescore(searcher, first.topDocs(), query, 1.0, 10);
                    long t2 = System.nanoTime();
                    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, first.facetsCollector());
                    for (String dim : MaterialSearcher.DIMENSIONS) {
                        counts.getTopChildren(50, dim);
                    }
                    long a3 = THREADS.getCurrentThreadAllocatedBytes();
                    long t3 = System.nanoTime();
                    MaterialSearcher.Result whole = MaterialSearcher.search(searcher, state,
                            new MaterialSearcher.Request(q, Map.of(), MaterialSearcher.Order.RELEVANCE, 0, 10));
                    long t4 = System.nanoTime();
                    allocated[i][round] = (THREADS.getCurrentThreadAllocatedBytes() - a3) / 1024.0;
                    hits[i] = whole.total();
                    t[i][0][round] = (t1 - t0) / 1e6;
                    t[i][1][round] = (t2 - t1) / 1e6;
                    t[i][2][round] = (t3 - t2) / 1e6;
                    t[i][3][round] = (t4 - t3) / 1e6;
                }
            }
            List<Double> all = new ArrayList<>();
            for (int i = 0; i < hits.length; i++) {
                double[] m = new double[4];
                for (int k = 0; k < 4; k++) {
                    double[] v = java.util.Arrays.copyOfRange(t[i][k], 4, rounds);
                    java.util.Arrays.sort(v);
                    m[k] = v[v.length / 2];
                    if (k == 3) {
                        for (double x : v) {
                            all.add(x);
                        }
                    }
                }
                double[] a = java.util.Arrays.copyOfRange(extra[i][0], 4, rounds);
                double[] b = java.util.Arrays.copyOfRange(extra[i][1], 4, rounds);
                java.util.Arrays.sort(a);
                java.util.Arrays.sort(b);
                System.out.printf("%-24s hits %6d  match+facets %5.1f (top alone %5.1f, facets alone %5.1f)  rescore %5.1f  counts %5.1f  whole %5.1f ms, allocates %5.0f KB%n",
                        LibraryBenchmark.QUERIES.get(i), hits[i], m[0], a[a.length / 2], b[b.length / 2], m[1], m[2], m[3], allocated[i][rounds - 1]);
            }
            double[] v = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("whole search over %d runs: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", v.length, v[v.length / 2],
                    v[(int) Math.ceil(v.length * 0.95) - 1], v[v.length - 1]);
        }
    }

    static void build(Path dir) throws Exception {
        List<String> paragraphs = LibraryBenchmark.corpusParagraphs();
        Random random = new Random(11);
        String[] subjects = {"văn học", "chuyển đổi số", "nông nghiệp", "pháp luật", "sức khỏe"};
        String[] kinds = {"PDF", "DOCUMENT", "EBOOK", "PRESENTATION", "TEXT"};
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(
                new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED), MaterialDocuments.analyzers())).setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config)) {
            for (int i = 0; i < 100_000; i++) {
                StringBuilder body = new StringBuilder();
                int n = 3 + random.nextInt(6);
                for (int k = 0; k < n; k++) {
                    body.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
                }
                String first = paragraphs.get(random.nextInt(paragraphs.size()));
                writer.addDocument(MaterialDocuments.FACETS.build(MaterialDocuments.of(new MaterialDocuments.Source(i,
                        first.length() > 80 ? first.substring(0, 80) : first, body.substring(0, Math.min(200, body.length())),
                        List.of(subjects[random.nextInt(subjects.length)]), kinds[random.nextInt(kinds.length)], "EVERYONE",
                        "CC_BY", "vi", LocalDateTime.of(2026, 1, 1, 0, 0).minusMinutes(random.nextInt(500_000)), body.toString()))));
            }
        }
        Files.writeString(dir.resolve("done"), "");
    }
}
