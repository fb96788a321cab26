package vn.hoctap.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The page being shown, URL-encoded, for links that come back to it (language switch, sign-in). */
@Named
@RequestScoped
public class RequestPath {

    @Inject
    HttpServletRequest request;

    public String getCurrent() {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        Object error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = error != null ? error.toString() : forwarded != null ? forwarded.toString() : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        String query = error == null && forwarded == null ? request.getQueryString()
                : (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        if (query != null && request.getMethod().equals("GET")) {
            path += "?" + query;
        }
        return URLEncoder.encode(path.isEmpty() ? "/" : path, StandardCharsets.UTF_8);
    }
}
