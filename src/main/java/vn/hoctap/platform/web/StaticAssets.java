package vn.hoctap.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * URLs of the files under {@code /static/}, versioned by a hash of their content:
 * {@code #{assets.urls['css/app.css']}} gives {@code /static/css/app.css?v=3f2a…}. A changed file
 * gets a new URL, so browsers may keep every version for a year ({@link StaticCacheFilter}).
 * Templates use the map ({@link #getUrls}): a map lookup in EL, where a method call with an
 * argument looks the method up by reflection on every page.
 */
@Named("assets")
@ApplicationScoped
public class StaticAssets {

    @Inject
    ServletContext servletContext;

    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** Path under /static/ → its versioned URL, computed on first use. */
    private final Map<String, String> view = new java.util.AbstractMap<>() {
        @Override
        public String get(Object path) {
            return path instanceof String p ? url(p) : null;
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            return java.util.Collections.unmodifiableMap(urls).entrySet();
        }
    };

    public Map<String, String> getUrls() {
        return view;
    }

    public String url(String path) {
        return urls.computeIfAbsent(path, p -> servletContext.getContextPath() + "/static/" + p + "?v=" + hash(p));
    }

    private String hash(String path) {
        try (InputStream in = servletContext.getResourceAsStream("/static/" + path)) {
            if (in == null) {
                return "missing";
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest(), 0, 5);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "0";
        }
    }
}
