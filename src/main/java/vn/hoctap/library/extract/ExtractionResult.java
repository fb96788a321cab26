package vn.hoctap.library.extract;

import java.util.Map;

/**
 * What the extraction process said about one file. {@code status}: {@code ok}, {@code empty}
 * (nothing readable, e.g. a scan or a video), {@code encrypted}, {@code damaged}, {@code bomb},
 * {@code timeout} (took too long: the process was killed), {@code crashed} (the process died,
 * e.g. out of memory).
 */
public record ExtractionResult(String status, long chars, boolean truncated, Map<String, String> meta, String error) {

    public boolean isSearchable() {
        return "ok".equals(status);
    }

    public static ExtractionResult failure(String status, String error) {
        return new ExtractionResult(status, 0, false, Map.of(), error);
    }
}
