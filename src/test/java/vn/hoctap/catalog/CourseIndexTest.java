package vn.hoctap.catalog;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue's search over the shipped courses: diacritics optional, inside the lessons too, titles first. */
class CourseIndexTest {

    static final List<String> CODES = new ArrayList<>();
    static IndexSearcher searcher;

    @BeforeAll
    static void index() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        PerFieldAnalyzerWrapper analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), new CourseIndex().analyzers());
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            long id = 0;
            for (Path folder : CourseFormatTest.shippedCourses()) {
                CourseDefinition d = CourseFormatTest.read(folder);
                writer.addDocument(CourseIndex.document(id++, d));
                CODES.add(d.code());
            }
        }
        searcher = new IndexSearcher(DirectoryReader.open(dir));
    }

    static List<String> search(String q) throws Exception {
        List<String> codes = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(CourseIndex.query(q), 10).scoreDocs) {
            codes.add(CODES.get(Integer.parseInt(searcher.storedFields().document(hit.doc).get(CourseIndex.ID))));
        }
        return codes;
    }

    @Test
    void titlesComeFirstWithOrWithoutDiacritics() throws Exception {
        assertEquals("an-toan-thong-tin", search("an toan thong tin").get(0));
        assertEquals("an-toan-thong-tin", search("An toàn thông tin").get(0));
        assertEquals("chuyen-doi-so-cong-vu", search("chuyen doi so").get(0));
        assertEquals("ca-phe-cay-an-qua", search("cà phê").get(0));
        assertEquals("ca-phe-cay-an-qua", search("CA PHE").get(0));
    }

    @Test
    void wordsInsideLessonsFindTheirCourse() throws Exception {
        List<String> found = search("vneid");
        assertTrue(found.contains("dien-thoai-an-toan"), found.toString());
        assertTrue(search("VietGAP").contains("ca-phe-cay-an-qua"));
    }

    @Test
    void everyWordMustBeThere() throws Exception {
        assertTrue(search("cà phê xyzzyq").isEmpty(), "a word no course has");
        assertNull(CourseIndex.query("  ... "), "no words, no query");
    }
}
