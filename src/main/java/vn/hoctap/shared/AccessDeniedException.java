package vn.hoctap.shared;

/** The actor may not see or do this: pages answer 403 (or 404 for reads), the API 403. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
