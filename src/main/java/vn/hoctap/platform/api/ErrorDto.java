package vn.hoctap.platform.api;

import java.util.List;

/** The body of every API error: a stable code, a message in the caller's language, and details. */
public record ErrorDto(String error, String message, List<Problem> problems) {

    public record Problem(String field, String code, String message) {
    }
}
