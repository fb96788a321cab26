package vn.hoctap.library.extract;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.parser.AutoDetectParser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application's extraction processes: {@code hoctap.extract.processes} JVMs with
 * {@code hoctap.extract.heap} each, a time limit per file, started on first use. Their classpath is
 * the WAR's own libraries and classes.
 */
@ApplicationScoped
public class Extractor {

    @Inject
    @ConfigProperty(name = "hoctap.extract.processes", defaultValue = "1")
    int processes;

    @Inject
    @ConfigProperty(name = "hoctap.extract.heap", defaultValue = "384m")
    String heap;

    @Inject
    @ConfigProperty(name = "hoctap.extract.timeout-seconds", defaultValue = "180")
    int timeoutSeconds;

    private volatile ExtractorPool pool;

    public ExtractionResult extract(Path file, Path textOut, int maxChars) throws InterruptedException {
        return pool().extract(file, textOut, maxChars);
    }

    private ExtractorPool pool() {
        if (pool == null) {
            synchronized (this) {
                if (pool == null) {
                    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                    pool = new ExtractorPool(new ExtractorPool.Settings(
                            List.of(java, "-Xmx" + heap, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                                    "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"),
                            classpath(), processes, Duration.ofSeconds(timeoutSeconds), 200));
                }
            }
        }
        return pool;
    }

    /**
     * WEB-INF/classes and every jar in WEB-INF/lib, found from where Tika and this class were
     * loaded; outside a WAR (tests), this JVM's own classpath.
     */
    static String classpath() {
        try {
            Path tika = Path.of(AutoDetectParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = tika.getParent();
            if (lib != null && lib.getFileName().toString().equals("lib") && lib.getParent() != null
                    && lib.getParent().getFileName().toString().equals("WEB-INF")) {
                Path classes = lib.resolveSibling("classes");
                try (Stream<Path> jars = Files.list(lib)) {
                    return Stream.concat(Stream.of(classes.toString()),
                                    jars.filter(j -> j.toString().endsWith(".jar")).map(Path::toString).sorted())
                            .collect(Collectors.joining(File.pathSeparator));
                }
            }
        } catch (URISyntaxException | IOException | RuntimeException ignored) {
            // fall back below
        }
        return System.getProperty("java.class.path");
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
