package vn.hoctap.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.LocalDateTime;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certificate as an Open Badges 3.0 VC-JWT: the shape §8.2 asks for, and a signature that checks. */
class OpenBadgeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCertificateBecomesASignedOpenBadgeCredential() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        String kid = BadgeKeys.thumbprint(publicKey);
        Certificate c = new Certificate(1, "7KQ2-M9XD-4RTA", 1, 42, 3, "Lò Thị Hà", "An toàn thông tin và bảo vệ dữ liệu cá nhân",
                240, LocalDateTime.of(2026, 11, 27, 1, 2, 3), null, null);
        OpenBadge.Issuer issuer = new OpenBadge.Issuer("https://hoctap.sonla.gov.vn/badges/issuer", "Học tập Sơn La",
                "https://hoctap.sonla.gov.vn/");
        String jwt = OpenBadge.sign(OpenBadge.credential(c, "Khóa học …", "https://hoctap.sonla.gov.vn/xapi/activities/courses/attt",
                "https://hoctap.sonla.gov.vn/verify/7KQ2-M9XD-4RTA", issuer), kid, publicKey, pair.getPrivate());

        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("RS256", header.get("alg").asText());
        assertEquals(kid, header.get("kid").asText());

        // The key in the header verifies the signature.
        PublicKey fromHeader = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(header.get("jwk").get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(header.get("jwk").get("e").asText()))));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(fromHeader);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
        assertFalse(header.get("jwk").has("d"), "never the private key");

        // The credential itself is the payload (no "vc" wrapper), with the registered claims mirrored.
        assertFalse(payload.has("vc"));
        assertEquals("https://www.w3.org/ns/credentials/v2", payload.get("@context").get(0).asText());
        assertEquals("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", payload.get("@context").get(1).asText());
        assertEquals("OpenBadgeCredential", payload.get("type").get(1).asText());
        assertEquals(issuer.id(), payload.get("iss").asText());
        assertEquals(issuer.id(), payload.get("issuer").get("id").asText());
        assertEquals("https://hoctap.sonla.gov.vn/verify/7KQ2-M9XD-4RTA", payload.get("jti").asText());
        assertEquals("2026-11-27T01:02:03Z", payload.get("validFrom").asText());
        assertEquals(java.time.Instant.parse("2026-11-27T01:02:03Z").getEpochSecond(), payload.get("nbf").asLong());
        JsonNode subject = payload.get("credentialSubject");
        assertEquals("AchievementSubject", subject.get("type").get(0).asText());
        assertEquals("Lò Thị Hà", subject.get("identifier").get(0).get("identityHash").asText());
        assertEquals("An toàn thông tin và bảo vệ dữ liệu cá nhân", subject.get("achievement").get("name").asText());
        assertTrue(subject.get("achievement").get("criteria").get("narrative").asText().contains("4 giờ"));
    }

    @Test
    void theKeyIdIsTheRfc7638Thumbprint() throws Exception {
        // RFC 7638 §3.1's example key and its thumbprint.
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs"
                + "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n"
                + "91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(n)), new BigInteger(1, Base64.getUrlDecoder().decode("AQAB"))));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", BadgeKeys.thumbprint(key));
    }

    @Test
    void revocationIsABitInAPublishedStatusList() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode vc = OpenBadge.withStatus(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), "https://hoctap.sonla.gov.vn/badges/status/", 131_075);
        assertEquals("https://hoctap.sonla.gov.vn/badges/status/2#3", vc.at("/credentialStatus/id").asText());
        assertEquals("BitstringStatusListEntry", vc.at("/credentialStatus/type").asText());
        assertEquals("revocation", vc.at("/credentialStatus/statusPurpose").asText());
        assertEquals("3", vc.at("/credentialStatus/statusListIndex").asText());
        assertEquals("https://hoctap.sonla.gov.vn/badges/status/2", vc.at("/credentialStatus/statusListCredential").asText());

        java.util.BitSet revoked = new java.util.BitSet();
        revoked.set(0);
        revoked.set(3);
        revoked.set(131_071);
        String encoded = OpenBadge.statusListCredential("https://hoctap.sonla.gov.vn/badges/status/1",
                new OpenBadge.Issuer("https://hoctap.sonla.gov.vn/badges/issuer", "Sở Nội vụ", "https://hoctap.sonla.gov.vn/"),
                revoked, java.time.Instant.parse("2026-11-27T05:00:00Z")).at("/credentialSubject/encodedList").asText();
        assertTrue(encoded.startsWith("u"), "multibase base64url");
        byte[] bits;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                java.util.Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = in.readAllBytes();
        }
        assertEquals(16_384, bits.length, "131,072 bits: the specification's minimum");
        assertEquals((byte) 0b1001_0000, bits[0], "index 0 is the first byte's most significant bit");
        assertEquals((byte) 0b0000_0001, bits[16_383]);
        assertEquals(0, bits[1]);
    }
}
