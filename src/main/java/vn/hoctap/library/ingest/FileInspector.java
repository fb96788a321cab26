package vn.hoctap.library.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Looks at an uploaded file before it is kept: the real type from the bytes (Tika's detectors,
 * magic numbers and the insides of ZIP and OLE containers, never the name), decompression bombs,
 * and the library's rules ({@link FileTypes}). Detection reads little and runs in process;
 * parsing the content happens later, isolated ({@code library.extract}).
 */
@ApplicationScoped
public class FileInspector {

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    public record Inspection(String detectedType, FileTypes.Verdict verdict) {
    }

    public Inspection inspect(Path file, String fileName, long size, long maxBytes) throws IOException {
        String detected = detect(file);
        if (size > 0 && size <= maxBytes && ZipGuard.isZip(file) && ZipGuard.isBomb(file)) {
            return new Inspection(detected, new FileTypes.Verdict(null, "library.refused.bomb", new Object[0]));
        }
        return new Inspection(detected, FileTypes.judge(fileName, detected, size, maxBytes));
    }

    public String detect(Path file) throws IOException {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, new Metadata()).toString();
        }
    }
}
