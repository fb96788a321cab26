package vn.hoctap.records.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.platform.web.ContentTypes;
import vn.hoctap.records.ActivityDefinitions;
import vn.hoctap.records.AgentDirectory;
import vn.hoctap.records.DocumentStore;
import vn.hoctap.records.DocumentStore.Kind;
import vn.hoctap.records.DocumentStore.Preconditions;
import vn.hoctap.records.DocumentStore.Scope;
import vn.hoctap.records.xapi.Ifi;
import vn.hoctap.records.xapi.StatementValidator;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiJson;
import vn.hoctap.records.xapi.XapiVersion;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The document resources (State, Activity Profile, Agent Profile) and the Activities and Agents
 * resources. A single document comes back with its own Content-Type, an ETag (quoted SHA-1) and
 * Last-Modified; without an id, the answer is the list of ids.
 */
@ApplicationScoped
public class DocumentsEndpoint {

    @Inject
    DocumentStore store;

    @Inject
    ActivityDefinitions definitions;

    @Inject
    AgentDirectory agents;

    void state(XapiRequest req, HttpServletResponse resp, XapiVersion version) throws IOException {
        req.allowOnly(Set.of("activityId", "agent", "registration", "stateId", "since"));
        String activityId = req.iri("activityId", true);
        JsonNode agent = agent(req, version);
        Scope scope = new Scope(Kind.STATE, activityId, Ifi.of(agent).orElseThrow(), XapiJson.write(agent),
                req.uuid("registration"));
        document(req, resp, scope, "stateId", true);
    }

    void activityProfile(XapiRequest req, HttpServletResponse resp, XapiVersion version) throws IOException {
        req.allowOnly(Set.of("activityId", "profileId", "since"));
        String activityId = req.iri("activityId", true);
        document(req, resp, new Scope(Kind.ACTIVITY_PROFILE, activityId, null, null, null), "profileId", false);
    }

    void agentProfile(XapiRequest req, HttpServletResponse resp, XapiVersion version) throws IOException {
        req.allowOnly(Set.of("agent", "profileId", "since"));
        JsonNode agent = agent(req, version);
        Scope scope = new Scope(Kind.AGENT_PROFILE, null, Ifi.of(agent).orElseThrow(), XapiJson.write(agent), null);
        document(req, resp, scope, "profileId", false);
    }

    void activities(XapiRequest req, HttpServletResponse resp) throws IOException {
        onlyGet(req);
        req.allowOnly(Set.of("activityId"));
        String activityId = req.iri("activityId", true);
        ObjectNode activity = XapiJson.object();
        activity.put("objectType", "Activity");
        activity.put("id", activityId);
        definitions.definition(activityId).ifPresent(d -> activity.set("definition", d));
        StatementsEndpoint.json(resp, 200, XapiJson.write(activity));
    }

    void agents(XapiRequest req, HttpServletResponse resp, XapiVersion version) throws IOException {
        onlyGet(req);
        req.allowOnly(Set.of("agent"));
        JsonNode agent = agent(req, version);
        StatementsEndpoint.json(resp, 200, XapiJson.write(agents.person(agent)));
    }

    private void document(XapiRequest req, HttpServletResponse resp, Scope scope, String idName, boolean state)
            throws IOException {
        String docId = req.param(idName);
        Preconditions pre = new Preconditions(req.header("If-Match"), req.header("If-None-Match"));
        switch (req.method()) {
            case "GET", "HEAD" -> {
                if (docId == null) {
                    LocalDateTime since = req.timestamp("since");
                    List<String> ids = store.ids(scope, since);
                    ArrayNode out = XapiJson.MAPPER.createArrayNode();
                    ids.forEach(out::add);
                    StatementsEndpoint.json(resp, 200, XapiJson.write(out));
                    return;
                }
                if (req.has("since")) {
                    throw XapiException.badRequest("since: only for the list of ids, not with " + idName);
                }
                Optional<DocumentStore.Document> doc = store.get(scope, docId);
                if (doc.isEmpty()) {
                    throw new XapiException(404, "No document " + docId + " here");
                }
                DocumentStore.Document d = doc.get();
                resp.setStatus(200);
                ContentTypes.exactly(resp, d.contentType());
                resp.setHeader("ETag", "\"" + d.etag() + "\"");
                StatementsEndpoint.lastModified(resp, d.updated());
                resp.setContentLength(d.content().length);
                resp.getOutputStream().write(d.content());
            }
            case "PUT", "POST" -> {
                noSince(req);
                if (docId == null) {
                    throw XapiException.badRequest(idName + ": required to store a document");
                }
                byte[] content = req.body();
                if (req.method().equals("PUT")) {
                    store.put(scope, docId, req.contentType(), content, pre);
                } else {
                    store.post(scope, docId, req.contentType(), content, pre);
                }
                resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            case "DELETE" -> {
                noSince(req);
                if (docId == null) {
                    if (!state) {
                        throw XapiException.badRequest(idName + ": required to delete a document");
                    }
                    store.deleteAll(scope);
                } else {
                    store.delete(scope, docId, pre);
                }
                resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            default -> throw new XapiException(405, "Documents are read with GET and changed with PUT, POST, DELETE");
        }
    }

    private static void noSince(XapiRequest req) {
        if (req.has("since")) {
            throw XapiException.badRequest("since: only for reading the list of ids");
        }
    }

    private static void onlyGet(XapiRequest req) {
        if (!req.method().equals("GET") && !req.method().equals("HEAD")) {
            throw new XapiException(405, "This resource only answers GET");
        }
    }

    private static JsonNode agent(XapiRequest req, XapiVersion version) {
        JsonNode agent = XapiJson.parseParameter("agent", req.required("agent"));
        new StatementValidator(version).agentParameter(agent, "agent");
        return agent;
    }
}
