package vn.hoctap.it;

import vn.hoctap.catalog.CourseFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A course folder on disk as the course format reads it (for the tests and benchmarks). */
public final class CourseFolders {

    private CourseFolders() {
    }

    public static CourseFormat.Files folder(Path dir) {
        return relative -> {
            Path f = dir.resolve(relative);
            return Files.exists(f) ? Optional.of(Files.readString(f)) : Optional.empty();
        };
    }
}
