package vn.hoctap.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.platform.db.DatabaseStatus;

import java.io.IOException;

/**
 * While the database is unavailable, pages and the API answer 503 with a short explanation (and
 * {@code Retry-After}) instead of stack traces or hanging requests. Static files still load.
 */
@WebFilter(urlPatterns = "/*", filterName = "a-database-gate")
public class DatabaseGate extends HttpFilter {

    @Inject
    DatabaseStatus status;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (status.isReady() || path.startsWith("/static/") || path.startsWith("/errors/") || path.startsWith("/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "30");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
