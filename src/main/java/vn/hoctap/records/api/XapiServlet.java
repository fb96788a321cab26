package vn.hoctap.records.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.platform.security.LoginThrottle;
import vn.hoctap.platform.security.ThrottlePolicy;
import vn.hoctap.records.XapiClients;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Learning Record Store's HTTP face, {@code /xapi/}: xAPI 2.0 (and 1.0.3) resources —
 * statements, activities/state, activities/profile, agents/profile, activities, agents, about.
 *
 * <p>Every answer carries {@code X-Experience-API-Version}; every request except {@code about}
 * must name a version this store speaks. Clients authenticate with HTTP Basic (their key and
 * secret, see {@link XapiClients}); browsers may call from other origins (CORS), as content
 * packages do. Errors are short plain-text explanations with the status the specification names.
 */
@WebServlet(urlPatterns = "/xapi/*", loadOnStartup = 2)
public class XapiServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(XapiServlet.class.getName());
    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";

    @Inject
    XapiClients clients;

    @Inject
    StatementsEndpoint statements;

    @Inject
    DocumentsEndpoint documents;

    @Inject
    LoginThrottle throttle;

    @Inject
    @ConfigProperty(name = "hoctap.xapi.max-request-bytes", defaultValue = "33554432")
    long maxRequestBytes;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    /** CORS preflight: answered without credentials or version, as browsers send neither. */
    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        cors(req, resp);
        resp.setHeader("Access-Control-Allow-Methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
        resp.setHeader("Access-Control-Allow-Headers",
                "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match");
        resp.setHeader("Access-Control-Max-Age", "86400");
        resp.setHeader("Allow", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
        resp.setHeader(XapiVersion.HEADER, XapiVersion.V2_0_0.header());
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void handle(HttpServletRequest original, HttpServletResponse resp) throws IOException {
        HttpServletRequest req = original;
        cors(req, resp);
        resp.setDateHeader("Date", System.currentTimeMillis()); // clients compute clock skew from it
        String resource = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (resource.endsWith("/") && resource.length() > 1) {
            resource = resource.substring(0, resource.length() - 1);
        }
        XapiVersion version = XapiVersion.V2_0_0;
        boolean statementsResource = resource.equals("/statements");
        try {
            if (resource.equals("/about")) {
                statements.about(req.getMethod(), resp);
                resp.setHeader(XapiVersion.HEADER, version.header());
                return;
            }
            req = AlternateRequest.of(req, maxRequestBytes);
            String asked = req.getHeader(XapiVersion.HEADER);
            try {
                version = XapiVersion.fromHeader(asked);
            } finally {
                resp.setHeader(XapiVersion.HEADER, version.header());
            }
            XapiRequest request = new XapiRequest(req, maxRequestBytes);
            XapiClients.Caller caller = authenticate(req, resp);
            if (caller == null) {
                return;
            }
            switch (resource) {
                case "/statements" -> statements.handle(request, resp, caller, version);
                case "/activities/state" -> documents.state(request, resp, version);
                case "/activities/profile" -> documents.activityProfile(request, resp, version);
                case "/agents/profile" -> documents.agentProfile(request, resp, version);
                case "/activities" -> documents.activities(request, resp);
                case "/agents" -> documents.agents(request, resp, version);
                default -> throw new XapiException(404, "No xAPI resource at " + resource);
            }
        } catch (XapiException e) {
            error(resp, e.status(), e.getMessage(), statementsResource);
        } catch (RuntimeException e) {
            XapiException cause = xapiCause(e);
            if (cause != null) {
                error(resp, cause.status(), cause.getMessage(), statementsResource);
            } else {
                LOG.log(Level.SEVERE, "xAPI request failed: " + req.getMethod() + " " + resource, e);
                error(resp, 500, "The request could not be processed; it was logged", statementsResource);
            }
        }
    }

    /** Container interceptors may wrap what a service throws: find the xAPI answer inside. */
    private static XapiException xapiCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XapiException x) {
                return x;
            }
        }
        return null;
    }

    private XapiClients.Caller authenticate(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String addressKey = "xapi:" + req.getRemoteAddr();
        Duration locked = throttle.lockedFor(addressKey);
        if (!locked.isZero()) {
            resp.setHeader("Retry-After", Long.toString(Math.max(1, locked.toSeconds())));
            error(resp, 429, "Too many failed sign-ins from this address; wait and try again", false);
            return null;
        }
        String authorization = req.getHeader("Authorization");
        Optional<XapiClients.Caller> caller = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    caller = clients.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
                    if (caller.isEmpty()) {
                        throttle.failure(addressKey, ThrottlePolicy.PER_ADDRESS);
                    }
                }
            } catch (IllegalArgumentException e) {
                caller = Optional.empty();
            }
        }
        if (caller.isEmpty()) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"hoctap xAPI\", charset=\"UTF-8\"");
            error(resp, 401, "Send the key and secret of an xAPI client (HTTP Basic); an administrator creates clients",
                    false);
            return null;
        }
        return caller.get();
    }

    private static void cors(HttpServletRequest req, HttpServletResponse resp) {
        if (req.getHeader("Origin") != null) {
            resp.setHeader("Access-Control-Allow-Origin", "*");
            resp.setHeader("Access-Control-Expose-Headers", "ETag, Last-Modified, Content-Type, X-Experience-API-Version, "
                    + CONSISTENT_THROUGH);
        }
    }

    static void error(HttpServletResponse resp, int status, String message, boolean statements) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        resp.setStatus(status);
        if (statements) {
            StatementsEndpoint.consistentThrough(resp);
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(message == null ? "" : message);
    }
}
