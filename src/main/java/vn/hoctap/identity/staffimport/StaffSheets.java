package vn.hoctap.identity.staffimport;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrgUnit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The spreadsheets the import page hands out: the template, and the new accounts' one-time passwords. */
public final class StaffSheets {

    private StaffSheets() {
    }

    /**
     * The template: the staff sheet with its headers and two example rows, and two reference
     * sheets listing the unit codes (within the officer's scope) and job position codes.
     */
    public static byte[] template(List<OrgUnit> units, List<JobPosition> positions) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = boldStyle(wb);
            XSSFSheet staff = wb.createSheet("Cán bộ");
            Column[] columns = Column.values();
            Row header = staff.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i].templateHeader());
                header.getCell(i).setCellStyle(bold);
                staff.setColumnWidth(i, 22 * 256);
            }
            String unit = units.isEmpty() ? "SNV-VP" : units.get(0).getCode();
            String position = positions.isEmpty() ? "CV" : positions.get(0).getCode();
            String[][] examples = {
                {"VD-0001", "Nguyễn Văn An", "", "0912345678", "an.nv@example.vn", unit, position, ""},
                {"VD-0002", "Lò Thị Bình", "binhlt", "", "", unit, position,
                        unit + "/" + position},
            };
            for (int r = 0; r < examples.length; r++) {
                Row row = staff.createRow(r + 1);
                for (int c = 0; c < examples[r].length; c++) {
                    row.createCell(c).setCellValue(examples[r][c]);
                }
            }
            staff.createFreezePane(0, 1);

            XSSFSheet unitSheet = wb.createSheet("Mã đơn vị");
            writeHeader(unitSheet, bold, "Mã đơn vị", "Tên đơn vị", "Loại");
            int r = 1;
            for (OrgUnit u : units) {
                Row row = unitSheet.createRow(r++);
                row.createCell(0).setCellValue(u.getCode());
                row.createCell(1).setCellValue("  ".repeat(Math.max(0, u.getDepth() - 1)) + u.getName());
                row.createCell(2).setCellValue(u.getKind().name());
            }
            XSSFSheet positionSheet = wb.createSheet("Mã vị trí việc làm");
            writeHeader(positionSheet, bold, "Mã vị trí việc làm", "Tên vị trí việc làm");
            r = 1;
            for (JobPosition p : positions) {
                Row row = positionSheet.createRow(r++);
                row.createCell(0).setCellValue(p.getCode());
                row.createCell(1).setCellValue(p.getName());
            }

            XSSFSheet help = wb.createSheet("Hướng dẫn");
            String[] lines = {
                "Hướng dẫn nhập danh sách cán bộ",
                "Mỗi dòng của trang «Cán bộ» là một người. Bắt buộc: Mã cán bộ, Họ và tên, Mã đơn vị, Mã vị trí việc làm.",
                "Tên đăng nhập có thể bỏ trống: hệ thống tạo từ mã cán bộ (chữ thường, không dấu).",
                "Kiêm nhiệm: các cặp Mã đơn vị/Mã vị trí việc làm, cách nhau bằng dấu chấm phẩy.",
                "Nhập lại cùng tệp sẽ cập nhật theo Mã cán bộ, không tạo người trùng.",
                "Xóa hai dòng ví dụ (VD-0001, VD-0002) trước khi nhập.",
                "",
                "How to fill in the staff list: one person per row of the first sheet; required: staff code,",
                "full name, unit code, job position code. Concurrent posts: UNIT/POSITION pairs separated by ';'.",
                "Re-importing the same file updates people by staff code. Delete the two example rows first.",
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.getRow(0).getCell(0).setCellStyle(bold);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] credentials(List<ImportResult.Credential> credentials) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Mật khẩu một lần");
            writeHeader(sheet, boldStyle(wb), "Mã cán bộ", "Họ và tên", "Tên đăng nhập", "Mật khẩu một lần");
            int r = 1;
            for (ImportResult.Credential c : credentials) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.staffCode());
                row.createCell(1).setCellValue(c.fullName());
                row.createCell(2).setCellValue(c.username());
                row.createCell(3).setCellValue(c.oneTimePassword());
            }
            for (int i = 0; i < 4; i++) {
                sheet.setColumnWidth(i, 24 * 256);
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeHeader(XSSFSheet sheet, CellStyle style, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            row.createCell(i).setCellValue(titles[i]);
            row.getCell(i).setCellStyle(style);
            sheet.setColumnWidth(i, 28 * 256);
        }
    }

    private static CellStyle boldStyle(XSSFWorkbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
