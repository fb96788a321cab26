package vn.hoctap.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.hoctap.platform.db.DatabaseStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One mechanism for the whole application (Jakarta Security allows one): a sign-in form for pages,
 * HTTP Basic with an account's credentials for scripts and other systems on {@code /api/}.
 *
 * <p>A form sign-in is remembered in the HTTP session (cookie only). On every request the account
 * is checked again (against a snapshot a few seconds old at most, see the identity feature), so
 * disabling it or changing its roles takes effect at once on this node and within seconds on the
 * others; Basic requests never create a session. Repeated wrong passwords are throttled per login name and per address.
 */
@ApplicationScoped
public class AppAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "hoctap.user";
    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AccountDirectory accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    DatabaseStatus database;

    private final RecentCredentials recentBasic = new RecentCredentials();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!database.isReady()) {
            // No accounts to check against: everyone is anonymous, and what needs an account waits.
            if (context.isProtected() || request.getHeader("Authorization") != null) {
                response.setHeader("Retry-After", "30");
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.doNothing();
        }
        if (isXapi(request)) {
            return context.doNothing(); // the LRS checks its own clients' credentials (records.api)
        }
        Credential credential = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential form) {
            return signIn(form, request, response, context, false);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<UsernamePasswordCredential> basic = decodeBasic(authorization.substring(6).trim());
            if (basic.isPresent()) {
                Optional<String> remembered = recentBasic.check(basic.get(), accounts);
                if (remembered.isPresent()) {
                    return context.notifyContainerAboutLogin(remembered.get(),
                            accounts.activeGroups(remembered.get()).orElse(Set.of()));
                }
                return signIn(basic.get(), request, response, context, true);
            }
            return challenge(response, context);
        }
        if (!isStatic(request)) {
            AuthenticationStatus restored = restoreSession(request, context);
            if (restored != null) {
                return restored;
            }
        }
        if (context.isProtected()) {
            return isApi(request) ? challenge(response, context) : context.redirect(loginUrl(request));
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(UsernamePasswordCredential credential, HttpServletRequest request,
                                        HttpServletResponse response, HttpMessageContext context, boolean basic) {
        String loginKey = "login:" + credential.getCaller().trim().toLowerCase(Locale.ROOT);
        String addressKey = "ip:" + request.getRemoteAddr();
        Duration wait = max(throttle.lockedFor(loginKey), throttle.lockedFor(addressKey));
        if (!wait.isZero()) {
            request.setAttribute(SignInFailure.ATTRIBUTE, new SignInFailure(SignInFailure.Reason.THROTTLED, wait));
            if (basic) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
                response.setStatus(429);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failure(loginKey, ThrottlePolicy.PER_LOGIN);
            throttle.failure(addressKey, ThrottlePolicy.PER_ADDRESS);
            request.setAttribute(SignInFailure.ATTRIBUTE, new SignInFailure(SignInFailure.Reason.INVALID, Duration.ZERO));
            return basic ? challenge(response, context) : AuthenticationStatus.SEND_FAILURE;
        }
        throttle.success(loginKey);
        String username = result.getCallerPrincipal().getName();
        if (basic) {
            recentBasic.remember(credential, username, accounts);
        }
        if (!basic) {
            HttpSession existing = request.getSession(false);
            if (existing != null) {
                request.changeSessionId(); // no session fixation
            }
            request.getSession(true).setAttribute(SESSION_USER, username);
        }
        // The handler drops the groups of a store that only validates: take them from the directory,
        // as every later request does (else a first Basic request to /admin or /author was refused).
        return context.notifyContainerAboutLogin(username, accounts.activeGroups(username).orElse(result.getCallerGroups()));
    }

    private AuthenticationStatus restoreSession(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Object username = session == null ? null : session.getAttribute(SESSION_USER);
        if (!(username instanceof String name)) {
            return null;
        }
        Optional<Set<String>> groups = accounts.activeGroups(name);
        if (groups.isEmpty()) {
            session.invalidate(); // disabled or removed meanwhile
            return null;
        }
        return context.notifyContainerAboutLogin(name, groups.get());
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"hoctap\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    static Optional<UsernamePasswordCredential> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/api/") || path.startsWith("/xapi/");
    }

    private static boolean isXapi(HttpServletRequest request) {
        return request.getServletPath().startsWith("/xapi");
    }

    private static boolean isStatic(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/static/") || path.startsWith("/jakarta.faces.resource/");
    }

    private static String loginUrl(HttpServletRequest request) {
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        return request.getContextPath() + LOGIN_PAGE + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Whether a "next" address after sign-in stays on this site (no open redirects). */
    public static boolean isLocalTarget(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && !next.contains("\r") && !next.contains("\n");
    }
}
