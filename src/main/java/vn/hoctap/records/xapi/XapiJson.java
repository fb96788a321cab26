package vn.hoctap.records.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;

/**
 * JSON as the LRS reads and writes it: a property given twice is an error (the specification
 * says so), and numbers keep their exact decimal value, so 0.12123434 comes back as 0.12123434.
 */
public final class XapiJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private XapiJson() {
    }

    /** Parses a request body; 400 with the parser's reason when it is not JSON. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw XapiException.badRequest("The body is empty; a JSON document was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw XapiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw XapiException.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    public static JsonNode parse(InputStream body) throws IOException {
        return parse(body.readAllBytes());
    }

    /** Parses a JSON parameter (such as {@code agent}); 400 naming the parameter when it is not JSON. */
    public static JsonNode parseParameter(String name, String value) {
        try {
            JsonNode node = MAPPER.readTree(value);
            if (node == null || node.isMissingNode()) {
                throw XapiException.badRequest(name + ": must be JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw XapiException.badRequest(name + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
