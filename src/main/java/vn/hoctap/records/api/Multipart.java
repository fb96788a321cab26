package vn.hoctap.records.api;

import vn.hoctap.records.xapi.XapiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code multipart/mixed} bodies (RFC 2046) as xAPI uses them: statements in the first part,
 * attachment bytes in the others. Lenient where senders differ (a preamble, headers without a
 * space after the colon, bare LF line ends), strict where the specification is (a boundary is
 * required and every part sits between boundaries).
 */
final class Multipart {

    /** One part: its headers (names in lower case) and bytes. */
    record Part(Map<String, String> headers, byte[] content) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(\"([^\"]+)\"|([^;\\s]+))");

    private Multipart() {
    }

    static boolean isMultipartMixed(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).trim().startsWith("multipart/mixed");
    }

    static String boundary(String contentType) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw XapiException.badRequest("multipart/mixed needs a boundary parameter");
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        if (start < 0 || (start > 0 && !precededByLineEnd(body, start))) {
            throw XapiException.badRequest("The multipart body does not start with its boundary");
        }
        List<Part> parts = new ArrayList<>();
        int pos = start + delimiter.length;
        while (true) {
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts; // closing delimiter
            }
            pos = skipLine(body, pos);
            if (pos < 0) {
                throw XapiException.badRequest("The multipart body ends without its closing boundary");
            }
            int next = nextDelimiter(body, delimiter, pos);
            if (next < 0) {
                throw XapiException.badRequest("The multipart body ends without its closing boundary");
            }
            int end = next;
            if (end > pos && body[end - 1] == '\n') {
                end--;
            }
            if (end > pos && body[end - 1] == '\r') {
                end--;
            }
            parts.add(part(Arrays.copyOfRange(body, pos, Math.max(pos, end))));
            pos = next + delimiter.length;
        }
    }

    private static Part part(byte[] raw) {
        int split = -1;
        int skip = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && i + 1 < raw.length && raw[i + 1] == '\n') {
                split = i;
                skip = 2;
                break;
            }
            if (raw[i] == '\r' && i + 3 < raw.length && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                split = i;
                skip = 4;
                break;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (split < 0) {
            // A part that starts with an empty line has no headers.
            if (raw.length >= 2 && raw[0] == '\r' && raw[1] == '\n') {
                return new Part(headers, Arrays.copyOfRange(raw, 2, raw.length));
            }
            throw XapiException.badRequest("A multipart part has no blank line between its headers and its content");
        }
        String head = new String(raw, 0, split, StandardCharsets.UTF_8);
        for (String line : head.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw XapiException.badRequest("A multipart part has a malformed header: " + line);
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Part(headers, Arrays.copyOfRange(raw, split + skip, raw.length));
    }

    private static boolean precededByLineEnd(byte[] body, int index) {
        return body[index - 1] == '\n';
    }

    private static int nextDelimiter(byte[] body, byte[] delimiter, int from) {
        int i = from;
        while (true) {
            int found = indexOf(body, delimiter, i);
            if (found < 0) {
                return -1;
            }
            if (found == 0 || body[found - 1] == '\n') {
                return found;
            }
            i = found + 1;
        }
    }

    private static int skipLine(byte[] body, int pos) {
        for (int i = pos; i < body.length; i++) {
            if (body[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
