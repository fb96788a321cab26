package vn.hoctap.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.identity.CurrentActor;

import java.io.IOException;

/** Someone signed in with a one-time password is sent to choose their own before anything else. */
@WebFilter(urlPatterns = {"/me/*", "/admin/*", "/records/*", "/learn/*"}, filterName = "c-password-change")
public class PasswordChangeGate extends HttpFilter {

    static final String PAGE = "/me/password.xhtml";

    @Inject
    CurrentActor currentActor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !PAGE.equals(request.getServletPath())
                && currentActor.isPasswordChangeRequired()) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
