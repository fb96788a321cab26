package vn.hoctap.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A certificate as an Open Badges 3.0 credential (1EdTech; a W3C Verifiable Credential 2.0) secured
 * as a VC-JWT (Open Badges 3.0 §8.2): the credential's members are the JWT payload, with
 * {@code iss}, {@code jti} and {@code nbf} mirroring issuer, id and validFrom; the JOSE header
 * carries the issuer's public key ({@code jwk}) and is signed RS256.
 */
public final class OpenBadge {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Who issues: the platform, with its public address. */
    public record Issuer(String id, String name, String url) {
    }

    private OpenBadge() {
    }

    /** The credential for a certificate (not yet signed). */
    public static ObjectNode credential(Certificate c, String summary, String courseIri, String verifyUrl, Issuer issuer) {
        ObjectNode vc = JSON.createObjectNode();
        vc.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT);
        vc.put("id", verifyUrl);
        vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode profile = vc.putObject("issuer");
        profile.put("id", issuer.id());
        profile.putArray("type").add("Profile");
        profile.put("name", issuer.name());
        profile.put("url", issuer.url());
        vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(c.issuedAt().toInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        vc.put("name", c.courseTitle());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ArrayNode identifiers = subject.putArray("identifier");
        ObjectNode name = identifiers.addObject();
        name.put("type", "IdentityObject");
        name.put("identityType", "name");
        name.put("hashed", false);
        name.put("identityHash", c.personName());
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", courseIri);
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", "Course");
        achievement.put("name", c.courseTitle());
        achievement.put("description", summary == null || summary.isBlank() ? c.courseTitle() : summary);
        achievement.putObject("criteria").put("narrative",
                "Hoàn thành mọi bài học bắt buộc và đạt bài kiểm tra cuối khóa (" + hours(c.creditedMinutes()) + " giờ học).");
        achievement.put("inLanguage", "vi");
        return vc;
    }

    /** Bits in one status list: the minimum of Bitstring Status List v1.0 (16 KB), for herd privacy. */
    public static final int STATUS_LIST_BITS = 131_072;

    /** Which status list holds a certificate (1, 2, …) and its bit there. */
    public static int statusList(long certificateId) {
        return (int) (certificateId / STATUS_LIST_BITS) + 1;
    }

    /**
     * Adds the credential's revocation status (W3C Bitstring Status List v1.0, {@code
     * BitstringStatusListEntry}): the certificate's bit in the list at {@code listUrlBase + n}, so
     * a verifier learns of a revocation without asking about this one credential.
     */
    public static ObjectNode withStatus(ObjectNode vc, String listUrlBase, long certificateId) {
        String list = listUrlBase + statusList(certificateId);
        long index = certificateId % STATUS_LIST_BITS;
        ObjectNode status = vc.putObject("credentialStatus");
        status.put("id", list + "#" + index);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Long.toString(index));
        status.put("statusListCredential", list);
        return vc;
    }

    /**
     * The status list credential ({@code BitstringStatusListCredential}) with a bit set for every
     * revoked certificate of list {@code n}; {@code revoked} holds their indexes within the list.
     */
    public static ObjectNode statusListCredential(String listUrl, Issuer issuer, java.util.BitSet revoked, java.time.Instant now) {
        ObjectNode vc = JSON.createObjectNode();
        vc.putArray("@context").add(VC_CONTEXT);
        vc.put("id", listUrl);
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        ObjectNode profile = vc.putObject("issuer");
        profile.put("id", issuer.id());
        profile.put("name", issuer.name());
        vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", listUrl + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", encodedList(revoked));
        return vc;
    }

    /**
     * The list as the specification encodes it: {@value #STATUS_LIST_BITS} bits, index 0 the most
     * significant bit of the first byte, GZIP-compressed, then multibase base64url ("u", no padding).
     */
    static String encodedList(java.util.BitSet revoked) {
        byte[] bytes = new byte[STATUS_LIST_BITS / 8];
        for (int i = revoked.nextSetBit(0); i >= 0 && i < STATUS_LIST_BITS; i = revoked.nextSetBit(i + 1)) {
            bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return "u" + B64.encodeToString(gz.toByteArray());
    }

    /** The credential signed as a compact JWS (VC-JWT). */
    public static String sign(ObjectNode credential, String kid, RSAPublicKey publicKey, PrivateKey privateKey)
            throws GeneralSecurityException {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", kid);
        header.set("jwk", jwk(kid, publicKey));
        ObjectNode payload = credential.deepCopy();
        payload.put("iss", credential.path("issuer").path("id").asText());
        payload.put("jti", credential.path("id").asText());
        payload.put("nbf", java.time.Instant.parse(credential.path("validFrom").asText()).getEpochSecond());
        if (credential.has("credentialSubject") && credential.path("credentialSubject").has("id")) {
            payload.put("sub", credential.path("credentialSubject").path("id").asText());
        }
        String signingInput = b64(header) + "." + b64(payload);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    /** A public key as a JSON Web Key. */
    public static ObjectNode jwk(String kid, RSAPublicKey key) {
        ObjectNode jwk = JSON.createObjectNode();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", B64.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
        return jwk;
    }

    private static byte[] unsigned(BigInteger i) {
        byte[] bytes = i.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(ObjectNode json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hours(int minutes) {
        return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
