package vn.hoctap.library;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.platform.storage.BlobStore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Small JPEG copies of library images, for course covers in lists: a phone on a weak link gets
 * a few dozen kilobytes instead of the photo as uploaded. Made on first request and kept under
 * {@code <data dir>/thumbs/} by the image's SHA-256 and width (derived data: each node makes its
 * own, and deleting the folder loses nothing). Decoding is bounded: huge images are read with
 * subsampling, and no more than two are decoded at once.
 */
@ApplicationScoped
public class Thumbnails {

    /** The widths pages ask for; anything else is refused (no cache filling by arbitrary URLs). */
    public static final Set<Integer> WIDTHS = Set.of(480, 960);
    static final long MAX_PIXELS = 100_000_000L;
    /** Pixels decoded for one thumbnail at most (~16 MB as RGB ints). */
    static final long DECODE_BUDGET = 4_000_000L;

    private final Semaphore decoding = new Semaphore(2);

    @Inject
    @ConfigProperty(name = "hoctap.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    BlobStore blobs;

    private Path root;

    @PostConstruct
    void init() {
        root = Path.of(dataDir, "thumbs").toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root, e);
        }
    }

    /**
     * A JPEG of {@code version}'s image at most {@code width} pixels wide, or empty when the image
     * cannot be read here (WebP, a damaged file): the caller serves the original.
     */
    public Optional<Path> of(MaterialVersion version, int width) throws IOException {
        if (!WIDTHS.contains(width) || version.getKind() != vn.hoctap.library.ingest.FileKind.IMAGE) {
            return Optional.empty();
        }
        Path target = root.resolve(version.getSha256() + "-" + width + ".jpg");
        if (Files.exists(target)) {
            return Optional.of(target);
        }
        Path failed = root.resolve(version.getSha256() + "-" + width + ".failed");
        if (Files.exists(failed)) {
            return Optional.empty(); // tried once: not readable here; the original is served
        }
        Optional<Path> source = blobs.localPath(version.getSha256());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        decoding.acquireUninterruptibly();
        try {
            if (Files.exists(target)) {
                return Optional.of(target);
            }
            BufferedImage image;
            try (InputStream in = Files.newInputStream(source.get())) {
                image = scaled(in, width);
            }
            if (image == null) {
                Files.writeString(failed, "");
                return Optional.empty();
            }
            Path tmp = Files.createTempFile(root, "thumb", ".part");
            try {
                try {
                    writeJpeg(image, tmp);
                } catch (IOException | RuntimeException e) {
                    Files.writeString(failed, "");
                    return Optional.empty();
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Optional.of(target);
        } finally {
            decoding.release();
        }
    }

    /** The image scaled to {@code width} (never enlarged), on a white background; null when it cannot be read. */
    static BufferedImage scaled(InputStream in, int width) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS || w <= 0 || h <= 0) {
                    return null;
                }
                // Decode at most ~DECODE_BUDGET pixels, whatever the shape (a very tall image included).
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(Math.max(1, w / (width * 2)), Math.ceil(Math.sqrt((double) w * h / DECODE_BUDGET)));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage read = reader.read(0, param);
                int tw = Math.min(width, read.getWidth());
                // A cover is at most three times as tall as wide: a taller image keeps its top.
                int th = Math.max(1, (int) Math.round((double) read.getHeight() * tw / read.getWidth()));
                int kept = Math.min(th, 3 * tw);
                BufferedImage out = new BufferedImage(tw, kept, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = out.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                    g.setColor(java.awt.Color.WHITE);
                    g.fillRect(0, 0, tw, kept);
                    g.drawImage(read, 0, 0, tw, th, null);
                } finally {
                    g.dispose();
                }
                return out;
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                reader.dispose();
            }
        }
    }

    static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.78f);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
