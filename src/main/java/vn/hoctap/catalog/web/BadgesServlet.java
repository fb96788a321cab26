package vn.hoctap.catalog.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.catalog.BadgeKeys;
import vn.hoctap.catalog.CertificateService;
import vn.hoctap.catalog.OpenBadge;

import java.io.IOException;

/**
 * What a verifier of the platform's Open Badges fetches, public: {@code /badges/issuer} (the issuer's
 * profile), {@code /badges/jwks.json} (the public keys credentials are signed with) and
 * {@code /badges/status/{n}} (a revocation status list, a signed Bitstring Status List credential).
 */
@WebServlet("/badges/*")
public class BadgesServlet extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern STATUS_LIST = java.util.regex.Pattern.compile("/status/([1-9][0-9]{0,5})");

    @Inject
    CertificateService certificates;

    @Inject
    BadgeKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        java.util.regex.Matcher status = STATUS_LIST.matcher(String.valueOf(request.getPathInfo()));
        if (status.matches()) {
            response.setContentType("application/vc+jwt");
            response.setHeader("Cache-Control", "public, max-age=300");
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.getOutputStream().write(certificates.statusList(Integer.parseInt(status.group(1)))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        OpenBadge.Issuer issuer = certificates.issuer();
        BadgeKeys.Key key = keys.current();
        switch (String.valueOf(request.getPathInfo())) {
            case "/issuer" -> {
                body.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
                        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
                body.put("id", issuer.id());
                body.putArray("type").add("Profile");
                body.put("name", issuer.name());
                body.put("url", issuer.url());
            }
            case "/jwks.json" -> body.putArray("keys").add(OpenBadge.jwk(key.kid(), key.publicKey()));
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setHeader("Access-Control-Allow-Origin", "*");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
