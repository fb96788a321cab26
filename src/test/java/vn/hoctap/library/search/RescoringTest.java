package vn.hoctap.library.search;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import vn.hoctap.platform.search.VietnameseAnalyzer;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Search decides what matches with the folded words alone and ranks only the best few hundred of
 * those with the full scoring: with many more matches than that, the material whose title is the
 * query, diacritics as typed, still comes first, and the count is every match.
 */
class RescoringTest {

    @Test
    void theExactTitleComesFirstAmongThousandsOfMatches() throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(
                new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED), MaterialDocuments.analyzers()));
        int many = MaterialSearcher.RESCORED * 5;
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 1; i <= many; i++) {
                String body = "Chuyển đổi số ".repeat(1 + i % 7) + "ở xã vùng cao, bài viết số " + i + ". chuyen doi so";
                writer.addDocument(MaterialDocuments.FACETS.build(MaterialDocuments.of(new MaterialDocuments.Source(i,
                        "Ghi chép " + i, "chuyen doi so o ban " + i, List.of(), "TEXT", "EVERYONE", "CC0", "vi",
                        LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i), body))));
            }
            writer.addDocument(MaterialDocuments.FACETS.build(MaterialDocuments.of(new MaterialDocuments.Source(9_999,
                    "Chuyển đổi số", "Bài giảng cho cán bộ", List.of("chuyển đổi số"), "PDF", "EVERYONE", "CC_BY", "vi",
                    LocalDateTime.of(2025, 1, 1, 0, 0), "Một bài giảng ngắn về chuyển đổi số."))));
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            MaterialSearcher.Result result = MaterialSearcher.search(new IndexSearcher(reader),
                    new DefaultSortedSetDocValuesReaderState(reader, MaterialDocuments.FACETS),
                    new MaterialSearcher.Request("chuyển đổi số", Map.of(), MaterialSearcher.Order.RELEVANCE, 0, 10));
            assertEquals(many + 1, result.total());
            assertEquals(9_999, result.hits().get(0).id());
        }
    }
}
