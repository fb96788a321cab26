package vn.hoctap.platform.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A4 pages of text that flow onto the next page: lines that wrap, cells at a given x, rules,
 * and a footer with the page number. The font is embedded and covers Vietnamese.
 */
public final class PdfPages implements AutoCloseable {

    public static final float MARGIN = 50;

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private final String footer;
    private PDPageContentStream out;
    private float y;
    private int pageNumber;

    /** @param footer text before the page number, e.g. "hoctap · Trang" */
    public PdfPages(String title, String footer) throws IOException {
        this.font = PdfText.font(doc);
        this.footer = footer;
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("hoctap");
        newPage();
    }

    public PDFont font() {
        return font;
    }

    public float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** A paragraph across the page, wrapped. */
    public void line(String s, float size) throws IOException {
        for (String part : PdfText.wrap(font, s, size, width())) {
            ensure(size + 6);
            cell(part, size, MARGIN);
            y -= size + 6;
        }
    }

    /** Text at x on the current line (the caller moves down with {@link #down}). */
    public void cell(String s, float size, float x) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(PdfText.printable(font, s));
        out.endText();
    }

    /** Text ending at x (numbers in a column). */
    public void right(String s, float size, float x) throws IOException {
        String printable = PdfText.printable(font, s);
        cell(printable, size, x - font.getStringWidth(printable) / 1000 * size);
    }

    public void down(float by) {
        y -= by;
    }

    public void rule() throws IOException {
        out.moveTo(MARGIN, y);
        out.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
        out.stroke();
    }

    /** Starts a new page unless {@code height} still fits. */
    public void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    public void save(OutputStream target) throws IOException {
        out.close();
        out = null;
        doc.save(target);
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
        out.showText(PdfText.printable(font, footer + " " + pageNumber));
        out.endText();
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        doc.close();
    }
}
