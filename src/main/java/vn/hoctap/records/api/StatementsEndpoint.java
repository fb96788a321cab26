package vn.hoctap.records.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.records.ActivityDefinitions;
import vn.hoctap.records.AttachmentStore;
import vn.hoctap.records.StatementService;
import vn.hoctap.records.StatementStore;
import vn.hoctap.records.StatementStore.StoredStatement;
import vn.hoctap.records.XapiClients;
import vn.hoctap.records.xapi.Formats;
import vn.hoctap.records.xapi.Ifi;
import vn.hoctap.records.xapi.StatementFormat;
import vn.hoctap.records.xapi.StatementKeys;
import vn.hoctap.records.xapi.StatementValidator;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiJson;
import vn.hoctap.records.xapi.XapiVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Statement resource: PUT one statement, POST one or a batch, GET one or a filtered page.
 * Bodies are JSON or {@code multipart/mixed} with attachments (whose bytes are matched to the
 * statements by SHA-2 only, as the specification requires); signed statements are checked.
 */
@ApplicationScoped
public class StatementsEndpoint {

    private static final Set<String> QUERY_PARAMETERS = Set.of("statementId", "voidedStatementId", "agent", "verb",
            "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format",
            "attachments", "ascending", "more");
    private static final Set<String> SINGLE_PARAMETERS = Set.of("statementId", "voidedStatementId", "format",
            "attachments");

    @Inject
    StatementService service;

    @Inject
    StatementStore store;

    @Inject
    AttachmentStore attachments;

    @Inject
    ActivityDefinitions definitions;

    @Inject
    @ConfigProperty(name = "hoctap.xapi.page-size", defaultValue = "500")
    int maxPage;

