package vn.hoctap.records.api;

import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.records.xapi.Formats;
import vn.hoctap.records.xapi.XapiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One request to the LRS: its query parameters (case-sensitive, each at most once, '+' kept as
 * '+' so that an unencoded timestamp offset survives), headers and body. The body is read once, up
 * to a limit (413 beyond it).
 */
final class XapiRequest {

    private final HttpServletRequest http;
    private final Map<String, String> params;
    private final long maxBytes;
    private byte[] body;

    XapiRequest(HttpServletRequest http, long maxBytes) {
        this.http = http;
        this.params = parseQuery(http.getQueryString());
        this.maxBytes = maxBytes;
    }

    static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(name, value) != null) {
                throw XapiException.badRequest(name + ": given more than once");
            }
        }
        return params;
    }

    /**
     * Percent-decoding, with '+' as a space the way HTML forms and most HTTP clients write it. A
     * timestamp offset sent unencoded ("+07:00") is recovered where timestamps are read.
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw XapiException.badRequest("A query parameter holds a malformed %-escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (ch == '%') {
                throw XapiException.badRequest("A query parameter holds a malformed %-escape");
            } else if (ch == '+') {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(ch) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    String method() {
        return http.getMethod();
    }

    String header(String name) {
        return http.getHeader(name);
    }

    /**
     * The Content-Type header as the client sent it. Payara answers getContentType() and
     * getHeader("Content-Type") with the application's default request encoding added
     * ({@code ;charset=UTF-8}); getHeaders reads the header as it came.
     */
    String contentType() {
        java.util.Enumeration<String> sent = http.getHeaders("Content-Type");
        return sent != null && sent.hasMoreElements() ? sent.nextElement() : http.getContentType();
    }

    Map<String, String> params() {
        return params;
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    String param(String name) {
        return params.get(name);
    }

    /** 400 for any parameter outside the allowed set (names are case-sensitive). */
    void allowOnly(Set<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw XapiException.badRequest(name + ": not a parameter of this resource (names are case-sensitive)");
            }
        }
    }

    String required(String name) {
        String value = params.get(name);
        if (value == null) {
            throw XapiException.badRequest(name + ": required");
        }
        return value;
    }

    UUID uuid(String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!Formats.isUuid(value)) {
            throw XapiException.badRequest(name + ": must be a UUID");
        }
        return UUID.fromString(value);
    }

    String iri(String name, boolean required) {
        String value = required ? required(name) : params.get(name);
        if (value != null && !Formats.isIri(value)) {
            throw XapiException.badRequest(name + ": must be an absolute IRI");
        }
        return value;
    }

    LocalDateTime timestamp(String name) {
        return timestamp(name, params.get(name));
    }

    /** A timestamp parameter in UTC, or null when absent; "+07:00" sent unencoded arrives as " 07:00". */
    static LocalDateTime timestamp(String name, String value) {
        if (value == null) {
            return null;
        }
        var parsed = Formats.parseTimestamp(value);
        if (parsed.isEmpty() && value.lastIndexOf(' ') > 10) {
            int space = value.lastIndexOf(' ');
            parsed = Formats.parseTimestamp(value.substring(0, space) + "+" + value.substring(space + 1));
        }
        return parsed.orElseThrow(() -> XapiException.badRequest(name + ": must be an ISO 8601 timestamp"))
                .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** A boolean parameter: exactly true or false; absent is false. */
    static boolean bool(String name, String value) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw XapiException.badRequest(name + ": must be true or false");
        };
    }

    /** The body, read once; 413 when it is larger than the limit. */
    byte[] body() throws IOException {
        if (body == null) {
            long declared = http.getContentLengthLong();
            if (declared > maxBytes) {
                throw new XapiException(413, "The request is larger than " + maxBytes + " bytes");
            }
            try (InputStream in = http.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
                byte[] buffer = new byte[65536];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw new XapiException(413, "The request is larger than " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
                body = out.toByteArray();
            }
        }
        return body;
    }
}
