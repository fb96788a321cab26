package vn.hoctap.records;

import vn.hoctap.platform.pdf.PdfText;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

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
    private static final float MARGIN = 50;
    private static final float[] COLUMNS = {50, 125, 390, 470};

    private final Function<String, String> text;
    private PDDocument doc;
    private PDFont font;
    private PDPageContentStream out;
    private float y;
    private int pageNumber;

    /** @param text the page texts by bundle key, in the reader's language */
    public TranscriptPdf(Function<String, String> text) {
        this.text = text;
    }

    public void write(RecordService.PersonRecord record, String issuedBy, OutputStream target) throws IOException {
        try (PDDocument document = new PDDocument()) {
            doc = document;
            font = PdfText.font(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(text.apply("records.pdf.title") + " – " + record.fullName());
            info.setCreator("hoctap");
            newPage();
            line(text.apply("records.pdf.title").toUpperCase(java.util.Locale.forLanguageTag("vi")), 16, MARGIN);
            y -= 6;
            line(text.apply("records.pdf.person") + ": " + record.fullName(), 12, MARGIN);
            if (record.unit() != null) {
                line(text.apply("records.pdf.unit") + ": " + record.unit(), 11, MARGIN);
            }
            line(text.apply("records.pdf.issued") + ": " + DATE.format(LocalDateTime.now(Times.VIETNAM))
                    + " – " + issuedBy, 10, MARGIN);
            y -= 10;
            line(text.apply("records.pdf.totals") + ": " + record.totalHours() + " " + text.apply("records.hoursUnit")
                    + " · " + record.completed() + " " + text.apply("records.pdf.completedCount"), 12, MARGIN);
            for (Map.Entry<Integer, Long> year : record.years()) {
                line("   " + year.getKey() + ": " + RecordService.hours(year.getValue()) + " "
                        + text.apply("records.hoursUnit"), 10, MARGIN);
            }
            if (!record.topics().isEmpty()) {
                line(text.apply("records.byTopic") + ":", 11, MARGIN);
                for (Map.Entry<String, Long> topic : record.topics()) {
                    line("   " + topic.getKey() + ": " + RecordService.hours(topic.getValue()) + " "
                            + text.apply("records.hoursUnit"), 10, MARGIN);
                }
            }
            y -= 14;
            header();
            for (RecordService.Entry e : record.entries()) {
                if ("lesson".equals(e.kind())) {
                    continue;
                }
                row(e);
            }
            if (record.entries().isEmpty()) {
                line(text.apply("records.empty"), 10, MARGIN);
            }
            out.close();
            doc.save(target);
        }
    }

    private void header() throws IOException {
        ensure(30);
        cell(text.apply("records.pdf.date"), 9, COLUMNS[0]);
        cell(text.apply("records.pdf.activity"), 9, COLUMNS[1]);
        cell(text.apply("records.pdf.result"), 9, COLUMNS[2]);
        cell(text.apply("records.pdf.hours"), 9, COLUMNS[3]);
        y -= 4;
        out.moveTo(MARGIN, y);
        out.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
        out.stroke();
        y -= 12;
    }

    private void row(RecordService.Entry e) throws IOException {
        List<String> name = PdfText.wrap(font, e.name() == null ? e.iri() : e.name(), 9, COLUMNS[2] - COLUMNS[1] - 8);
        String detail = e.provider() != null ? e.provider() : null;
        int lines = name.size() + (detail == null ? 0 : 1);
        ensure(lines * 11 + 6);
        float top = y;
        cell(DATE.format(e.when().atOffset(ZoneOffset.UTC).atZoneSameInstant(Times.VIETNAM)), 9, COLUMNS[0]);
        cell(result(e), 9, COLUMNS[2]);
        cell(e.hours(), 9, COLUMNS[3]);
        for (String part : name) {
            cell(part, 9, COLUMNS[1]);
            y -= 11;
        }
        if (detail != null) {
            cell(detail + (e.enteredByStaff() ? " (" + text.apply("records.enteredByStaff") + ")" : ""), 8, COLUMNS[1]);
            y -= 11;
        }
        y = Math.min(y, top - 11) - 4;
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

    private void line(String s, float size, float x) throws IOException {
        for (String part : PdfText.wrap(font, s, size, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
            ensure(size + 6);
            cell(part, size, x);
            y -= size + 6;
        }
    }

    private void cell(String s, float size, float x) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(PdfText.printable(font, s));
        out.endText();
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pageNumber++;
        out.beginText();
        out.setFont(font, 8);
        out.newLineAtOffset(MARGIN, 25);
        out.showText("hoctap · " + text.apply("records.pdf.page") + " " + pageNumber);
        out.endText();
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
