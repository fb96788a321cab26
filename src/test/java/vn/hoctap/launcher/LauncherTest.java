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
    void anExternalDatabaseThatAnswersIsNotWaitedFor() throws Exception {
        try (java.net.ServerSocket db = new java.net.ServerSocket(0)) {
            Launcher.awaitDatabase("jdbc:mariadb://127.0.0.1:" + db.getLocalPort() + "/hoctap", 0);
        }
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithAClearMessage() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Launcher.awaitDatabase("jdbc:mariadb://127.0.0.1:" + port + "/hoctap?sslMode=disable", 0));
        assertTrue(e.getMessage().contains("DATABASE UNAVAILABLE at 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void secretsAreGeneratedOnceAndKeptPrivate(@TempDir Path dataDir) throws Exception {
        String first = Launcher.secret(dataDir, "db.password");
        assertEquals(first, Launcher.secret(dataDir, "db.password"), "the same secret on the next start");
        assertNotEquals(first, Launcher.secret(dataDir, "other"));
        assertTrue(first.matches("[A-Za-z0-9]{24}"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("secrets.properties"))));
    }

    @Test
    void aDataFolderInTheTempFolderIsRefusedBecauseMariaDb4jWipesIt() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Launcher.LaunchException e = org.junit.jupiter.api.Assertions.assertThrows(Launcher.LaunchException.class,
                () -> Launcher.requireOutsideTemp(temp.resolve("hoctap-data")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("HOCTAP_DATA_DIR"));
        Launcher.requireOutsideTemp(Path.of("data").toAbsolutePath().getRoot().resolve("srv").resolve("hoctap"));
    }

    @Test
    void anEarlierDeploymentIsForgottenButTheRestOfPayarasFolderKept(@TempDir Path root) throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("applications/hoctap/WEB-INF"));
        java.nio.file.Files.writeString(root.resolve("applications/hoctap/WEB-INF/web.xml"), "<web-app/>");
        java.nio.file.Files.createDirectories(root.resolve("config"));
        java.nio.file.Files.writeString(root.resolve("config/domain.xml"), "<domain/>");
        java.nio.file.Files.writeString(root.resolve("config/keystore.p12"), "keys");
        Launcher.forgetEarlierDeployments(root);
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(root.resolve("applications")));
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(root.resolve("config/domain.xml")));
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(root.resolve("config/keystore.p12")));
        Launcher.forgetEarlierDeployments(root.resolve("never-started"));
    }
}
