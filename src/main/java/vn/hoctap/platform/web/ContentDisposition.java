package vn.hoctap.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A Content-Disposition header that keeps a Vietnamese file name (RFC 6266 with RFC 5987's
 * {@code filename*}), and an ASCII fallback for old clients.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String of(String type, String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(Normalizer.normalize(fileName, Normalizer.Form.NFC), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
