package vn.hoctap.library.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.MaterialVersion;
import vn.hoctap.library.Thumbnails;
import vn.hoctap.platform.web.ContentDisposition;
import vn.hoctap.platform.web.ContentTypes;
import vn.hoctap.platform.storage.BlobStore;
import vn.hoctap.shared.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /files/<version>/<name>}: a version's file, with an ETag (its SHA-256), long caching for
 * published versions (their bytes never change), HTTP Range (seeking in a video, resuming a
 * download on a weak link) and a Content-Disposition that keeps Vietnamese file names
 * (RFC 6266/5987). Versions the reader may not see are "not found", whatever the URL.
 */
@WebServlet("/files/*")
public class FileServlet extends HttpServlet {

    @Inject
    LibraryService library;

    @Inject
    CurrentActor currentActor;

    @Inject
    BlobStore blobs;

    @Inject
    Thumbnails thumbnails;

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        MaterialVersion version;
        try {
            version = library.version(currentActor.get(), versionId(request.getPathInfo()));
        } catch (NotFoundException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Path> file = blobs.localPath(version.getSha256());
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = version.getMediaType().startsWith("text/") ? version.getMediaType() + "; charset=UTF-8" : version.getMediaType();
        String tag = version.getSha256();
        long size = version.getSize();
        Optional<Path> thumbnail = thumbnail(request, version);
        if (thumbnail.isPresent()) {
            // ?w=480: a small JPEG of an image (course covers in lists)
            file = thumbnail;
            type = "image/jpeg";
            tag += "-w" + request.getParameter("w");
            size = java.nio.file.Files.size(file.get());
        }
        boolean published = version.getMaterial().getPublishedVersion() != null && version.isEverPublished();
        String etag = "\"" + tag + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", published ? "public, max-age=31536000, immutable" : "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; media-src 'self'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        ContentTypes.exactly(response, type);
        boolean download = request.getParameter("download") != null;
        response.setHeader("Content-Disposition", ContentDisposition.of(download ? "attachment" : "inline", version.getFileName()));

        ByteRange range = ByteRange.parse(request.getHeader("Range"), size);
        String ifRange = request.getHeader("If-Range");
        if (range != null && ifRange != null && !ifRange.equals(etag)) {
            range = null; // the client's copy is of other bytes: send them all
        }
        if (range == ByteRange.UNSATISFIABLE) {
            response.setHeader("Content-Range", "bytes */" + size);
            response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        long start = 0;
        long length = size;
        if (range != null) {
            start = range.start();
            length = range.length();
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
        }
        response.setContentLengthLong(length);
        if (!body) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file.get());
             InputStream in = Channels.newInputStream(channel.position(start))) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            // the reader went away (a video seek, a closed tab): nothing to do
        }
    }

    private Optional<Path> thumbnail(HttpServletRequest request, MaterialVersion version) throws IOException {
        String w = request.getParameter("w");
        if (w == null || request.getParameter("download") != null || !w.matches("\\d{3}")) {
            return Optional.empty();
        }
        return thumbnails.of(version, Integer.parseInt(w));
    }

    static long versionId(String pathInfo) {
        if (pathInfo == null) {
            throw new NotFoundException("no version");
        }
        String[] parts = pathInfo.split("/");
        return Long.parseLong(parts.length > 1 ? parts[1] : "");
    }
}
