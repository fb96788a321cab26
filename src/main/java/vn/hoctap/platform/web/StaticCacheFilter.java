package vn.hoctap.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Caching for the site: versioned static files ({@code ?v=}) are immutable for a year; pages are
 * revalidated every time (they show who is signed in) and never stored by shared caches.
 */
@WebFilter(urlPatterns = "/*", filterName = "b-cache")
public class StaticCacheFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (path.startsWith("/static/")) {
            response.setHeader("Cache-Control", request.getParameter("v") != null
                    ? "public, max-age=31536000, immutable" : "public, max-age=3600");
        } else if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "private, no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        chain.doFilter(request, response);
    }
}
