package vn.hoctap.catalog;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.hoctap.platform.pdf.PdfText;
import vn.hoctap.shared.Times;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/**
 * A certificate as an A4 landscape PDF: the person, the course, the date, the hours, the code and
 * a QR code (drawn as vector squares) to the public verification page. Vietnamese text in an
 * embedded font (Liberation Sans, shipped with PDFBox, covers every Vietnamese letter).
 */
public final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Color INK = new Color(0x1b, 0x3a, 0x5c);

    private CertificatePdf() {
    }

    /** @param text the certificate's words by bundle key (Vietnamese) */
    public static void write(Certificate c, String verifyUrl, Function<String, String> text, OutputStream target)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PdfText.font(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(text.apply("certificate.pdf.title") + " – " + c.personName());
            info.setCreator("hoctap");
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            float w = a4.getWidth();
            float h = a4.getHeight();
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.setStrokingColor(INK);
                out.setLineWidth(3);
                out.addRect(24, 24, w - 48, h - 48);
                out.stroke();
                out.setLineWidth(0.8f);
                out.addRect(32, 32, w - 64, h - 64);
                out.stroke();
                out.setNonStrokingColor(INK);
                centred(out, regular, text.apply("certificate.pdf.issuer"), 13, w, h - 80, false);
                centred(out, regular, text.apply("certificate.pdf.title").toUpperCase(java.util.Locale.forLanguageTag("vi")), 30, w, h - 135, true);
                centred(out, regular, text.apply("certificate.pdf.certifies"), 14, w, h - 180, false);
                centred(out, regular, c.personName(), 26, w, h - 222, true);
                centred(out, regular, text.apply("certificate.pdf.completed"), 14, w, h - 262, false);
                float y = h - 298;
                for (String line : PdfText.wrap(regular, c.courseTitle(), 20, w - 200)) {
                    centred(out, regular, line, 20, w, y, true);
                    y -= 26;
                }
                String hours = BigDecimal.valueOf(c.creditedMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString();
                String date = DATE.format(c.issuedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(Times.VIETNAM));
                centred(out, regular, text.apply("certificate.pdf.hours").replace("{0}", hours)
                        + "   ·   " + text.apply("certificate.pdf.date").replace("{0}", date), 13, w, y - 10, false);
                drawQr(out, verifyUrl, 70, 60, 110);
                show(out, regular, text.apply("certificate.pdf.code") + ": " + c.code(), 11, 190, 120, false);
                show(out, regular, text.apply("certificate.pdf.verify"), 10, 190, 102, false);
                show(out, regular, verifyUrl, 10, 190, 86, false);
            }
            doc.save(target);
        }
    }

    /** The QR code as filled squares: sharp at any zoom, a few hundred bytes. */
    static void drawQr(PDPageContentStream out, String content, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IOException("QR code for " + content, e);
        }
        float cell = size / m.getWidth();
        out.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    out.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        out.fill();
        out.setNonStrokingColor(INK);
    }

    private static void centred(PDPageContentStream out, PDFont font, String s, float size, float pageWidth, float y,
                                boolean heavy) throws IOException {
        String printable = PdfText.printable(font, s);
        float width = font.getStringWidth(printable) / 1000 * size;
        show(out, font, printable, size, (pageWidth - width) / 2, y, heavy);
    }

    /** PDFBox ships only the regular face: a heavy line is drawn filled and stroked. */
    private static void show(PDPageContentStream out, PDFont font, String s, float size, float x, float y, boolean heavy)
            throws IOException {
        out.beginText();
        out.setRenderingMode(heavy ? org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL_STROKE
                : org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL);
        if (heavy) {
            out.setLineWidth(size / 30);
        }
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(PdfText.printable(font, s));
        out.endText();
    }
}
