package vn.hoctap.library.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses decompression bombs before anything parses them: Office, OpenDocument and EPUB files are
 * ZIP archives, so each is inflated once, counting, with hard caps. The sizes an archive declares
 * are not trusted; the bytes actually inflated are.
 */
public final class ZipGuard {

    static final long MAX_INFLATED = 1024L * 1024 * 1024;
    static final long RATIO_FLOOR = 100L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    static final int MAX_ENTRIES = 20_000;

    private ZipGuard() {
    }

    public static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** Whether the archive inflates to something absurd (a bomb); false for a sane one. */
    public static boolean isBomb(Path file) throws IOException {
        long compressed = Math.max(1, Files.size(file));
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    return true;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > MAX_INFLATED || (inflated > RATIO_FLOOR && inflated / compressed > MAX_RATIO)) {
                        return true;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false; // a damaged archive is not a bomb; extraction will say it is damaged
        }
        return false;
    }
}
