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

    /** The file at {@code relative} as UTF-8 text, if present. */
    public Optional<String> read(String relative) throws IOException {
        Optional<InputStream> in = open(relative);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The names of the folders directly inside {@code relative} (e.g. the courses), sorted. */
    public java.util.List<String> folders(String relative) throws IOException {
        Path dir;
        if (directory.isPresent()) {
            dir = Path.of(directory.get()).resolve(relative);
        } else {
            java.net.URL url = getClass().getClassLoader().getResource("content/" + relative);
            if (url == null) {
                return java.util.List.of();
            }
            if ("jar".equals(url.getProtocol())) {
                return jarFolders((java.net.JarURLConnection) url.openConnection());
            }
            try {
                dir = Path.of(url.toURI());
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                throw new IOException("content/" + relative + " cannot be listed from " + url, e);
            }
        }
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static java.util.List<String> jarFolders(java.net.JarURLConnection connection) throws IOException {
        String prefix = connection.getEntryName().endsWith("/") ? connection.getEntryName() : connection.getEntryName() + "/";
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        try (java.util.jar.JarFile jar = connection.getJarFile()) {
            jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith(prefix) && n.length() > prefix.length())
                    .map(n -> n.substring(prefix.length()))
                    .filter(n -> n.contains("/"))
                    .forEach(n -> names.add(n.substring(0, n.indexOf('/'))));
        }
        return java.util.List.copyOf(names);
    }
}
