package vn.hoctap.identity.staffimport;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SheetReaderTest {

    static byte[] xlsx(String[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Cán bộ");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsAnXlsxWithVietnameseText() throws Exception {
        byte[] bytes = xlsx(new String[][] {{"Mã cán bộ", "Họ và tên"}, {"SNV-1", "Lò Thị Bình"}});
        SheetReader.Sheet sheet = SheetReader.read("ds.xlsx", bytes);
        assertEquals(List.of("SNV-1", "Lò Thị Bình"), sheet.rows().get(1).cells());
        assertEquals(2, sheet.rows().get(1).number());
    }

    @Test
    void readsCsvWithBomAndSemicolons() throws Exception {
        byte[] bytes = "\uFEFFMã cán bộ;Họ và tên\nSNV-1;\"Lò Thị Bình\"\n".getBytes(StandardCharsets.UTF_8);
        SheetReader.Sheet sheet = SheetReader.read("ds.csv", bytes);
        assertEquals(List.of("Mã cán bộ", "Họ và tên"), sheet.rows().get(0).cells());
        assertEquals(List.of("SNV-1", "Lò Thị Bình"), sheet.rows().get(1).cells());
    }

    @Test
    void aTextFileRenamedXlsxIsRefused() {
        byte[] bytes = "Mã cán bộ,Họ và tên\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("import.error.notXlsx", assertThrows(SheetReader.Unreadable.class,
                () -> SheetReader.read("ds.xlsx", bytes)).key());
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("import.error.notXlsx", assertThrows(SheetReader.Unreadable.class,
                () -> SheetReader.read("ds.xlsx", out.toByteArray())).key());
    }

    @Test
    void aDecompressionBombIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(new byte[50 * 1024 * 1024]); // 50 MB of zeros compress to ~50 KB
        }
        String key = assertThrows(SheetReader.Unreadable.class, () -> SheetReader.read("bomb.xlsx", out.toByteArray())).key();
        assertEquals(true, key.equals("import.error.bomb") || key.equals("import.error.notXlsx"), key);
    }

    @Test
    void oldExcelFilesAreExplained() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertEquals("import.error.oldExcel", assertThrows(SheetReader.Unreadable.class,
                () -> SheetReader.read("ds.xls", ole2)).key());
    }

    @Test
    void nonUtf8CsvIsExplained() {
        byte[] latin1 = "Mã cán bộ,Họ tên\n".getBytes(StandardCharsets.UTF_16LE);
        String key = assertThrows(SheetReader.Unreadable.class, () -> SheetReader.read("ds.csv", latin1)).key();
        assertEquals(true, key.equals("import.error.notUtf8") || key.equals("import.error.unknownFormat"), key);
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        assertEquals("import.error.empty", assertThrows(SheetReader.Unreadable.class,
                () -> SheetReader.read("a.csv", new byte[0])).key());
        assertEquals("import.error.tooLarge", assertThrows(SheetReader.Unreadable.class,
                () -> SheetReader.read("a.csv", new byte[SheetReader.MAX_BYTES + 1])).key());
    }
}
