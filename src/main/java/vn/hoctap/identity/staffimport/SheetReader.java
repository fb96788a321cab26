package vn.hoctap.identity.staffimport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an uploaded spreadsheet into rows of text. The format is recognised from the bytes, not
 * the file name: a ZIP that is a real Office Open XML workbook, or UTF-8 text (CSV, comma or
 * semicolon). Anything else, too large, too many rows or a decompression bomb is refused with a
 * bundle key saying why.
 */
public final class SheetReader {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private SheetReader() {
    }

    /** A sheet as text: {@code rows.get(0)} is the header row; each row keeps its number in the file. */
    public record Sheet(List<Line> rows) {
    }

    public record Line(int number, List<String> cells) {
    }

    /** The file could not be read at all; {@code key} is a bundle key. */
    public static final class Unreadable extends Exception {
        private final String key;
        private final Object[] args;

        Unreadable(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    public static Sheet read(String fileName, byte[] bytes) throws Unreadable {
        if (bytes.length == 0) {
            throw new Unreadable("import.error.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("import.error.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return readXlsx(bytes);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new Unreadable("import.error.oldExcel"); // .xls, or an encrypted workbook
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new Unreadable("import.error.notXlsx");
        }
        return readCsv(bytes);
    }

    private static Sheet readXlsx(byte[] bytes) throws Unreadable {
        ZipSecureFile.setMinInflateRatio(0.01); // POI's default guard against zip bombs, made explicit
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new Unreadable("import.error.empty");
            }
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new Unreadable("import.error.tooManyRows", MAX_ROWS);
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Line> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                short last = row.getLastCellNum();
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
                }
                rows.add(new Line(row.getRowNum() + 1, cells));
            }
            return new Sheet(rows);
        } catch (POIXMLException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new Unreadable("import.error.notXlsx");
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("inflate ratio") || message.contains("MaxEntrySize")) {
                throw new Unreadable("import.error.bomb");
            }
            throw new Unreadable("import.error.notXlsx");
        }
    }

    private static Sheet readCsv(byte[] bytes) throws Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("import.error.notUtf8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.chars().limit(4096).anyMatch(ch -> ch == 0)) {
            throw new Unreadable("import.error.unknownFormat");
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        List<Line> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                if (number > MAX_ROWS + 1) {
                    throw new Unreadable("import.error.tooManyRows", MAX_ROWS);
                }
                List<String> cells = new ArrayList<>();
                record.forEach(v -> cells.add(v.trim()));
                rows.add(new Line(number, cells));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new Unreadable("import.error.badCsv");
        }
        return new Sheet(rows);
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
