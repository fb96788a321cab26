package vn.hoctap.platform.i18n;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.platform.security.AppAuthenticationMechanism;

import java.io.IOException;

/** {@code /lang?to=en&back=/path}: remembers the language for a year and goes back to the page. */
@WebServlet("/lang")
public class LanguageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = "en".equals(request.getParameter("to")) ? "en" : "vi";
        Cookie cookie = new Cookie(LocaleSelection.COOKIE, to);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        String back = request.getParameter("back");
        response.sendRedirect(request.getContextPath()
                + (AppAuthenticationMechanism.isLocalTarget(back) ? back : "/"));
    }
}
