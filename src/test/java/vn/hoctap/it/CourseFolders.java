package vn.hoctap.it;

import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.CourseFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A course folder on disk as the course format reads it (for the tests and benchmarks). A lesson
 * naming a shipped material by its key gets a stand-in id: the tests read the folders, not a database.
 */
public final class CourseFolders {

    /** The stand-in id of the n-th shipped material (in folder-name order). */
    public static final long FIRST_MATERIAL_ID = 900_001;

    private CourseFolders() {
    }

    public static CourseFormat.Files folder(Path dir) {
        return relative -> {
            Path f = dir.resolve(relative);
            return Files.exists(f) ? Optional.of(Files.readString(f)) : Optional.empty();
        };
    }

    /** The course in {@code dir}, shipped materials given their stand-in ids. */
    public static CourseDefinition read(Path dir) throws IOException, CourseFormat.Invalid {
        return CourseFormat.read(folder(dir), CourseFolders::shippedMaterialId);
    }

    /** A stand-in id for each folder of {@code content/materials/}; empty for any other key. */
    public static Optional<Long> shippedMaterialId(String key) {
        try (Stream<Path> folders = Files.list(Path.of("content", "materials"))) {
            List<String> keys = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            int at = keys.indexOf(key);
            return at < 0 ? Optional.empty() : Optional.of(FIRST_MATERIAL_ID + at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
