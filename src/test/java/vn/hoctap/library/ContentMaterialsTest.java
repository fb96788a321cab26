package vn.hoctap.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import vn.hoctap.library.ingest.FileInspector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every material shipped in {@code content/materials/} is described as the library requires and its file is accepted. */
class ContentMaterialsTest {

    static final Path MATERIALS = Path.of("content", "materials");

    @Test
    void everyShippedMaterialIsDescribedAndItsFileAccepted() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(MATERIALS)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(folders.isEmpty(), "the platform ships materials");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        FileInspector inspector = new FileInspector();
        for (Path dir : folders) {
            ContentMaterials.MaterialYaml m = yaml.readValue(dir.resolve("material.yaml").toFile(), ContentMaterials.MaterialYaml.class);
            MaterialForm form = LibraryService.check(m.form()); // throws with the problems
            assertTrue(form.description() != null && form.description().length() > 100, dir + ": a real description");
            assertFalse(form.subjects().isEmpty(), dir + ": subjects");
            Path file = dir.resolve(m.file());
            assertTrue(Files.size(file) > 2_000, dir + ": a file of substance");
            FileInspector.Inspection inspection = inspector.inspect(file, m.file(), Files.size(file), 1L << 30);
            assertTrue(inspection.verdict().isAccepted(), dir + ": " + inspection.verdict().refusalKey());
            assertTrue(ContentMaterials.KEY.matcher(dir.getFileName().toString()).matches(), dir + ": the folder name is a key");
            assertTrue(ContentMaterials.FILE_NAME.matcher(m.file()).matches(), dir + ": a plain file name");
        }
    }

    @Test
    void keysAreWordsWithALetterSoThatTheyCannotBeTakenForIds() {
        assertTrue(ContentMaterials.KEY.matcher("so-tay-2025").matches());
        for (String bad : new String[] {"2025", "So-tay", "so--tay", "-so", "so_tay", "sổ-tay", ""}) {
            assertFalse(ContentMaterials.KEY.matcher(bad).matches(), bad);
        }
        assertFalse(ContentMaterials.FILE_NAME.matcher("../secret.md").matches());
    }
}
