package vn.hoctap.training;

import vn.hoctap.platform.pdf.PdfPages;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A frozen report as a PDF for the file: the programme, the node, the reporting date and the moment
 * of freezing, the totals, one line per agency or unit, and the number and SHA-256 of the people
 * behind the figures (listed in the XLSX of the same report).
 */
public final class ReportPdf {

    private static final float[] COLUMNS = {PdfPages.MARGIN, 310, 360, 410, 460, 545};

    private ReportPdf() {
    }

    public static void write(Reports.Frozen f, Function<String, String> text, Function<java.time.LocalDateTime, String> time,
                             OutputStream target) throws IOException {
        Programme p = f.dashboard().programme();
        try (PdfPages pdf = new PdfPages(text.apply("training.report.title") + " – " + p.name(),
                "hoctap · " + text.apply("records.pdf.page"))) {
            pdf.line(text.apply("training.report.title").toUpperCase(Locale.forLanguageTag("vi")), 15);
            pdf.down(4);
            pdf.line(p.name(), 12);
            pdf.line(text.apply("training.unit") + ": " + f.dashboard().nodeName(), 11);
            pdf.line(text.apply("training.report.asOf") + ": " + vn.hoctap.shared.Times.day(f.report().asOf()) + " · "
                    + text.apply("training.deadline") + ": " + vn.hoctap.shared.Times.day(p.deadline()), 10);
            pdf.line(text.apply("training.report.frozenAt") + ": " + time.apply(f.report().frozenAt()), 10);
            pdf.down(8);
            Compliance.Counts t = f.dashboard().total();
            pdf.line(text.apply("training.assigned") + ": " + t.assigned() + " · " + text.apply("training.status.COMPLETED") + ": "
                    + t.completed() + " · " + text.apply("training.status.COMPLETED_LATE") + ": " + t.completedLate() + " · "
                    + text.apply(t.pastDeadline() ? "training.status.OVERDUE" : "training.notDone") + ": " + t.notDone() + " · "
                    + text.apply("training.rateShort") + ": " + percent(t.rate()), 11);
            pdf.down(10);
            header(pdf, text);
            for (Compliance.Line l : f.dashboard().lines()) {
                List<String> name = vn.hoctap.platform.pdf.PdfText.wrap(pdf.font(), l.name(), 9, COLUMNS[1] - COLUMNS[0] - 10);
                pdf.ensure(name.size() * 11 + 4);
                Compliance.Counts c = l.counts();
                pdf.right(Long.toString(c.assigned()), 9, COLUMNS[2]);
                pdf.right(Long.toString(c.completed()), 9, COLUMNS[3]);
                pdf.right(Long.toString(c.completedLate()), 9, COLUMNS[4]);
                pdf.right(percent(c.rate()), 9, COLUMNS[5]);
                for (String part : name) {
                    pdf.cell(part, 9, COLUMNS[0]);
                    pdf.down(11);
                }
                pdf.down(3);
            }
            pdf.down(12);
            pdf.line(text.apply("training.report.people").replace("{0}", Integer.toString(f.people().size())), 9);
            pdf.line("SHA-256: " + f.report().sha256(), 8);
            pdf.save(target);
        }
    }

    private static void header(PdfPages pdf, Function<String, String> text) throws IOException {
        pdf.ensure(30);
        pdf.cell(text.apply("training.unit"), 9, COLUMNS[0]);
        pdf.right(text.apply("training.assigned"), 9, COLUMNS[2]);
        pdf.right(text.apply("training.report.onTime"), 9, COLUMNS[3]);
        pdf.right(text.apply("training.report.late"), 9, COLUMNS[4]);
        pdf.right("%", 9, COLUMNS[5]);
        pdf.down(5);
        pdf.rule();
        pdf.down(12);
    }

    private static String percent(double rate) {
        return Compliance.percent(rate) + "%";
    }
}
