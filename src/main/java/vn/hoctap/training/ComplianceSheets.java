package vn.hoctap.training;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * A compliance report as an XLSX workbook: a summary sheet (the programme, the node, the totals and
 * one line per node under it) and the list of people with their status. Written as a stream
 * (POI's SXSSF keeps 200 rows in memory), so an agency of thousands costs little heap.
 */
public final class ComplianceSheets {

    private ComplianceSheets() {
    }

    public static void write(Compliance.Dashboard d, List<Compliance.PersonLine> people, Function<String, String> label,
                             Function<LocalDateTime, String> time, OutputStream out) throws IOException {
        write(d, people, java.util.Map.of(), label, time, out);
    }

    /** @param facts more lines for the head of the summary (label → value), e.g. a frozen report's date and checksum */
    public static void write(Compliance.Dashboard d, List<Compliance.PersonLine> people, java.util.Map<String, String> facts,
                             Function<String, String> label, Function<LocalDateTime, String> time, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Programme p = d.programme();

            Sheet summary = wb.createSheet(label.apply("training.sheet.summary"));
            int r = 0;
            r = pair(summary, r, label.apply("training.programme"), p.name(), bold);
            r = pair(summary, r, label.apply("training.unit"), d.nodeName(), bold);
            r = pair(summary, r, label.apply("training.deadline"), p.deadline().toString(), bold);
            r = pair(summary, r, label.apply("training.generatedAt"), time.apply(vn.hoctap.shared.Times.nowUtc()), bold);
            for (var fact : facts.entrySet()) {
                r = pair(summary, r, fact.getKey(), fact.getValue(), bold);
            }
            r++;
            String[] heads = {"training.unit", "training.assigned", "training.status.COMPLETED", "training.status.COMPLETED_LATE",
                    "training.status.IN_PROGRESS", "training.status.NOT_STARTED", "training.status.OVERDUE", "training.rate"};
            Row head = summary.createRow(r++);
            for (int i = 0; i < heads.length; i++) {
                cell(head, i, label.apply(heads[i])).setCellStyle(bold);
            }
            r = counts(summary.createRow(r), label.apply("training.total"), d.total(), bold);
            for (Compliance.Line l : d.lines()) {
                r = counts(summary.createRow(r), l.name(), l.counts(), null);
            }
            summary.setColumnWidth(0, 60 * 256);
            for (int i = 1; i < heads.length; i++) {
                summary.setColumnWidth(i, 16 * 256);
            }

            Sheet list = wb.createSheet(label.apply("training.sheet.people"));
            String[] cols = {"person.fullName", "person.username", "person.staffCode", "training.unit", "training.courses",
                    "training.state", "training.completedAt"};
            Row h = list.createRow(0);
            for (int i = 0; i < cols.length; i++) {
                cell(h, i, label.apply(cols[i])).setCellStyle(bold);
            }
            list.createFreezePane(0, 1);
            int row = 1;
            for (Compliance.PersonLine pl : people) {
                Row x = list.createRow(row++);
                cell(x, 0, pl.fullName());
                cell(x, 1, pl.username());
                cell(x, 2, pl.staffCode());
                cell(x, 3, pl.unitName());
                cell(x, 4, pl.coursesDone() + "/" + pl.required());
                cell(x, 5, label.apply(pl.status().messageKey()));
                cell(x, 6, pl.completedAt() == null ? "" : time.apply(pl.completedAt()));
            }
            int[] widths = {32, 20, 14, 48, 10, 20, 18};
            for (int i = 0; i < widths.length; i++) {
                list.setColumnWidth(i, widths[i] * 256);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static int pair(Sheet s, int r, String key, String value, CellStyle bold) {
        Row row = s.createRow(r);
        cell(row, 0, key).setCellStyle(bold);
        cell(row, 1, value);
        return r + 1;
    }

    private static int counts(Row row, String name, Compliance.Counts c, CellStyle style) {
        Cell first = cell(row, 0, name);
        if (style != null) {
            first.setCellStyle(style);
        }
        long[] values = {c.assigned(), c.completed(), c.completedLate(), c.pastDeadline() ? 0 : c.inProgress(),
                c.pastDeadline() ? 0 : c.notStarted(), c.overdue()};
        for (int i = 0; i < values.length; i++) {
            row.createCell(i + 1).setCellValue(values[i]);
        }
        row.createCell(values.length + 1).setCellValue(c.rate());
        return row.getRowNum() + 1;
    }

    private static Cell cell(Row row, int i, String value) {
        Cell c = row.createCell(i);
        c.setCellValue(value == null ? "" : value);
        return c;
    }
}
