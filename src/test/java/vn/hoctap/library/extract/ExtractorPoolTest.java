package vn.hoctap.library.extract;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoctap.library.ingest.TestFiles;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extraction in a separate process: text and metadata out, bad files contained. */
class ExtractorPoolTest {

    static ExtractorPool pool;

    @TempDir
    Path dir;

    static ExtractorPool.Settings settings(String heap, Duration timeout) {
        return new ExtractorPool.Settings(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true"),
                System.getProperty("java.class.path"), 1, timeout, 50);
    }

    @BeforeAll
    static void start() {
        pool = new ExtractorPool(settings("256m", Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void textAndMetadataComeOutOfAPdf() throws Exception {
        Path pdf = TestFiles.pdf(dir, "bai.pdf", "Chuyen doi so trong co quan nha nuoc", "Trang 1");
        Path text = dir.resolve("bai.txt");
        ExtractionResult r = pool.extract(pdf, text, 1_000_000);
        assertEquals("ok", r.status(), r.error());
        assertTrue(Files.readString(text).contains("Chuyen doi so trong co quan"));
        assertEquals("1", r.meta().get("pages"));
    }

    @Test
    void vietnameseTextComesOutOfAnEpub() throws Exception {
        Path text = dir.resolve("lao-hac.txt");
        ExtractionResult r = pool.extract(TestFiles.CORPUS.resolve("nam-cao/lao-hac.epub"), text, 1_000_000);
        assertEquals("ok", r.status(), r.error());
        String content = Files.readString(text);
        assertTrue(content.contains("Lão Hạc") || content.contains("lão Hạc"), content.substring(0, 200));
        assertTrue(r.chars() > 10_000);
    }

    @Test
    void longTextsAreCutAtTheLimit() throws Exception {
        Path text = dir.resolve("tat-den.txt");
        ExtractionResult r = pool.extract(TestFiles.CORPUS.resolve("ngo-tat-to/tat-den.epub"), text, 5_000);
        assertEquals("ok", r.status());
        assertTrue(r.truncated());
        assertEquals(5_000, r.chars());
    }

    @Test
    void anEncryptedDocumentIsNamedSo() throws Exception {
        Path plain = TestFiles.docx(dir, "plain.docx", "bí mật");
        Path encrypted = dir.resolve("mat.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (OutputStream os = encryptor.getDataStream(fs); InputStream in = Files.newInputStream(plain)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertEquals("encrypted", pool.extract(encrypted, dir.resolve("mat.txt"), 1000).status());
    }

    @Test
    void aDamagedFileIsNamedSo() throws Exception {
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(dir, "whole.pdf", "x"));
        Path broken = TestFiles.write(dir, "broken.pdf", java.util.Arrays.copyOf(pdf, pdf.length / 3));
        String status = pool.extract(broken, dir.resolve("broken.txt"), 1000).status();
        assertTrue(status.equals("damaged") || status.equals("empty"), status);
    }

    @Test
    void aFileThatTakesTooLongKillsOnlyItsProcess() throws Exception {
        try (ExtractorPool impatient = new ExtractorPool(settings("256m", Duration.ofMillis(1)))) {
            ExtractionResult r = impatient.extract(TestFiles.CORPUS.resolve("ngo-tat-to/tat-den.epub"),
                    dir.resolve("slow.txt"), 10_000_000);
            assertEquals("timeout", r.status());
        }
        Path pdf = TestFiles.pdf(dir, "after.pdf", "still working");
        assertEquals("ok", pool.extract(pdf, dir.resolve("after.txt"), 1000).status());
    }

    @Test
    void aProcessThatDiesIsReportedAndReplaced() throws Exception {
        try (ExtractorPool starved = new ExtractorPool(settings("6m", Duration.ofSeconds(30)))) {
            ExtractionResult r = starved.extract(TestFiles.CORPUS.resolve("ngo-tat-to/tat-den.epub"),
                    dir.resolve("oom.txt"), 10_000_000);
            assertEquals("crashed", r.status());
        }
    }
}