    void about(String method, HttpServletResponse resp) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new XapiException(405, "The about resource only answers GET");
        }
        ObjectNode about = XapiJson.object();
        about.putArray("version").add(XapiVersion.V1_0_3.header()).add(XapiVersion.V2_0_0.header());
        json(resp, 200, XapiJson.write(about));
    }

    void handle(XapiRequest req, HttpServletResponse resp, XapiClients.Caller caller, XapiVersion version)
            throws IOException {
        consistentThrough(resp);
        switch (req.method()) {
            case "PUT" -> put(req, resp, caller, version);
            case "POST" -> post(req, resp, caller, version);
            case "GET", "HEAD" -> get(req, resp, caller);
            default -> throw new XapiException(405, "Statements are stored with PUT or POST and read with GET");
        }
    }

    // ------------------------------------------------------------------ writing

    private void put(XapiRequest req, HttpServletResponse resp, XapiClients.Caller caller, XapiVersion version)
            throws IOException {
        req.allowOnly(Set.of("statementId"));
        UUID id = req.uuid("statementId");
        if (id == null) {
            throw XapiException.badRequest("statementId: required for PUT");
        }
        Batch batch = readBatch(req, version);
        try {
            if (batch.statements().size() != 1 || batch.wasArray()) {
                throw XapiException.badRequest("PUT takes one statement; POST a batch instead");
            }
            ObjectNode statement = batch.statements().get(0);
            if (statement.hasNonNull("id") && !UUID.fromString(statement.get("id").asText()).equals(id)) {
                throw XapiException.badRequest("The statement's id differs from statementId");
            }
            statement.put("id", id.toString());
            store(batch, caller, version);
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } finally {
            batch.cleanUp();
        }
    }

    private void post(XapiRequest req, HttpServletResponse resp, XapiClients.Caller caller, XapiVersion version)
            throws IOException {
        req.allowOnly(Set.of());
        Batch batch = readBatch(req, version);
        try {
            List<UUID> ids = store(batch, caller, version);
            ArrayNode out = XapiJson.MAPPER.createArrayNode();
            ids.forEach(id -> out.add(id.toString()));
            json(resp, 200, XapiJson.write(out));
        } finally {
            batch.cleanUp();
        }
    }

    /**
     * Stores the batch; when it collided with a concurrent one (a deadlock: both were rolled
     * back), runs it again, up to three times.
     */
    private List<UUID> store(Batch batch, XapiClients.Caller caller, XapiVersion version) throws IOException {
        List<AttachmentStore.Kept> kept = attachments.keep(batch.parts());
        for (int attempt = 1; ; attempt++) {
            try {
                return service.store(batch.statements(), authority(caller), version, kept);
            } catch (RuntimeException e) {
                StatementService.StoreFailure failure = storeFailure(e);
                if (failure == null || !failure.retryable() || attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(30));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static StatementService.StoreFailure storeFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StatementService.StoreFailure f) {
                return f;
            }
        }
        return null;
    }

    private static StatementService.Authority authority(XapiClients.Caller caller) {
        return new StatementService.Authority(caller.authority(), caller.id());
    }

    /** Statements read from a request, with the attachment parts that came with them (on disk). */
    record Batch(List<ObjectNode> statements, boolean wasArray, List<AttachmentStore.Part> parts) {
        void cleanUp() {
            for (AttachmentStore.Part p : parts) {
                try {
                    Files.deleteIfExists(p.file());
                } catch (IOException ignored) {
                    // a temporary file; the system's cleaner takes it
                }
            }
        }
    }

    Batch readBatch(XapiRequest req, XapiVersion version) throws IOException {
        String contentType = req.contentType();
        byte[] body = req.body();
        JsonNode json;
        List<Multipart.Part> rawParts = List.of();
        if (Multipart.isMultipartMixed(contentType)) {
            List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(contentType));
            if (parts.isEmpty()) {
                throw XapiException.badRequest("The multipart body has no parts");
            }
            String first = parts.get(0).header("Content-Type");
            if (first == null || !first.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw XapiException.badRequest("The first part of a multipart body must be the statements as application/json");
            }
            json = XapiJson.parse(parts.get(0).content());
            rawParts = parts.subList(1, parts.size());
        } else if (contentType == null || contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            json = XapiJson.parse(body);
        } else {
            throw XapiException.badRequest("Statements are sent as application/json or multipart/mixed, not " + contentType);
        }
        List<ObjectNode> statements = new ArrayList<>();
        boolean array = json.isArray();
        if (array) {
            if (json.isEmpty()) {
                throw XapiException.badRequest("The batch is empty");
            }
            json.forEach(s -> statements.add(statementObject(s)));
        } else {
            statements.add(statementObject(json));
        }
        StatementValidator validator = new StatementValidator(version);
        for (int i = 0; i < statements.size(); i++) {
            try {
                validator.validate(statements.get(i));
            } catch (XapiException e) {
                throw array ? XapiException.badRequest("statement " + i + ": " + e.getMessage()) : e;
            }
        }
        return new Batch(statements, array, matchAttachments(statements, rawParts));
    }

    /**
     * Every part must carry the hash of an attachment the statements declare, and every declared
     * attachment without a fileUrl must have its part; the bytes must have that hash.
     */
    private List<AttachmentStore.Part> matchAttachments(List<ObjectNode> statements, List<Multipart.Part> rawParts)
            throws IOException {
        Map<String, List<JsonNode>> declared = new LinkedHashMap<>();
        Map<String, ObjectNode> signed = new LinkedHashMap<>();
        for (ObjectNode s : statements) {
            collectAttachments(s, declared, signed, s);
            if (s.path("object").path("objectType").asText().equals("SubStatement")) {
                collectAttachments(s.get("object"), declared, new HashMap<>(), null);
            }
        }
        Map<String, Multipart.Part> byHash = new LinkedHashMap<>();
        for (Multipart.Part part : rawParts) {
            String hash = part.header("X-Experience-API-Hash");
            if (hash == null || hash.isBlank()) {
                throw XapiException.badRequest("Every attachment part needs an X-Experience-API-Hash header");
            }
            hash = hash.trim().toLowerCase(Locale.ROOT);
            String encoding = part.header("Content-Transfer-Encoding");
            if (encoding != null && !encoding.trim().equalsIgnoreCase("binary")) {
                throw XapiException.badRequest("Attachment parts are sent with Content-Transfer-Encoding: binary");
            }
            if (!declared.containsKey(hash)) {
                throw XapiException.badRequest("An attachment part's hash " + hash + " matches no attachment in the statements");
            }
            if (!digestHex(part.content(), hash.length()).equals(hash)) {
                throw XapiException.badRequest("An attachment part's bytes do not have the SHA-2 its header declares");
            }
            byHash.put(hash, part);
        }
        for (Map.Entry<String, List<JsonNode>> e : declared.entrySet()) {
            boolean needsPart = e.getValue().stream().anyMatch(a -> !a.hasNonNull("fileUrl"));
            if (needsPart && !byHash.containsKey(e.getKey())) {
                throw XapiException.badRequest("The attachment with sha2 " + e.getKey()
                        + " has no fileUrl and no part in the request");
            }
        }
        for (Map.Entry<String, ObjectNode> e : signed.entrySet()) {
            Multipart.Part part = byHash.get(e.getKey());
            if (part == null) {
                throw XapiException.badRequest("A signature attachment must come as a part of the request");
            }
            String declaredType = declared.get(e.getKey()).get(0).path("contentType").asText();
            Signatures.check(e.getValue(), declaredType, part.content());
        }
        List<AttachmentStore.Part> out = new ArrayList<>();
        for (Map.Entry<String, Multipart.Part> e : byHash.entrySet()) {
            Path file = Files.createTempFile("xapi-attachment", ".bin");
            Files.write(file, e.getValue().content());
            String type = e.getValue().header("Content-Type");
            if (type == null) {
                type = declared.get(e.getKey()).get(0).path("contentType").asText("application/octet-stream");
            }
            out.add(new AttachmentStore.Part(e.getKey(), type, file));
        }
        return out;
    }

    private static void collectAttachments(JsonNode statement, Map<String, List<JsonNode>> declared,
                                           Map<String, ObjectNode> signed, ObjectNode top) {
        for (JsonNode a : statement.path("attachments")) {
            String sha2 = a.path("sha2").asText().toLowerCase(Locale.ROOT);
            declared.computeIfAbsent(sha2, k -> new ArrayList<>()).add(a);
            if (top != null && StatementValidator.SIGNATURE_USAGE.equals(a.path("usageType").asText())) {
                signed.put(sha2, top);
            }
        }
    }

    static String digestHex(byte[] content, int hexLength) {
        String algorithm = switch (hexLength) {
            case 96 -> "SHA-384";
            case 128 -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ reading

    private void get(XapiRequest req, HttpServletResponse resp, XapiClients.Caller caller) throws IOException {
        if (!caller.scope().readsStatements()) {
            throw new XapiException(403, "This client may send statements but not read them");
        }
        req.allowOnly(QUERY_PARAMETERS);
        Map<String, String> params = req.params();
        Long cursor = null;
        if (params.containsKey("more")) {
            if (params.size() != 1) {
                throw XapiException.badRequest("more: follow the more link as it is, without other parameters");
            }
            String query;
            try {
                query = new String(Base64.getUrlDecoder().decode(params.get("more")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw XapiException.badRequest("more: not a link this store made");
            }
            Map<String, String> original = XapiRequest.parseQuery(query);
            String c = original.remove("cursor");
            if (c == null || !c.matches("\\d{1,19}")) {
                throw XapiException.badRequest("more: not a link this store made");
            }
            cursor = Long.parseLong(c);
            params = original;
        }
        StatementFormat format = new StatementFormat(
                StatementFormat.Shape.parse(params.getOrDefault("format", "exact")),
                req.header("Accept-Language"), cachedDefinitions());
        boolean withAttachments = bool(params, "attachments");
        if (params.containsKey("statementId") || params.containsKey("voidedStatementId")) {
            single(params, resp, caller, format, withAttachments);
            return;
        }
        List<StatementKeys.Key> keys = new ArrayList<>();
        if (params.containsKey("agent")) {
            JsonNode agent = XapiJson.parseParameter("agent", params.get("agent"));
            new StatementValidator(XapiVersion.V2_0_0).agentParameter(agent, "agent");
            keys.add(new StatementKeys.Key(bool(params, "related_agents") ? StatementKeys.RELATED_AGENT
                    : StatementKeys.AGENT, Ifi.of(agent).orElseThrow()));
        } else {
            bool(params, "related_agents");
        }
        if (params.containsKey("verb")) {
            keys.add(new StatementKeys.Key(StatementKeys.VERB, iri(params, "verb")));
        }
        if (params.containsKey("activity")) {
            keys.add(new StatementKeys.Key(bool(params, "related_activities") ? StatementKeys.RELATED_ACTIVITY
                    : StatementKeys.ACTIVITY, iri(params, "activity")));
        } else {
            bool(params, "related_activities");
        }
        if (params.containsKey("registration")) {
            String registration = params.get("registration");
            if (!Formats.isUuid(registration)) {
                throw XapiException.badRequest("registration: must be a UUID");
            }
            keys.add(new StatementKeys.Key(StatementKeys.REGISTRATION, registration.toLowerCase(Locale.ROOT)));
        }
        int limit = maxPage;
        if (params.containsKey("limit")) {
            String l = params.get("limit");
            if (!l.matches("\\d{1,9}")) {
                throw XapiException.badRequest("limit: must be a whole number, 0 or more");
            }
            int asked = Integer.parseInt(l);
            limit = asked == 0 ? maxPage : Math.min(asked, maxPage);
        }
        boolean ascending = bool(params, "ascending");
        StatementStore.Query query = new StatementStore.Query(keys, timestamp(params, "since"),
                timestamp(params, "until"), ascending, cursor,
                caller.scope().readsAll() ? null : caller.id(), limit);
        List<StoredStatement> found = store.query(query);
        boolean more = found.size() > limit;
        List<StoredStatement> page = more ? found.subList(0, limit) : found;

        StringBuilder out = new StringBuilder("{\"statements\":[");
        List<JsonNode> shaped = new ArrayList<>();
        LocalDateTime lastModified = null;
        for (int i = 0; i < page.size(); i++) {
            StoredStatement s = page.get(i);
            if (lastModified == null || s.stored().isAfter(lastModified)) {
                lastModified = s.stored();
            }
            if (i > 0) {
                out.append(',');
            }
            if (format.shape() == StatementFormat.Shape.EXACT && !withAttachments) {
                out.append(s.body());
            } else {
                JsonNode json = format.apply(s.json());
                shaped.add(json);
                out.append(XapiJson.write(json));
            }
        }
        out.append("],\"more\":\"");
        if (more) {
            out.append(moreLink(params, page.get(page.size() - 1).seq()));
        }
        out.append("\"}");
        lastModified(resp, lastModified == null ? LocalDateTime.now(ZoneOffset.UTC) : lastModified);
        if (withAttachments) {
            multipart(resp, out.toString(), shaped);
        } else {
            json(resp, 200, out.toString());
        }
    }

    private void single(Map<String, String> params, HttpServletResponse resp, XapiClients.Caller caller,
                        StatementFormat format, boolean withAttachments) throws IOException {
        for (String name : params.keySet()) {
            if (!SINGLE_PARAMETERS.contains(name)) {
                throw XapiException.badRequest(name + ": cannot be combined with statementId or voidedStatementId");
            }
        }
        boolean voided = params.containsKey("voidedStatementId");
        if (voided && params.containsKey("statementId")) {
            throw XapiException.badRequest("Give statementId or voidedStatementId, not both");
        }
        String id = voided ? params.get("voidedStatementId") : params.get("statementId");
        if (!Formats.isUuid(id)) {
            throw XapiException.badRequest((voided ? "voidedStatementId" : "statementId") + ": must be a UUID");
        }
        Optional<StoredStatement> found = store.find(UUID.fromString(id))
                .filter(s -> s.voided() == voided);
        if (found.isEmpty() || (!caller.scope().readsAll() && !ownedBy(found.get(), caller))) {
            throw new XapiException(404, voided ? "No voided statement has this id" : "No statement has this id");
        }
        StoredStatement s = found.get();
        lastModified(resp, s.stored());
        JsonNode json = format.apply(s.json());
        if (withAttachments) {
            multipart(resp, XapiJson.write(json), List.of(json));
        } else {
            json(resp, 200, format.shape() == StatementFormat.Shape.EXACT ? s.body() : XapiJson.write(json));
        }
    }

    private boolean ownedBy(StoredStatement s, XapiClients.Caller caller) {
        JsonNode authority = s.json().path("authority");
        return caller.key().equals(authority.path("account").path("name").asText());
    }

    /** The attachments of these statements, after the statements, as multipart/mixed. */
    private void multipart(HttpServletResponse resp, String json, List<JsonNode> statements) throws IOException {
        Set<String> hashes = new LinkedHashSet<>();
        for (JsonNode s : statements) {
            s.path("attachments").forEach(a -> hashes.add(a.path("sha2").asText().toLowerCase(Locale.ROOT)));
            s.path("object").path("attachments").forEach(a -> hashes.add(a.path("sha2").asText().toLowerCase(Locale.ROOT)));
        }
        Map<String, AttachmentStore.Attachment> stored = attachments.find(hashes);
        String boundary = "xapi-" + UUID.randomUUID();
        resp.setStatus(200);
        resp.setContentType("multipart/mixed; boundary=" + boundary);
        OutputStream out = resp.getOutputStream();
        out.write(("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(json.getBytes(StandardCharsets.UTF_8));
        for (AttachmentStore.Attachment a : stored.values()) {
            out.write(("\r\n--" + boundary + "\r\nContent-Type: " + a.contentType()
                    + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + a.sha2() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            try (InputStream in = attachments.open(a)) {
                in.transferTo(out);
            }
        }
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private java.util.function.Function<String, Optional<ObjectNode>> cachedDefinitions() {
        Map<String, Optional<ObjectNode>> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, definitions::definition);
    }

    private static String moreLink(Map<String, String> params, long cursor) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")).append('&'));
        query.append("cursor=").append(cursor);
        return "/xapi/statements?more="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(query.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String iri(Map<String, String> params, String name) {
        String value = params.get(name);
        if (!Formats.isIri(value)) {
            throw XapiException.badRequest(name + ": must be an absolute IRI");
        }
        return value;
    }

    private static boolean bool(Map<String, String> params, String name) {
        return XapiRequest.bool(name, params.get(name));
    }

    private static LocalDateTime timestamp(Map<String, String> params, String name) {
        return XapiRequest.timestamp(name, params.get(name));
    }

    static void consistentThrough(HttpServletResponse resp) {
        resp.setHeader(XapiServlet.CONSISTENT_THROUGH, Formats.formatTimestamp(
                LocalDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)));
    }

    static void lastModified(HttpServletResponse resp, LocalDateTime utc) {
        resp.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(utc.atOffset(ZoneOffset.UTC)));
    }

    static void json(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static ObjectNode statementObject(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw XapiException.badRequest("A statement must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
