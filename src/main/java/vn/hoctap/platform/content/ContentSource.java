package vn.hoctap.platform.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the content that ships with the platform is read from: the {@code content/} folder packed
 * into the WAR, or a folder named by {@code HOCTAP_CONTENT_DIR} (to try edits without a rebuild).
 */
@ApplicationScoped
public class ContentSource {

    @Inject
    @ConfigProperty(name = "hoctap.content.dir")
    Optional<String> directory;

    /** The file at {@code relative} (e.g. {@code organisation/positions.json}), if present. */
    public Optional<InputStream> open(String relative) throws IOException {
        if (directory.isPresent()) {
            Path file = Path.of(directory.get()).resolve(relative);
            return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        }
        return Optional.ofNullable(getClass().getClassLoader().getResourceAsStream("content/" + relative));
    }
}
