package vn.hoctap.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    @Test
    void secretsAreGeneratedOnceAndKeptPrivate(@TempDir Path dataDir) throws Exception {
        String first = Launcher.secret(dataDir, "db.password");
        assertEquals(first, Launcher.secret(dataDir, "db.password"), "the same secret on the next start");
        assertNotEquals(first, Launcher.secret(dataDir, "other"));
        assertTrue(first.matches("[A-Za-z0-9]{24}"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("secrets.properties"))));
    }
}
