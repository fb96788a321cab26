package vn.hoctap.records;

import vn.hoctap.platform.pdf.PdfPages;
import vn.hoctap.platform.pdf.PdfText;
import vn.hoctap.shared.Times;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The record as a PDF transcript (bảng tổng hợp quá trình học tập): A4, Vietnamese text in an
 * embedded font (Liberation Sans, which PDFBox ships and which covers every Vietnamese letter), a
 * table of what was learnt with dates and hours, totals per year and per topic.
 */
public final class TranscriptPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float[] COLUMNS = {50, 125, 390, 470};

    private final Function<String, String> text;
    private PdfPages pdf;

    /** @param text the page texts by bundle key, in the reader's language */
    public TranscriptPdf(Function<String, String> text) {
        this.text = text;
    }

    public void write(RecordService.PersonRecord record, String issuedBy, OutputStream target) throws IOException {
        try (PdfPages pages = new PdfPages(text.apply("records.pdf.title") + " – " + record.fullName(),
                "hoctap · " + text.apply("records.pdf.page"))) {
            pdf = pages;
            pdf.line(text.apply("records.pdf.title").toUpperCase(java.util.Locale.forLanguageTag("vi")), 16);
            pdf.down(6);
            pdf.line(text.apply("records.pdf.person") + ": " + record.fullName(), 12);
            if (record.unit() != null) {
                pdf.line(text.apply("records.pdf.unit") + ": " + record.unit(), 11);
            }
            pdf.line(text.apply("records.pdf.issued") + ": " + DATE.format(LocalDateTime.now(Times.VIETNAM))
                    + " – " + issuedBy, 10);
            pdf.down(10);
            pdf.line(text.apply("records.pdf.totals") + ": " + record.totalHours() + " " + text.apply("records.hoursUnit")
                    + " · " + record.completed() + " " + text.apply("records.pdf.completedCount"), 12);
            for (Map.Entry<Integer, Long> year : record.years()) {
                pdf.line("   " + year.getKey() + ": " + RecordService.hours(year.getValue()) + " "
                        + text.apply("records.hoursUnit"), 10);
            }
            if (!record.topics().isEmpty()) {
                pdf.line(text.apply("records.byTopic") + ":", 11);
                for (Map.Entry<String, Long> topic : record.topics()) {
                    pdf.line("   " + topic.getKey() + ": " + RecordService.hours(topic.getValue()) + " "
                            + text.apply("records.hoursUnit"), 10);
                }
            }
            pdf.down(14);
            header();
            for (RecordService.Entry e : record.entries()) {
                if ("lesson".equals(e.kind())) {
                    continue;
                }
                row(e);
            }
            if (record.entries().isEmpty()) {
                pdf.line(text.apply("records.empty"), 10);
            }
            pdf.save(target);
        }
    }

    private void header() throws IOException {
        pdf.ensure(30);
        pdf.cell(text.apply("records.pdf.date"), 9, COLUMNS[0]);
        pdf.cell(text.apply("records.pdf.activity"), 9, COLUMNS[1]);
        pdf.cell(text.apply("records.pdf.result"), 9, COLUMNS[2]);
        pdf.cell(text.apply("records.pdf.hours"), 9, COLUMNS[3]);
        pdf.down(4);
        pdf.rule();
        pdf.down(12);
    }

    private void row(RecordService.Entry e) throws IOException {
        List<String> name = PdfText.wrap(pdf.font(), e.name() == null ? e.iri() : e.name(), 9, COLUMNS[2] - COLUMNS[1] - 8);
        String detail = e.provider() != null ? e.provider() : null;
        int lines = name.size() + (detail == null ? 0 : 1);
        pdf.ensure(lines * 11 + 6);
        pdf.cell(DATE.format(e.when().atOffset(ZoneOffset.UTC).atZoneSameInstant(Times.VIETNAM)), 9, COLUMNS[0]);
        pdf.cell(result(e), 9, COLUMNS[2]);
        pdf.cell(e.hours(), 9, COLUMNS[3]);
        for (String part : name) {
            pdf.cell(part, 9, COLUMNS[1]);
            pdf.down(11);
        }
        if (detail != null) {
            pdf.cell(detail + (e.enteredByStaff() ? " (" + text.apply("records.enteredByStaff") + ")" : ""), 8, COLUMNS[1]);
            pdf.down(11);
        }
        pdf.down(4);
    }

    private String result(RecordService.Entry e) {
        if (Boolean.TRUE.equals(e.passed())) {
            return text.apply("records.status.passed") + (e.scorePercent() == null ? "" : " " + e.scorePercent() + "%");
        }
        if (e.completed()) {
            return text.apply("records.status.completed");
        }
        if (Boolean.FALSE.equals(e.passed())) {
            return text.apply("records.status.failed");
        }
        return text.apply("records.status.inProgress");
    }
}
