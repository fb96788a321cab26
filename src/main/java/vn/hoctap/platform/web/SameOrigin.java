package vn.hoctap.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The check that plain form posts (outside Faces, which has its own view state) come from our own
 * pages. With the session cookie SameSite=Lax, this keeps cross-site posts out.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /** A browser sends Origin on a POST; when it does, it must be us. */
    public static boolean check(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || "null".equals(origin)) {
            return origin == null;
        }
        String host = request.getHeader("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
