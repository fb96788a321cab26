package vn.hoctap.records.api;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hoctap.records.xapi.StatementComparison;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiJson;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * Signed statements (xAPI 2.0, 4.2.6): the signature is a JWS in compact serialisation, sent as
 * an attachment. The store checks that it is well formed, uses RS256/384/512, carries a payload
 * equal to the statement (by the immutability rules), and — when the header holds an X.509
 * certificate — that the signature verifies with it. This catches signing mistakes; it is not
 * proof of who signed.
 */
final class Signatures {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    private Signatures() {
    }

    static void check(JsonNode statement, String contentType, byte[] jws) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/octet-stream")) {
            throw XapiException.badRequest("A signature attachment must have contentType application/octet-stream");
        }
        String[] parts = new String(jws, StandardCharsets.US_ASCII).trim().split("\\.", -1);
        if (parts.length != 3) {
            throw XapiException.badRequest("The signature is not a JWS in compact serialisation");
        }
        JsonNode header;
        JsonNode payload;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            header = XapiJson.parse(b64.decode(parts[0]));
            payload = XapiJson.parse(b64.decode(parts[1]));
            signature = b64.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw XapiException.badRequest("The signature is not valid base64url: " + e.getMessage());
        }
        String alg = header.path("alg").asText();
        if (!ALGORITHMS.containsKey(alg)) {
            throw XapiException.badRequest("The signature must use RS256, RS384 or RS512, not " + alg);
        }
        if (!payload.isObject()) {
            throw XapiException.badRequest("The signature's payload is not a statement");
        }
        if (!StatementComparison.same(payload, statement)) {
            throw XapiException.badRequest("The signed payload differs from the statement");
        }
        JsonNode x5c = header.path("x5c");
        if (x5c.isArray() && !x5c.isEmpty()) {
            try {
                X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(x5c.get(0).asText())));
                Signature verifier = Signature.getInstance(ALGORITHMS.get(alg));
                verifier.initVerify(cert.getPublicKey());
                verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                if (!verifier.verify(signature)) {
                    throw XapiException.badRequest("The signature does not verify with the certificate in x5c");
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw XapiException.badRequest("The signature's certificate could not be used: " + e.getMessage());
            }
        }
    }
}
