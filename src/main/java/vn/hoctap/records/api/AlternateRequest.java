package vn.hoctap.records.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiVersion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * xAPI 1.0.3's alternate request syntax (Communication 1.3, XAPI-00336): a POST whose intended
 * method is the one query parameter {@code method}, with the headers Authorization,
 * X-Experience-API-Version, Content-Type, Content-Length, If-Match and If-None-Match, the query
 * parameters and the body ({@code content}, UTF-8) as form fields. Seen through this wrapper it is
 * the request it stands for, so every rule applies to it unchanged. xAPI 2.0 dropped the syntax:
 * a 2.0 request using it is refused.
 */
final class AlternateRequest extends HttpServletRequestWrapper {

    static final Set<String> HEADERS = Set.of("authorization", "x-experience-api-version", "content-type", "content-length",
            "if-match", "if-none-match");
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE");

    private final String method;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String query;
    private final byte[] content;

    private AlternateRequest(HttpServletRequest request, String method, Map<String, String> form) {
        super(request);
        this.method = method;
        Map<String, String> params = new TreeMap<>();
        String text = null;
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().equals("content")) {
                text = field.getValue();
            } else if (HEADERS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(field.getKey(), field.getValue());
            } else {
                params.put(field.getKey(), field.getValue());
            }
        }
        this.content = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (text != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("Content-Length", Integer.toString(content.length));
        this.query = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The request the alternate syntax stands for, or the request itself when it does not use it. */
    static HttpServletRequest of(HttpServletRequest request, long maxBytes) throws IOException {
        Map<String, String> query = XapiRequest.parseQuery(request.getQueryString());
        if (!query.containsKey("method")) {
            return request;
        }
        if (!"POST".equals(request.getMethod())) {
            throw XapiException.badRequest("The alternate request syntax (?method=) is sent as a POST");
        }
        if (query.size() > 1) {
            throw XapiException.badRequest("With ?method=, every other parameter is a form field (Communication 1.3)");
        }
        String method = query.get("method");
        if (!METHODS.contains(method)) {
            throw XapiException.badRequest("method: must be GET, PUT, POST or DELETE");
        }
        Map<String, String> form = XapiRequest.parseQuery(new String(new XapiRequest(request, maxBytes).body(), StandardCharsets.UTF_8));
        AlternateRequest alternate = new AlternateRequest(request, method, form);
        if (XapiVersion.fromHeader(alternate.getHeader(XapiVersion.HEADER)) == XapiVersion.V2_0_0) {
            throw XapiException.badRequest("xAPI 2.0 has no alternate request syntax; send the request with its own method");
        }
        return alternate;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getQueryString() {
        return query.isEmpty() ? null : query;
    }

    @Override
    public String getHeader(String name) {
        return headers.containsKey(name) ? headers.get(name) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if ("Content-Type".equalsIgnoreCase(name)) {
            return Collections.enumeration(getContentType() == null ? java.util.List.of() : java.util.List.of(getContentType()));
        }
        return headers.containsKey(name) ? Collections.enumeration(java.util.List.of(headers.get(name))) : super.getHeaders(name);
    }

    @Override
    public String getContentType() {
        return headers.get("Content-Type");
    }

    @Override
    public int getContentLength() {
        return content.length;
    }

    @Override
    public long getContentLengthLong() {
        return content.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(content);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("not asynchronous");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }
}
