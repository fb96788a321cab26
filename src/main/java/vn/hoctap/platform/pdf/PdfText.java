package vn.hoctap.platform.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Vietnamese text in the platform's PDFs (transcripts, certificates): the embedded font — Liberation
 * Sans, which PDFBox ships and which covers every Vietnamese letter — and the two things every
 * document needs from it, printable text and line wrapping.
 */
public final class PdfText {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfText() {
    }

    /** The font, embedded (subset) in {@code doc}. */
    public static PDFont font(PDDocument doc) throws IOException {
        try (InputStream in = PdfText.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("The font " + FONT + " is missing from the class path");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Letters the font lacks (another script, an emoji) become '?' rather than failing the PDF. */
    public static String printable(PDFont font, String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    /** The lines {@code s} takes at {@code size} points within {@code width} points, broken between words. */
    public static List<String> wrap(PDFont font, String s, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : s.split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (font.getStringWidth(printable(font, candidate)) / 1000 * size > width && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }
}
