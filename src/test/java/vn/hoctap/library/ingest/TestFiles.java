package vn.hoctap.library.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Files made for the tests: real documents, and crafted bad ones. */
public final class TestFiles {

    /**
     * The shared corpus that lives beside the project ({@code ../shared/corpus}). A clone elsewhere
     * (CI clones into a temporary directory) finds it through {@code -Dhoctap.corpus},
     * {@code HOCTAP_CORPUS}, any ancestor's {@code shared/corpus}, or the machine's {@code /work/shared}.
     */
    public static final Path SHARED_CORPUS = locateCorpus();
    public static final Path CORPUS = SHARED_CORPUS.resolve("vi-public-domain");
    public static final Path STOPWORDS = SHARED_CORPUS.resolve("vi-stopwords").resolve("vietnamese-stopwords.txt");

    private TestFiles() {
    }

    private static Path locateCorpus() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("hoctap.corpus", System.getenv("HOCTAP_CORPUS"));
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared").resolve("corpus"));
        }
        candidates.add(Path.of("/work", "shared", "corpus"));
        return candidates.stream()
                .filter(p -> Files.isDirectory(p.resolve("vi-public-domain")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The shared corpus was not found; looked in " + candidates
                                + ". Set -Dhoctap.corpus or HOCTAP_CORPUS to the directory holding vi-public-domain."));
    }

    public static Path pdf(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    public static Path docx(Path dir, String name, String... paragraphs) throws IOException {
        Path file = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        return file;
    }

    /** A DOCX whose package says it carries macros (a .docm under a .docx name). */
    public static Path macroDocx(Path dir, String name) throws IOException {
        Path plain = docx(dir, "plain-" + name, "Tài liệu có macro");
        Path file = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("[Content_Types].xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    "application/vnd.ms-word.document.macroEnabled.main+xml")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
            }
        }
        return file;
    }

    /** A "DOCX" whose one part inflates to 300 MB of zeros. */
    public static Path zipBomb(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("[Content_Types].xml"));
            out.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                out.write(zeros);
            }
        }
        return file;
    }

    /** The start of a Linux program. */
    public static Path elf(Path dir, String name) throws IOException {
        byte[] bytes = new byte[4096];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[16] = 2; // ET_EXEC
        bytes[18] = 0x3e; // x86-64
        return write(dir, name, bytes);
    }

    /** The start of a Windows program (DOS stub and PE signature). */
    public static Path windowsExe(Path dir, String name) throws IOException {
        byte[] bytes = new byte[4096];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        String stub = "This program cannot be run in DOS mode.";
        System.arraycopy(stub.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0x4e, stub.length());
        return write(dir, name, bytes);
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    public static Path text(Path dir, String name, String text) throws IOException {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path png(Path dir, String name) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve(name);
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    public static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
