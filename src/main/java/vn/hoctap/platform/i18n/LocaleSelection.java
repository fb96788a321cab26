package vn.hoctap.platform.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * The reader's language: Vietnamese unless they chose English (a cookie set by
 * {@link LanguageServlet}). Pages use it as {@code #{localeSelection.locale}}.
 */
@Named
@RequestScoped
public class LocaleSelection {

    public static final String COOKIE = "hoctap_lang";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Inject
    HttpServletRequest request;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = of(request);
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** The other language, for the switch in the header. */
    public String getOther() {
        return "vi".equals(getLanguage()) ? "en" : "vi";
    }

    public static Locale of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && "en".equals(c.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return VIETNAMESE;
    }
}
