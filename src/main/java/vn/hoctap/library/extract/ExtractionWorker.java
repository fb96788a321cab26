package vn.hoctap.library.extract;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extraction process: a separate JVM with a small heap that parses one file at a time with
 * Tika and answers on stdout. A crafted file can loop, exhaust memory or crash a parser; here it
 * can only kill this process, which {@link Extractor} then replaces.
 *
 * <p>Protocol, one line each way: the request {@code id TAB file TAB textOut TAB maxChars}; the
 * answer a JSON object {@code {"id":…,"status":"ok|encrypted|damaged|empty","chars":…,
 * "truncated":…,"meta":{…},"error":…}}. The text goes to {@code textOut} (UTF-8).
 */
public final class ExtractionWorker {

    private ExtractionWorker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8)); // parsers must not write on our channel
        AutoDetectParser parser = new AutoDetectParser();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("{\"ready\":true}");
        String line;
        while ((line = in.readLine()) != null) {
            String[] request = line.split("\t", -1);
            if (request.length < 4) {
                continue;
            }
            out.println(extract(parser, request[0], Path.of(request[1]), Path.of(request[2]), Integer.parseInt(request[3])));
        }
    }

    static String extract(Parser parser, String id, Path file, Path textOut, int maxChars) {
        Metadata metadata = new Metadata();
        String status = "ok";
        String error = null;
        boolean truncated = false;
        long chars = 0;
        try (Writer writer = Files.newBufferedWriter(textOut, StandardCharsets.UTF_8);
             TikaInputStream stream = TikaInputStream.get(file, metadata)) {
            CountingWriter counting = new CountingWriter(writer);
            WriteOutContentHandler limit = new WriteOutContentHandler(counting, maxChars);
            ParseContext context = new ParseContext();
            context.set(Parser.class, parser);
            try {
                parser.parse(stream, new BodyContentHandler(limit), metadata, context);
            } catch (Exception e) {
                if (WriteLimitReachedException.isWriteLimitReached(e)) {
                    truncated = true;
                } else {
                    throw e;
                }
            }
            chars = counting.count;
            if (chars == 0) {
                status = "empty";
            }
        } catch (EncryptedDocumentException e) {
            status = "encrypted";
            error = message(e);
        } catch (ZeroByteFileException e) {
            status = "empty";
        } catch (TikaException e) {
            status = String.valueOf(e.getMessage()).toLowerCase().contains("zip bomb") ? "bomb" : "damaged";
            error = message(e);
        } catch (Exception | StackOverflowError e) {
            status = "damaged";
            error = message(e);
        }
        return json(id, status, chars, truncated, metadata, error);
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    static String json(String id, String status, long chars, boolean truncated, Metadata metadata, String error) {
        Map<String, String> meta = new LinkedHashMap<>();
        put(meta, "title", metadata.get(TikaCoreProperties.TITLE));
        put(meta, "author", metadata.get(TikaCoreProperties.CREATOR));
        put(meta, "language", metadata.get(TikaCoreProperties.LANGUAGE));
        put(meta, "pages", first(metadata, "xmpTPg:NPages", "meta:page-count", "Page-Count"));
        put(meta, "slides", first(metadata, "meta:slide-count", "Slide-Count"));
        put(meta, "duration", first(metadata, "xmpDM:duration"));
        put(meta, "width", first(metadata, "tiff:ImageWidth", "Image Width"));
        put(meta, "height", first(metadata, "tiff:ImageLength", "Image Height"));
        put(meta, "contentType", metadata.get(Metadata.CONTENT_TYPE));
        StringBuilder s = new StringBuilder("{\"id\":").append(quote(id))
                .append(",\"status\":").append(quote(status))
                .append(",\"chars\":").append(chars)
                .append(",\"truncated\":").append(truncated)
                .append(",\"meta\":{");
        boolean firstEntry = true;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            s.append(firstEntry ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
            firstEntry = false;
        }
        s.append('}');
        if (error != null) {
            s.append(",\"error\":").append(quote(error));
        }
        return s.append('}').toString();
    }

    private static String first(Metadata metadata, String... names) {
        for (String n : names) {
            String v = metadata.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static void put(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value.length() > 500 ? value.substring(0, 500) : value.strip());
        }
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** Counts what goes through, so the caller knows how much text there is. */
    private static final class CountingWriter extends Writer {
        private final Writer delegate;
        private long count;

        CountingWriter(Writer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
            delegate.write(buf, off, len);
            count += len;
        }

        @Override
        public void flush() throws java.io.IOException {
            delegate.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            delegate.close();
        }
    }
}
