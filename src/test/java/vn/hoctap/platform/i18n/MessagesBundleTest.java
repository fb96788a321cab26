package vn.hoctap.platform.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every language has every key, and every key a page or the code uses exists. */
class MessagesBundleTest {

    static final Path BUNDLES = Path.of("src/main/resources/vn/hoctap/i18n");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("messages_vi.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
        assertEquals(new TreeSet<>(load("faces_vi.properties").stringPropertyNames()),
                new TreeSet<>(load("faces_en.properties").stringPropertyNames()));
    }

    @Test
    void noValueIsEmptyAndTheVietnameseIsVietnamese() throws IOException {
        Properties vi = load("messages_vi.properties");
        for (String key : vi.stringPropertyNames()) {
            assertTrue(!vi.getProperty(key).isBlank(), key);
        }
        assertTrue(vi.getProperty("nav.signIn").contains("nhập"));
    }

    @Test
    void textsWithArgumentsHaveNoSingleQuotes() throws IOException {
        for (String bundle : List.of("messages_vi.properties", "messages_en.properties")) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.matches("(?s).*\\{\\d}.*")) {
                    assertTrue(!v.contains("'"), bundle + " " + key + ": MessageFormat would eat the quote");
                }
            }
        }
    }

    @Test
    void everyKeyThePagesAndCodeUseExists() throws IOException {
        Set<String> keys = load("messages_vi.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        Pattern inPages = Pattern.compile("msg\\['([a-zA-Z0-9_.]+)'\\]");
        Pattern inCode = Pattern.compile("(?:FacesMessages\\.(?:error|info|text)|ValidationFailure\\(|Problem\\(|text\\.apply\\()\\s*\\(?"
                + "(?:\"[a-zA-Z]+\",\\s*)?\"([a-z]+\\.[a-zA-Z0-9_.]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/webapp")), Files.walk(Path.of("src/main/java")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                Matcher m = (f.toString().endsWith(".xhtml") ? inPages : inCode).matcher(text);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
