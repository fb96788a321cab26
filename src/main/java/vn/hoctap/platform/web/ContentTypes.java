package vn.hoctap.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import java.util.Locale;

/** Setting a response's Content-Type to exactly a given value. */
public final class ContentTypes {

    private ContentTypes() {
    }

    /**
     * Sets {@code type} as it is. The application's default response encoding (web.xml) would
     * otherwise make Payara append {@code ;charset=UTF-8} to every type, binary ones included: a
     * stored document or a PDF must come back with the type it was stored with.
     */
    public static void exactly(HttpServletResponse response, String type) {
        response.setContentType(type);
        if (!type.toLowerCase(Locale.ROOT).contains("charset=")) {
            response.setCharacterEncoding(null);
        }
    }
}
