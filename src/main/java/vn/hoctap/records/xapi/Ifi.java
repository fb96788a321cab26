package vn.hoctap.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Inverse functional identifiers: what makes two Agents (or Identified Groups) the same. An
 * {@code mbox} and the {@code mbox_sha1sum} of the same address are one identity, so a query by
 * either finds statements written with the other. Identifiers and IRIs are stored as
 * {@link #hash(String) 16-byte keys}.
 */
public final class Ifi {

    private Ifi() {
    }

    /** The identity of an Agent or Identified Group, or empty for an Anonymous Group. */
    public static Optional<String> of(JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            return Optional.empty();
        }
        if (agent.hasNonNull("mbox")) {
            return Optional.of("mbox_sha1sum:" + sha1Hex(agent.get("mbox").asText()));
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            return Optional.of("mbox_sha1sum:" + agent.get("mbox_sha1sum").asText().toLowerCase());
        }
        if (agent.hasNonNull("openid")) {
            return Optional.of("openid:" + agent.get("openid").asText());
        }
        JsonNode account = agent.get("account");
        if (account != null && account.isObject()) {
            return Optional.of("account:" + account.path("homePage").asText() + " " + account.path("name").asText());
        }
        return Optional.empty();
    }

    /** The 16-byte key of an identifier or IRI: the first half of its SHA-256. */
    public static byte[] hash(String value) {
        return Arrays.copyOf(sha256(value.getBytes(StandardCharsets.UTF_8)), 16);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha1Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
