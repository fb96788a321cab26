package vn.hoctap.records.xapi;

/**
 * A request the Learning Record Store refuses, with the HTTP status the xAPI specification names
 * for it (400 invalid, 401/403 credentials, 404 unknown, 409 conflict, 412 precondition, 413 too
 * large) and a short English explanation for the client's developer.
 */
public class XapiException extends RuntimeException {

    private final int status;

    public XapiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static XapiException badRequest(String message) {
        return new XapiException(400, message);
    }

    public int status() {
        return status;
    }
}
