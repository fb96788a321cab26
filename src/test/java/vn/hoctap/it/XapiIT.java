package vn.hoctap.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Learning Record Store through the container, as an xAPI client sees it: the version header,
 * client credentials and scopes, storing and reading statements (every filter, voiding, paging,
 * formats), attachments in multipart/mixed, signed statements, and the document resources with
 * their concurrency rules. Written from the specification's MUST rules (xAPI 2.0 / IEEE 9274.1.1).
 */
@ExtendWith(ArquillianExtension.class)
class XapiIT {

    static final String KEY = "it-client";
    static final String SECRET = "it-xapi-secret-2026";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> call(String method, String path, String body, String... headers) {
        return callAs(KEY, SECRET, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> callAs(String key, String secret, String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        boolean version = false;
        boolean type = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].isEmpty()) {
                continue;
            }
            b.header(headers[i], headers[i + 1]);
            version |= headers[i].equals("X-Experience-API-Version");
            type |= headers[i].equals("Content-Type");
        }
        if (!version) {
            b.header("X-Experience-API-Version", "2.0.0");
        }
        if (!type && body != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String q(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    static String mbox() {
        return "mailto:hv" + UUID.randomUUID().toString().substring(0, 8) + "@sonla.gov.vn";
    }

    static String statement(String mbox, String verb, String object, String... extra) {
        StringBuilder s = new StringBuilder("{\"actor\":{\"objectType\":\"Agent\",\"name\":\"Lò Văn Hùng\",\"mbox\":\"" + mbox
                + "\"},\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"vi\":\"đã làm\",\"en-US\":\"did\"}},\"object\":" + object);
        for (String e : extra) {
            s.append(',').append(e);
        }
        return s.append('}').toString();
    }

    static String activity(String id) {
        return "{\"objectType\":\"Activity\",\"id\":\"" + id + "\"}";
    }

    String post(String json) {
        HttpResponse<String> r = call("POST", "xapi/statements", json);
        assertEquals(200, r.statusCode(), r.body());
        return Http.jsonValue(r).asJsonArray().getString(0);
    }

    JsonObject get(String query) {
        HttpResponse<String> r = call("GET", "xapi/statements?" + query, null);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    static List<String> ids(JsonObject result) {
        List<String> ids = new ArrayList<>();
        result.getJsonArray("statements").getValuesAs(JsonObject.class).forEach(s -> ids.add(s.getString("id")));
        return ids;
    }

    @Test
    void versionsAndCredentials() {
        HttpResponse<String> about = callAs(null, null, "GET", "xapi/about", null, "X-Experience-API-Version", "");
        assertEquals(200, about.statusCode());
        assertTrue(Http.json(about).getJsonArray("version").toString().contains("\"2.0.0\""));

        HttpResponse<String> noVersion = HttpClientCalls.withoutVersion(http, base + "xapi/statements", KEY, SECRET);
        assertEquals(400, noVersion.statusCode());
        assertEquals("2.0.0", noVersion.headers().firstValue("X-Experience-API-Version").orElse(""));

        assertEquals(400, call("GET", "xapi/statements", null, "X-Experience-API-Version", "2.1.0").statusCode());
        HttpResponse<String> old = call("GET", "xapi/statements?limit=1", null, "X-Experience-API-Version", "1.0.3");
        assertEquals(200, old.statusCode());
        assertEquals("1.0.3", old.headers().firstValue("X-Experience-API-Version").orElse(""));

        HttpResponse<String> wrong = callAs(KEY, "not-the-secret", "GET", "xapi/statements", null);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(400, call("GET", "xapi/statements?foo=bar", null).statusCode());
        assertEquals(400, call("GET", "xapi/statements?Limit=1", null).statusCode());
        assertEquals(400, call("POST", "xapi/statements?method=GET", null).statusCode(), "xAPI 2.0 has no alternate syntax");

        HttpResponse<String> preflight = HttpClientCalls.options(http, base + "xapi/statements");
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Experience-API-Version"));
    }

    @Test
    void aStatementComesBackAsSentWithWhatTheStoreAssigns() {
        String id = UUID.randomUUID().toString();
        String sent = statement(mbox(), "http://adlnet.gov/expapi/verbs/completed",
                "{\"id\":\"https://hoctap.example/courses/ky-nang-so\",\"definition\":{\"name\":{\"vi\":\"Kỹ năng số cơ bản\"}}}",
                "\"id\":\"" + id + "\"",
                "\"result\":{\"score\":{\"scaled\":0.12123434,\"raw\":12.125,\"min\":0.12,\"max\":45.45},\"completion\":true,"
                        + "\"duration\":\"PT1H30M\"}",
                "\"stored\":\"2011-07-15T01:02:03.456Z\"",
                "\"authority\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:someone-else@example.vn\"}");
        HttpResponse<String> put = call("PUT", "xapi/statements?statementId=" + id, sent);
        assertEquals(204, put.statusCode(), put.body());

        HttpResponse<String> r = call("GET", "xapi/statements?statementId=" + id, null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"scaled\":0.12123434,\"raw\":12.125,\"min\":0.12,\"max\":45.45"), r.body());
        JsonObject s = Http.json(r);
        assertNotEquals("2011-07-15T01:02:03.456Z", s.getString("stored"), "stored is the store's");
        assertEquals(s.getString("stored"), s.getString("timestamp"), "no timestamp: it is the stored time");
        assertEquals(KEY, s.getJsonObject("authority").getJsonObject("account").getString("name"));
        assertEquals("2.0.0", s.getString("version"));
        assertEquals("Kỹ năng số cơ bản", s.getJsonObject("object").getJsonObject("definition").getJsonObject("name").getString("vi"));
        assertTrue(r.headers().firstValue("X-Experience-API-Consistent-Through").isPresent());
        Instant lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.parse(r.headers().firstValue("Last-Modified").orElseThrow(),
                Instant::from);
        assertEquals(Instant.parse(s.getString("stored")).getEpochSecond(), lastModified.getEpochSecond());
        assertTrue(r.headers().firstValue("Date").isPresent());

        // the same statement again changes nothing; a different one with the same id is a conflict
        assertEquals(204, call("PUT", "xapi/statements?statementId=" + id, sent).statusCode());
        assertEquals(409, call("PUT", "xapi/statements?statementId=" + id,
                sent.replace("\"completion\":true", "\"completion\":false")).statusCode());
        assertEquals(400, call("PUT", "xapi/statements?statementId=" + UUID.randomUUID(), sent).statusCode(),
                "the body's id must be statementId");

        JsonObject activity = Http.json(call("GET", "xapi/activities?activityId=https://hoctap.example/courses/ky-nang-so", null));
        assertEquals("Kỹ năng số cơ bản", activity.getJsonObject("definition").getJsonObject("name").getString("vi"));
        JsonObject unknown = Http.json(call("GET", "xapi/activities?activityId=https://hoctap.example/nothing", null));
        assertEquals("Activity", unknown.getString("objectType"));
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAll() {
        String good = UUID.randomUUID().toString();
        String batch = "[" + statement(mbox(), "http://adlnet.gov/expapi/verbs/attempted", activity("https://hoctap.example/a"),
                "\"id\":\"" + good + "\"") + "," + statement(mbox(), "should fail", activity("https://hoctap.example/a")) + "]";
        HttpResponse<String> r = call("POST", "xapi/statements", batch);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("statement 1"), r.body());
        assertEquals(404, call("GET", "xapi/statements?statementId=" + good, null).statusCode());

        String twice = UUID.randomUUID().toString();
        String s = statement(mbox(), "http://adlnet.gov/expapi/verbs/attempted", activity("https://hoctap.example/a"),
                "\"id\":\"" + twice + "\"");
        assertEquals(400, call("POST", "xapi/statements", "[" + s + "," + s + "]").statusCode());
        assertEquals(400, call("POST", "xapi/statements", "{\"actor\":").statusCode());
        assertEquals(400, call("POST", "xapi/statements", "[]").statusCode());
    }

    @Test
    void voidingAndStatementsAboutStatements() {
        String verb = "https://hoctap.example/verbs/" + UUID.randomUUID();
        String who = mbox();
        String s1 = post(statement(who, verb, activity("https://hoctap.example/lesson/1")));
        String s2 = post(statement(who, "http://adlnet.gov/expapi/verbs/voided",
                "{\"objectType\":\"StatementRef\",\"id\":\"" + s1 + "\"}"));
        String s3 = post(statement(who, verb, "{\"objectType\":\"StatementRef\",\"id\":\"" + s1 + "\"}"));

        assertEquals(404, call("GET", "xapi/statements?statementId=" + s1, null).statusCode());
        assertEquals(s1, Http.json(call("GET", "xapi/statements?voidedStatementId=" + s1, null)).getString("id"));
        assertEquals(404, call("GET", "xapi/statements?voidedStatementId=" + s3, null).statusCode());
        assertEquals(List.of(s3, s2), ids(get("verb=" + verb)), "the voided one is gone; what refers to it stays");
        assertEquals(List.of(s3), ids(get("verb=" + verb + "&limit=1")));
        assertEquals(List.of(s2, s3), ids(get("verb=" + verb + "&ascending=true")));

        // a voiding statement that arrives before its target still voids it; a voiding statement is never voided
        String early = UUID.randomUUID().toString();
        post(statement(who, "http://adlnet.gov/expapi/verbs/voided", "{\"objectType\":\"StatementRef\",\"id\":\"" + early + "\"}"));
        post(statement(who, verb, activity("https://hoctap.example/lesson/2"), "\"id\":\"" + early + "\""));
        assertEquals(404, call("GET", "xapi/statements?statementId=" + early, null).statusCode());
        post(statement(who, "http://adlnet.gov/expapi/verbs/voided", "{\"objectType\":\"StatementRef\",\"id\":\"" + s2 + "\"}"));
        assertEquals(200, call("GET", "xapi/statements?statementId=" + s2, null).statusCode());
        assertEquals(400, call("POST", "xapi/statements", statement(who, "http://adlnet.gov/expapi/verbs/voided",
                activity("https://hoctap.example/x"))).statusCode());
    }

    @Test
    void everyFilterPagingAndFormats() {
        String who = mbox();
        String teacher = mbox();
        String registration = UUID.randomUUID().toString();
        String course = "https://hoctap.example/courses/" + UUID.randomUUID();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posted.add(post(statement(who, "http://adlnet.gov/expapi/verbs/experienced",
                    activity(course + "/lesson/" + i),
                    "\"context\":{\"registration\":\"" + registration + "\",\"instructor\":{\"mbox\":\"" + teacher + "\"},"
                            + "\"contextActivities\":{\"parent\":{\"id\":\"" + course + "\"}}}")));
        }
        String agent = q("{\"mbox\":\"" + who + "\"}");
        assertEquals(List.of(posted.get(2), posted.get(1), posted.get(0)), ids(get("agent=" + agent)));
        assertEquals(3, ids(get("registration=" + registration)).size());
        assertEquals(List.of(posted.get(0)), ids(get("activity=" + course + "/lesson/0")));
        assertEquals(0, ids(get("activity=" + course)).size(), "the course is only a parent");
        assertEquals(3, ids(get("activity=" + course + "&related_activities=true")).size());
        assertEquals(0, ids(get("agent=" + q("{\"mbox\":\"" + teacher + "\"}"))).size());
        assertEquals(3, ids(get("agent=" + q("{\"mbox\":\"" + teacher + "\"}") + "&related_agents=true")).size());
        String sha1 = sha1("" + who);
        assertEquals(3, ids(get("agent=" + q("{\"mbox_sha1sum\":\"" + sha1 + "\"}"))).size(), "an mbox's hash finds it too");

        JsonObject page = get("registration=" + registration + "&limit=2");
        assertEquals(List.of(posted.get(2), posted.get(1)), ids(page));
        String more = page.getString("more");
        assertTrue(more.startsWith("/xapi/statements?"), more);
        JsonObject next = get(more.substring("/xapi/statements?".length()));
        assertEquals(List.of(posted.get(0)), ids(next));
        assertEquals("", next.getString("more"));

        JsonObject first = get("registration=" + registration + "&limit=1");
        String stored = first.getJsonArray("statements").getJsonObject(0).getString("stored");
        assertEquals(0, ids(get("registration=" + registration + "&since=" + q(stored))).size(), "since is exclusive");
        assertEquals(3, ids(get("registration=" + registration + "&until=" + q(stored))).size(), "until is inclusive");
        assertEquals(400, call("GET", "xapi/statements?since=yesterday", null).statusCode());
        assertEquals(400, call("GET", "xapi/statements?agent=" + q("{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"" + who
                + "\"}]}"), null).statusCode(), "an Anonymous Group cannot be a filter");
        assertEquals(400, call("GET", "xapi/statements?statementId=" + posted.get(0) + "&verb=http://x.vn/v", null).statusCode());

        JsonObject ids = get("statementId=" + posted.get(0) + "&format=ids");
        assertEquals(2, ids.getJsonObject("actor").size());
        assertEquals(1, ids.getJsonObject("verb").size());
        HttpResponse<String> canonical = call("GET", "xapi/statements?statementId=" + posted.get(0) + "&format=canonical", null,
                "Accept-Language", "en-US");
        assertEquals("{\"en-US\":\"did\"}", Http.json(canonical).getJsonObject("verb").getJsonObject("display").toString());
        assertEquals(400, call("GET", "xapi/statements?format=IDS", null).statusCode());
    }

    @Test
    void attachmentsTravelInMultipartAndAreMatchedByHash() throws Exception {
        byte[] certificate = "Giấy chứng nhận hoàn thành khóa học".getBytes(StandardCharsets.UTF_8);
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
        String id = UUID.randomUUID().toString();
        String s = statement(mbox(), "http://adlnet.gov/expapi/verbs/completed", activity("https://hoctap.example/c"),
                "\"id\":\"" + id + "\"",
                "\"attachments\":[{\"usageType\":\"http://id.tincanapi.com/attachment/certificate-of-completion\","
                        + "\"display\":{\"vi\":\"Chứng nhận\"},\"contentType\":\"text/plain\",\"length\":" + certificate.length
                        + ",\"sha2\":\"" + sha2 + "\"}]");
        String boundary = "-------314159265358979323846";
        byte[] body = multipart(boundary, s, List.<Object[]>of(new Object[]{"text/plain", sha2, certificate}), "binary");
        HttpResponse<String> r = callAs(KEY, SECRET, "POST", "xapi/statements", body, "Content-Type",
                "multipart/mixed; boundary=" + boundary);
        assertEquals(200, r.statusCode(), r.body());

        HttpResponse<String> back = call("GET", "xapi/statements?statementId=" + id + "&attachments=true", null);
        assertEquals(200, back.statusCode());
        String type = back.headers().firstValue("Content-Type").orElseThrow();
        assertTrue(type.startsWith("multipart/mixed; boundary="), type);
        assertTrue(back.body().contains("X-Experience-API-Hash: " + sha2));
        assertTrue(back.body().contains("Giấy chứng nhận hoàn thành khóa học"));

        assertEquals(400, callAs(KEY, SECRET, "POST", "xapi/statements", multipart(boundary, s, List.<Object[]>of(), "binary"),
                "Content-Type", "multipart/mixed; boundary=" + boundary).statusCode(), "the part is missing");
        assertEquals(400, callAs(KEY, SECRET, "POST", "xapi/statements",
                multipart(boundary, s, List.<Object[]>of(new Object[]{"text/plain", sha2, certificate}), "base64"),
                "Content-Type", "multipart/mixed; boundary=" + boundary).statusCode(), "binary only");
        assertEquals(400, callAs(KEY, SECRET, "POST", "xapi/statements",
                multipart(boundary, s, List.<Object[]>of(new Object[]{"text/plain", sha2, "other bytes".getBytes(StandardCharsets.UTF_8)}),
                        "binary"), "Content-Type", "multipart/mixed; boundary=" + boundary).statusCode(), "wrong bytes");
        assertEquals(400, callAs(KEY, SECRET, "POST", "xapi/statements", body, "Content-Type", "multipart/mixed").statusCode());
        assertEquals(400, callAs(KEY, SECRET, "POST", "xapi/statements", body, "Content-Type",
                "multipart/form-data; boundary=" + boundary).statusCode());
        String withUrl = s.replace("\"sha2\"", "\"fileUrl\":\"https://hoctap.example/c.txt\",\"sha2\"").replace(id, UUID.randomUUID().toString());
        assertEquals(200, call("POST", "xapi/statements", withUrl).statusCode(), "a fileUrl needs no part");
    }

    @Test
    void signedStatementsAreChecked() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String payload = statement(mbox(), "http://adlnet.gov/expapi/verbs/passed", activity("https://hoctap.example/exam"),
                "\"result\":{\"duration\":\"P1DT12H36M0.12S\",\"success\":true}");
        String jws = jws("RS256", payload, keys);
        byte[] jwsBytes = jws.getBytes(StandardCharsets.US_ASCII);
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jwsBytes));
        String signed = payload.substring(0, payload.length() - 1).replace("0.12S", "0.1237S")
                + ",\"attachments\":[{\"usageType\":\"http://adlnet.gov/expapi/attachments/signature\","
                + "\"display\":{\"en-US\":\"Signature\"},\"contentType\":\"application/octet-stream\",\"length\":"
                + jwsBytes.length + ",\"sha2\":\"" + sha2 + "\"}]}";
        String boundary = "-------sig" + UUID.randomUUID();
        HttpResponse<String> r = callAs(KEY, SECRET, "POST", "xapi/statements",
                multipart(boundary, signed, List.<Object[]>of(new Object[]{"application/octet-stream", sha2, jwsBytes}), "binary"),
                "Content-Type", "multipart/mixed; boundary=" + boundary);
        assertEquals(200, r.statusCode(), "durations compare to hundredths: " + r.body());

        String tampered = signed.replace("\"success\":true", "\"success\":false");
        assertEquals(400, callAs(KEY, SECRET, "POST", "xapi/statements",
                multipart(boundary, tampered, List.<Object[]>of(new Object[]{"application/octet-stream", sha2, jwsBytes}), "binary"),
                "Content-Type", "multipart/mixed; boundary=" + boundary).statusCode());
        byte[] hs = jws("HS256", payload, keys).getBytes(StandardCharsets.US_ASCII);
        String hsSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hs));
        assertEquals(400, callAs(KEY, SECRET, "POST", "xapi/statements",
                multipart(boundary, signed.replace(sha2, hsSha).replace("\"length\":" + jwsBytes.length, "\"length\":" + hs.length),
                        List.<Object[]>of(new Object[]{"application/octet-stream", hsSha, hs}), "binary"),
                "Content-Type", "multipart/mixed; boundary=" + boundary).statusCode(), "only RS256/384/512");
    }

    @Test
    void documentsWithConcurrencyControl() {
        String agent = q("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://www.example.com/agentId/1\",\"name\":\"Rick James\"}}");
        String activityId = "https://hoctap.example/lesson/" + UUID.randomUUID();
        String state = "xapi/activities/state?activityId=" + activityId + "&agent=" + agent;
        String one = state + "&stateId=bookmark";

        assertEquals(204, call("PUT", one, "{\"page\":3}").statusCode());
        assertEquals(409, call("PUT", one, "{\"page\":4}").statusCode(), "no If-Match on an existing document");
        HttpResponse<String> got = call("GET", one, null);
        assertEquals("{\"page\":3}", got.body());
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]{40}\""), etag);
        assertNotNull(got.headers().firstValue("Last-Modified").orElse(null));
        assertEquals(412, call("PUT", one, "{\"page\":5}", "If-Match", "\"1234\"").statusCode());
        assertEquals(204, call("PUT", one, "{\"page\":5}", "If-Match", etag).statusCode());
        assertEquals(412, call("PUT", one, "{\"page\":6}", "If-None-Match", "*").statusCode());
        assertEquals(204, call("POST", one, "{\"seen\":[1,2]}").statusCode());
        assertEquals("{\"page\":5,\"seen\":[1,2]}", call("GET", one, null).body());
        assertEquals(400, call("POST", one, "abcdefg", "Content-Type", "application/octet-stream").statusCode());
        assertEquals(400, call("POST", one, "[1,2]").statusCode());

        String registration = UUID.randomUUID().toString();
        assertEquals(204, call("PUT", state + "&stateId=other&registration=" + registration, "/ asdf / undefined",
                "Content-Type", "application/octet-stream").statusCode());
        HttpResponse<String> raw = call("GET", state + "&stateId=other&registration=" + registration, null);
        assertEquals("/ asdf / undefined", raw.body());
        assertEquals("application/octet-stream", raw.headers().firstValue("Content-Type").orElse(""),
                "the type it was stored with, without a charset the server made up");
        assertEquals(404, call("GET", state + "&stateId=other", null).statusCode(), "registration is part of the key");
        JsonArray list = Http.jsonValue(call("GET", state, null)).asJsonArray();
        assertEquals(2, list.size());
        assertEquals(400, call("GET", state + "&since=true", null).statusCode());
        assertEquals(400, call("PUT", state, "{}").statusCode(), "stateId is required to store");
        assertEquals(400, call("GET", "xapi/activities/state?activityId=" + activityId + "&agent=true", null).statusCode());
        assertEquals(204, call("DELETE", state, null).statusCode());
        assertEquals(0, Http.jsonValue(call("GET", state, null)).asJsonArray().size());

        String profile = "xapi/agents/profile?agent=" + agent + "&profileId=" + UUID.randomUUID();
        assertEquals(204, call("PUT", profile, "{\"lang\":\"vi\"}", "If-None-Match", "*").statusCode());
        assertEquals(204, call("DELETE", profile, null, "If-Match", call("GET", profile, null).headers()
                .firstValue("ETag").orElseThrow()).statusCode());
        assertEquals(404, call("GET", profile, null).statusCode());
        String activityProfile = "xapi/activities/profile?activityId=" + activityId + "&profileId=p1";
        assertEquals(204, call("POST", activityProfile, "{\"car\":\"Honda\"}").statusCode());
        assertEquals(204, call("POST", activityProfile, "{\"type\":\"Civic\"}").statusCode());
        assertEquals("{\"car\":\"Honda\",\"type\":\"Civic\"}", call("GET", activityProfile, null).body());
        assertEquals(204, call("DELETE", "xapi/activities/profile?activityId=" + activityId + "&profileId=never", null).statusCode());

        JsonObject person = Http.json(call("GET", "xapi/agents?agent=" + agent, null));
        assertEquals("Person", person.getString("objectType"));
        assertEquals("Rick James", person.getJsonArray("account").getJsonObject(0).getString("name"));
        assertEquals(204, call("PUT", one, "{\"page\":1}", "If-None-Match", "*").statusCode(), "deleted above: new again");
        HttpResponse<String> head = call("HEAD", one, null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertTrue(head.headers().firstValue("ETag").isPresent());
        assertEquals(404, call("HEAD", state + "&stateId=missing", null).statusCode());
    }

    @Test
    void clientsSeeWhatTheirScopeAllows() {
        Http admin = new Http(URI.create(base.toString())).as("admin", PlatformIT.ADMIN_PASSWORD);
        JsonObject writer = Http.json(admin.post("api/xapi-clients", "{\"name\":\"Gói bài giảng\",\"scope\":\"WRITE_ONLY\"}"));
        JsonObject mine = Http.json(admin.post("api/xapi-clients", "{\"name\":\"Ứng dụng báo cáo\",\"scope\":\"READ_MINE\"}"));
        String wKey = writer.getJsonObject("client").getString("key");
        String mKey = mine.getJsonObject("client").getString("key");

        byte[] s = statement(mbox(), "http://adlnet.gov/expapi/verbs/attempted", activity("https://hoctap.example/a"))
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(200, callAs(wKey, writer.getString("secret"), "POST", "xapi/statements", s).statusCode());
        assertEquals(403, callAs(wKey, writer.getString("secret"), "GET", "xapi/statements", null).statusCode());
        String own = Http.jsonValue(callAs(mKey, mine.getString("secret"), "POST", "xapi/statements", s)).asJsonArray().getString(0);
        JsonObject seen = Http.json(callAs(mKey, mine.getString("secret"), "GET", "xapi/statements?limit=50", null));
        assertEquals(List.of(own), ids(seen), "a read-mine client sees only what it sent");
        int anonymous = new Http(URI.create(base.toString())).post("api/xapi-clients", "{\"name\":\"x\"}").statusCode();
        assertTrue(anonymous == 401 || anonymous == 403, "only administrators create clients: " + anonymous);
        assertFalse(Http.jsonValue(admin.get("api/xapi-clients")).asJsonArray().isEmpty());
    }

    static byte[] multipart(String boundary, String json, List<Object[]> parts, String encoding) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (Object[] p : parts) {
            out.write(("--" + boundary + "\r\nContent-Type: " + p[0] + "\r\nContent-Transfer-Encoding: " + encoding
                    + "\r\nX-Experience-API-Hash: " + p[1] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write((byte[]) p[2]);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String jws(String alg, String payload, KeyPair keys) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signer.sign());
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests the helper above cannot make: without the version header, and CORS preflight. */
    static final class HttpClientCalls {
        private HttpClientCalls() {
        }

        static HttpResponse<String> withoutVersion(HttpClient http, String url, String key, String secret) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static HttpResponse<String> options(HttpClient http, String url) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", "https://content.example")
                        .header("Access-Control-Request-Method", "POST")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A POST in xAPI 1.0.3's alternate request syntax: headers, parameters and content as form fields. */
    HttpResponse<String> alternate(String pathAndMethod, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "xapi/" + pathAndMethod)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void xapi103AlternateRequestSyntaxStandsForTheRequestItCarries() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        String id = java.util.UUID.randomUUID().toString();
        String statement = """
                {"actor":{"mbox":"%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                 "object":{"id":"http://example.com/alternate/%s"}}""".formatted(mbox(), id);
        Map<String, String> headers = Map.of("Authorization", auth, "X-Experience-API-Version", "1.0.3");

        Map<String, String> put = new java.util.HashMap<>(headers);
        put.putAll(Map.of("statementId", id, "content", statement, "Content-Type", "application/json"));
        HttpResponse<String> stored = alternate("statements?method=PUT", put);
        assertEquals(204, stored.statusCode(), stored.body());
        assertEquals("1.0.3", stored.headers().firstValue("X-Experience-API-Version").orElse(""));

        Map<String, String> get = new java.util.HashMap<>(headers);
        get.put("statementId", id);
        HttpResponse<String> found = alternate("statements?method=GET", get);
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(id, Http.json(found).getString("id"));
        Map<String, String> list = new java.util.HashMap<>(headers);
        list.put("limit", "1");
        HttpResponse<String> page = alternate("statements?method=GET", list);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(1, Http.json(page).getJsonArray("statements").size());

        assertEquals(400, alternate("statements?method=GET&limit=1", headers).statusCode(), "other parameters go in the form");
        assertEquals(400, alternate("statements?method=PATCH", headers).statusCode());
        assertEquals(400, alternate("statements?method=GET", Map.of("Authorization", auth, "X-Experience-API-Version", "2.0.0"))
                .statusCode(), "not in xAPI 2.0");
        assertEquals(400, call("GET", "xapi/statements?method=GET", null, "X-Experience-API-Version", "1.0.3").statusCode(),
                "only as a POST");
        assertEquals(401, alternate("statements?method=GET", Map.of("X-Experience-API-Version", "1.0.3")).statusCode(),
                "credentials are needed, in the form or the header");
    }
}
