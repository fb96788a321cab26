package vn.hoctap.library.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real type comes from the bytes; bad files are refused with a reason. */
class FileInspectorTest {

    static final long MAX = 2L * 1024 * 1024 * 1024;
    static FileInspector inspector;

    @TempDir
    Path dir;

    @BeforeAll
    static void createOnce() {
        inspector = new FileInspector();
    }

    FileTypes.Verdict judge(Path file) throws IOException {
        return inspector.inspect(file, file.getFileName().toString(), Files.size(file), MAX).verdict();
    }

    String refusal(Path file) throws IOException {
        FileTypes.Verdict v = judge(file);
        return v.isAccepted() ? "accepted as " + v.accepted().mediaType() : v.refusalKey();
    }

    FileKind kind(Path file) throws IOException {
        FileTypes.Verdict v = judge(file);
        assertTrue(v.isAccepted(), file + ": " + v.refusalKey());
        return v.accepted().kind();
    }

    @Test
    void realDocumentsAreAcceptedAsWhatTheyAre() throws IOException {
        assertEquals(FileKind.PDF, kind(TestFiles.pdf(dir, "bai-giang.pdf", "Chuyen doi so")));
        assertEquals(FileKind.DOCUMENT, kind(TestFiles.docx(dir, "huong-dan.docx", "Hướng dẫn sử dụng")));
        assertEquals(FileKind.EBOOK, kind(TestFiles.CORPUS.resolve("nam-cao/lao-hac.epub")));
        assertEquals(FileKind.TEXT, kind(TestFiles.CORPUS.resolve("ly-thuong-kiet/nam-quoc-son-ha.md")));
        assertEquals("text/markdown", judge(TestFiles.CORPUS.resolve("ly-thuong-kiet/nam-quoc-son-ha.md")).accepted().mediaType());
        assertEquals(FileKind.IMAGE, kind(TestFiles.png(dir, "so-do.png")));
        assertEquals(FileKind.AUDIO, kind(TestFiles.write(dir, "bai-hat.mp3",
                new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64})));
    }

    @Test
    void theContentDecidesNotTheName() throws IOException {
        assertEquals(FileKind.PDF, kind(TestFiles.pdf(dir, "khong-co-duoi", "no extension")));
    }

    @Test
    void aRenamedProgramIsRefused() throws IOException {
        assertEquals("library.refused.executable", refusal(TestFiles.elf(dir, "bai-giang.pdf")));
        assertEquals("library.refused.executable", refusal(TestFiles.windowsExe(dir, "so-tay.docx")));
        assertEquals("library.refused.executable", refusal(TestFiles.text(dir, "ghi-chu.txt", "#!/bin/sh\nrm -rf ~\n")));
        assertEquals("library.refused.executable", refusal(TestFiles.text(dir, "cai-dat.bat", "echo hello")));
    }

    @Test
    void macroEnabledOfficeFilesAreRefused() throws IOException {
        assertEquals("library.refused.macro", refusal(TestFiles.macroDocx(dir, "bao-cao.docx")));
    }

    @Test
    void aDecompressionBombIsRefused() throws IOException {
        assertEquals("library.refused.bomb", refusal(TestFiles.zipBomb(dir, "tai-lieu.docx")));
    }

    @Test
    void anExtensionThatLiesIsRefused() throws IOException {
        Path pdf = TestFiles.pdf(dir, "slides.pptx", "a PDF in disguise");
        FileTypes.Verdict v = judge(pdf);
        assertEquals("library.refused.mismatch", v.refusalKey());
        assertEquals("PPTX", v.args()[0]);
        assertEquals("PDF", v.args()[1]);
        assertEquals("library.refused.mismatch", refusal(TestFiles.docx(dir, "anh.jpg", "not a picture")));
    }

    @Test
    void typesOutsideTheListAreRefusedByName() throws IOException {
        Path xls = dir.resolve("diem.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
        }
        FileTypes.Verdict v = judge(xls);
        assertEquals("library.refused.type", v.refusalKey());
        assertEquals("Excel 97-2003 (XLS)", v.args()[0]);
    }

    @Test
    void emptyAndOversizedFilesAreRefused() throws IOException {
        Path pdf = TestFiles.pdf(dir, "a.pdf", "x");
        assertEquals("library.refused.tooLarge",
                inspector.inspect(pdf, "a.pdf", Files.size(pdf), 10).verdict().refusalKey());
        assertEquals("library.refused.empty", FileTypes.judge("a.pdf", "application/pdf", 0, MAX).refusalKey());
    }
}
