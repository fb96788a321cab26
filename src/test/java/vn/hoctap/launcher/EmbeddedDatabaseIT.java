package vn.hoctap.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded mode keeps its data: what is written before a stop is there after the next start,
 * and the application's account works only with the generated password.
 */
class EmbeddedDatabaseIT {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = Path.of("target", "it-embedded").toAbsolutePath();
        EmbeddedDatabase.deleteRecursively(dataDir);
        String password = Launcher.secret(dataDir, "db.password");
        String url;
        try (EmbeddedDatabase db = EmbeddedDatabase.secured(dataDir.resolve("mariadb"), 0)) {
            db.ensureDatabaseAndAccount("hoctap", "hoctap", password);
            url = db.jdbcUrl("hoctap");
            try (Connection c = DriverManager.getConnection(url, "hoctap", password); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (name VARCHAR(50)) DEFAULT CHARSET utf8mb4");
                s.execute("INSERT INTO kept VALUES ('Chiềng Cơi')");
            }
            String wrongUrl = url;
            assertThrows(Exception.class, () -> DriverManager.getConnection(wrongUrl, "hoctap", "wrong").close(),
                    "grant tables are on: a wrong password is refused");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.secured(dataDir.resolve("mariadb"), 0)) {
            db.ensureDatabaseAndAccount("hoctap", "hoctap", Launcher.secret(dataDir, "db.password"));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("hoctap"), "hoctap", password);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM kept")) {
                assertTrue(rs.next(), "the row written before the restart");
                assertEquals("Chiềng Cơi", rs.getString(1));
            }
        }
    }
}
