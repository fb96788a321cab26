package vn.hoctap.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A course folder as one ZIP file, for authors who keep courses as files: the export of a
 * published version, and the upload of a folder (at its root or inside one top folder). Uploads
 * are untrusted: only text files of the format, a bounded number and size, no paths that climb out.
 */
public final class CourseArchive {

    static final int MAX_FILES = 400;
    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** An archive that cannot be a course folder; the message key says why (bundle {@code course.archive.*}). */
    public static final class Refused extends Exception {
        private final String key;

        public Refused(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private CourseArchive() {
    }

    public static void write(Map<String, String> files, String folder, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + "/" + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** The files of the folder in the archive, relative to the folder that holds course.yaml. */
    public static CourseFormat.Files read(InputStream in) throws IOException, Refused {
        Map<String, String> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.contains("../") || name.startsWith("__MACOSX/")) {
                    if (name.startsWith("__MACOSX/")) {
                        continue;
                    }
                    throw new Refused("course.archive.badPath");
                }
                if (files.size() >= MAX_FILES) {
                    throw new Refused("course.archive.tooMany");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new Refused("course.archive.tooBig");
                    }
                    bytes.write(buffer, 0, n);
                }
                if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".md")) {
                    try {
                        files.put(name, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString());
                    } catch (CharacterCodingException e) {
                        throw new Refused("course.archive.notUtf8");
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new Refused("course.archive.notZip");
        }
        String prefix = files.keySet().stream().filter(n -> n.equals("course.yaml") || n.endsWith("/course.yaml"))
                .map(n -> n.substring(0, n.length() - "course.yaml".length()))
                .min((a, b) -> Integer.compare(a.length(), b.length()))
                .orElseThrow(() -> new Refused("course.archive.noDescriptor"));
        return relative -> Optional.ofNullable(files.get(prefix + relative));
    }
}
