package vn.hoctap.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a statement against every rule of the xAPI data model and brings it into the form the
 * store keeps: context activities always as arrays, timestamps in UTC. Anything the specification
 * does not allow is refused with 400 and a message that names the property ({@code
 * object.definition.name}), because an LRS that accepts bad data spreads it to every system that
 * reads from it.
 *
 * <p>The 2.0 rules apply to 2.0 clients, the 1.0.3 rules (no context agents or groups, a statement
 * version of 1.0.x) to 1.0.3 clients.
 */
public final class StatementValidator {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    public static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

    private static final Set<String> STATEMENT_KEYS = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT_KEYS = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> AGENT_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid",
            "account");
    private static final Set<String> GROUP_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid",
            "account", "member");
    private static final Set<String> IFI_KEYS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACTIVITY_KEYS = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION_KEYS = Set.of("name", "description", "type", "moreInfo",
            "extensions", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target",
            "steps");
    private static final Set<String> INTERACTION_KEYS = Set.of("interactionType", "correctResponsesPattern",
            "choices", "scale", "source", "target", "steps");
    private static final Set<String> COMPONENT_LISTS = Set.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final Map<String, Set<String>> COMPONENTS_BY_TYPE = Map.of(
            "choice", Set.of("choices"), "sequencing", Set.of("choices"), "likert", Set.of("scale"),
            "matching", Set.of("source", "target"), "performance", Set.of("steps"));
    private static final Set<String> RESULT_KEYS = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> SCORE_KEYS = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT_KEYS_1 = Set.of("registration", "instructor", "team",
            "contextActivities", "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_KEYS_2 = Set.of("registration", "instructor", "team",
            "contextActivities", "revision", "platform", "language", "statement", "extensions", "contextAgents",
            "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITY_KEYS = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> STATEMENT_REF_KEYS = Set.of("objectType", "id");
    private static final Set<String> ATTACHMENT_KEYS = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");
    private static final Set<String> VERB_KEYS = Set.of("id", "display");
    private static final Set<String> ACCOUNT_KEYS = Set.of("homePage", "name");

    private final XapiVersion version;

    public StatementValidator(XapiVersion version) {
        this.version = version;
    }

    /** Validates one statement and normalises it in place. */
    public void validate(JsonNode node) {
        ObjectNode statement = object(node, "statement");
        allowed(statement, STATEMENT_KEYS, "statement");
        if (statement.has("id")) {
            uuid(statement.get("id"), "id");
        }
        actor(required(statement, "actor", "statement"), "actor");
        verb(required(statement, "verb", "statement"), "verb");
        String objectType = object(statement, required(statement, "object", "statement"), "object", false);
        if (statement.has("result")) {
            result(statement.get("result"), "result");
        }
        if (statement.has("context")) {
            context(statement.get("context"), objectType, "context");
        }
        if (statement.has("timestamp")) {
            statement.put("timestamp", timestamp(statement.get("timestamp"), "timestamp"));
        }
        if (statement.has("stored")) {
            timestamp(statement.get("stored"), "stored"); // replaced by the store, but must be valid
        }
        if (statement.has("authority")) {
            authority(statement.get("authority"));
        }
        if (statement.has("version")) {
            JsonNode v = statement.get("version");
            if (!v.isTextual() || !version.acceptsStatementVersion(v.asText())) {
                throw bad("version: " + v + " is not a statement version this store accepts");
            }
        }
        if (statement.has("attachments")) {
            attachments(statement.get("attachments"), "attachments");
        }
        if (VOIDED.equals(statement.path("verb").path("id").asText()) && !"StatementRef".equals(objectType)) {
            throw bad("object: a voiding statement (verb voided) must have a StatementRef as its object");
        }
    }

    /**
     * The {@code agent} parameter of a query or document request: an Agent, or an Identified
     * Group (the documents and queries need an identity, which an Anonymous Group lacks).
     */
    public void agentParameter(JsonNode node, String name) {
        ObjectNode agent = object(node, name);
        String type = agent.has("objectType") ? text(agent.get("objectType"), name + ".objectType") : "Agent";
        if (type.equals("Group")) {
            group(agent, name);
            if (IFI_KEYS.stream().noneMatch(agent::has)) {
                throw bad(name + ": an Anonymous Group cannot be used here; give an Agent or an Identified Group");
            }
        } else if (type.equals("Agent")) {
            agent(agent, name);
        } else {
            throw bad(name + ".objectType: must be Agent or Group");
        }
    }

    // ------------------------------------------------------------------ actors

    private void actor(JsonNode node, String path) {
        ObjectNode actor = object(node, path);
        String type = actor.has("objectType") ? text(actor.get("objectType"), path + ".objectType") : "Agent";
        switch (type) {
            case "Agent" -> agent(actor, path);
            case "Group" -> group(actor, path);
            default -> throw bad(path + ".objectType: must be Agent or Group, not " + type);
        }
    }

    void agent(ObjectNode agent, String path) {
        allowed(agent, AGENT_KEYS, path);
        if (agent.has("objectType") && !"Agent".equals(agent.get("objectType").asText())) {
            throw bad(path + ".objectType: must be Agent");
        }
        if (agent.has("name")) {
            text(agent.get("name"), path + ".name");
        }
        if (ifiCount(agent, path) != 1) {
            throw bad(path + ": an Agent needs exactly one of mbox, mbox_sha1sum, openid, account");
        }
    }

    private void group(ObjectNode group, String path) {
        allowed(group, GROUP_KEYS, path);
        if (group.has("name")) {
            text(group.get("name"), path + ".name");
        }
        int ifis = ifiCount(group, path);
        if (ifis > 1) {
            throw bad(path + ": a Group has at most one of mbox, mbox_sha1sum, openid, account");
        }
        if (group.has("member")) {
            JsonNode members = group.get("member");
            if (!members.isArray()) {
                throw bad(path + ".member: must be an array of Agents");
            }
            int i = 0;
            for (JsonNode member : members) {
                String memberPath = path + ".member[" + i++ + "]";
                ObjectNode m = object(member, memberPath);
                if (m.has("objectType") && !"Agent".equals(m.get("objectType").asText())) {
                    throw bad(memberPath + ": a Group's members are Agents, never Groups");
                }
                agent(m, memberPath);
            }
            if (ifis == 0 && members.isEmpty()) {
                throw bad(path + ".member: an Anonymous Group needs at least one member");
            }
        } else if (ifis == 0) {
            throw bad(path + ": an Anonymous Group (no identifier) must list its members");
        }
    }

    private int ifiCount(ObjectNode agent, String path) {
        int count = 0;
        for (String key : IFI_KEYS) {
            if (!agent.has(key)) {
                continue;
            }
            count++;
            JsonNode value = agent.get(key);
            switch (key) {
                case "mbox" -> {
                    if (!Formats.isMailto(text(value, path + ".mbox"))) {
                        throw bad(path + ".mbox: must be a mailto: address, e.g. mailto:an@example.vn");
                    }
                }
                case "mbox_sha1sum" -> {
                    if (!Formats.isSha1Hex(text(value, path + ".mbox_sha1sum"))) {
                        throw bad(path + ".mbox_sha1sum: must be the hexadecimal SHA-1 of a mailto: address");
                    }
                }
                case "openid" -> iri(value, path + ".openid");
                case "account" -> {
                    ObjectNode account = object(value, path + ".account");
                    allowed(account, ACCOUNT_KEYS, path + ".account");
                    iri(required(account, "homePage", path + ".account"), path + ".account.homePage");
                    text(required(account, "name", path + ".account"), path + ".account.name");
                }
                default -> throw new IllegalStateException(key);
            }
        }
        return count;
    }

    /**
     * An authority is an Agent, or an Anonymous Group of exactly two Agents (an application and
     * the user it acts for). The store replaces it by the client's own, but a bad one is refused.
     */
    private void authority(JsonNode node) {
        ObjectNode authority = object(node, "authority");
        actor(authority, "authority");
        if ("Group".equals(authority.path("objectType").asText())) {
            JsonNode members = authority.path("member");
            if (IFI_KEYS.stream().anyMatch(authority::has) || !members.isArray() || members.size() != 2) {
                throw bad("authority: a Group authority is anonymous with exactly two members (an application and a user)");
            }
        }
    }

    // ------------------------------------------------------------------ verb, object

    private void verb(JsonNode node, String path) {
        ObjectNode verb = object(node, path);
        allowed(verb, VERB_KEYS, path);
        iri(required(verb, "id", path), path + ".id");
        if (verb.has("display")) {
            languageMap(verb.get("display"), path + ".display");
        }
    }

    /** Validates a statement's object and answers its type. */
    private String object(ObjectNode statement, JsonNode node, String path, boolean inSubStatement) {
        ObjectNode object = object(node, path);
        String type = object.has("objectType") ? text(object.get("objectType"), path + ".objectType") : "Activity";
        switch (type) {
            case "Activity" -> activity(object, path);
            case "Agent" -> agent(object, path);
            case "Group" -> group(object, path);
            case "StatementRef" -> statementRef(object, path);
            case "SubStatement" -> {
                if (inSubStatement) {
                    throw bad(path + ": a SubStatement cannot contain another SubStatement");
                }
                subStatement(object, path);
            }
            default -> throw bad(path + ".objectType: " + type
                    + " is not one of Activity, Agent, Group, StatementRef, SubStatement");
        }
        return type;
    }

    void activity(ObjectNode activity, String path) {
        allowed(activity, ACTIVITY_KEYS, path);
        iri(required(activity, "id", path), path + ".id");
        if (activity.has("definition")) {
            definition(activity.get("definition"), path + ".definition");
        }
    }

    private void definition(JsonNode node, String path) {
        ObjectNode definition = object(node, path);
        allowed(definition, DEFINITION_KEYS, path);
        if (definition.has("name")) {
            languageMap(definition.get("name"), path + ".name");
        }
        if (definition.has("description")) {
            languageMap(definition.get("description"), path + ".description");
        }
        if (definition.has("type")) {
            iri(definition.get("type"), path + ".type");
        }
        if (definition.has("moreInfo")) {
            iri(definition.get("moreInfo"), path + ".moreInfo");
        }
        if (definition.has("extensions")) {
            extensions(definition.get("extensions"), path + ".extensions");
        }
        boolean interaction = INTERACTION_KEYS.stream().anyMatch(definition::has);
        if (!interaction) {
            return;
        }
        if (!definition.has("interactionType")) {
            throw bad(path + ".interactionType: required when an interaction property is given");
        }
        String type = text(definition.get("interactionType"), path + ".interactionType");
        if (!INTERACTION_TYPES.contains(type)) {
            throw bad(path + ".interactionType: " + type + " is not an xAPI interaction type");
        }
        if (definition.has("correctResponsesPattern")) {
            JsonNode patterns = definition.get("correctResponsesPattern");
            if (!patterns.isArray()) {
                throw bad(path + ".correctResponsesPattern: must be an array of strings");
            }
            int i = 0;
            for (JsonNode p : patterns) {
                text(p, path + ".correctResponsesPattern[" + i++ + "]");
            }
        }
        Set<String> allowedLists = COMPONENTS_BY_TYPE.getOrDefault(type, Set.of());
        for (String list : COMPONENT_LISTS) {
            if (!definition.has(list)) {
                continue;
            }
            if (!allowedLists.contains(list)) {
                throw bad(path + "." + list + ": not used by a " + type + " interaction");
            }
            components(definition.get(list), path + "." + list);
        }
    }

    private void components(JsonNode node, String path) {
        if (!node.isArray()) {
            throw bad(path + ": must be an array of interaction components");
        }
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode c : node) {
            String cPath = path + "[" + i++ + "]";
            ObjectNode component = object(c, cPath);
            allowed(component, Set.of("id", "description"), cPath);
            String id = text(required(component, "id", cPath), cPath + ".id");
            if (!ids.add(id)) {
                throw bad(cPath + ".id: " + id + " appears twice in the same list");
            }
            if (component.has("description")) {
                languageMap(component.get("description"), cPath + ".description");
            }
        }
    }

    private void statementRef(ObjectNode ref, String path) {
        allowed(ref, STATEMENT_REF_KEYS, path);
        if (!"StatementRef".equals(ref.path("objectType").asText())) {
            throw bad(path + ".objectType: must be StatementRef");
        }
        uuid(required(ref, "id", path), path + ".id");
    }

    private void subStatement(ObjectNode sub, String path) {
        for (String forbidden : new String[]{"id", "stored", "version", "authority"}) {
            if (sub.has(forbidden)) {
                throw bad(path + "." + forbidden + ": not allowed in a SubStatement");
            }
        }
        allowed(sub, SUB_STATEMENT_KEYS, path);
        actor(required(sub, "actor", path), path + ".actor");
        verb(required(sub, "verb", path), path + ".verb");
        String objectType = object(sub, required(sub, "object", path), path + ".object", true);
        if (sub.has("result")) {
            result(sub.get("result"), path + ".result");
        }
        if (sub.has("context")) {
            context(sub.get("context"), objectType, path + ".context");
        }
        if (sub.has("timestamp")) {
            sub.put("timestamp", timestamp(sub.get("timestamp"), path + ".timestamp"));
        }
        if (sub.has("attachments")) {
            attachments(sub.get("attachments"), path + ".attachments");
        }
        if (VOIDED.equals(sub.path("verb").path("id").asText()) && !"StatementRef".equals(objectType)) {
            throw bad(path + ".object: a voiding statement must have a StatementRef as its object");
        }
    }

    // ------------------------------------------------------------------ result, context, attachments

    private void result(JsonNode node, String path) {
        ObjectNode result = object(node, path);
        allowed(result, RESULT_KEYS, path);
        if (result.has("score")) {
            score(result.get("score"), path + ".score");
        }
        if (result.has("success")) {
            bool(result.get("success"), path + ".success");
        }
        if (result.has("completion")) {
            bool(result.get("completion"), path + ".completion");
        }
        if (result.has("response")) {
            text(result.get("response"), path + ".response");
        }
        if (result.has("duration") && !Formats.isDuration(text(result.get("duration"), path + ".duration"))) {
            throw bad(path + ".duration: must be an ISO 8601 duration such as PT1H30M or PT45.5S");
        }
        if (result.has("extensions")) {
            extensions(result.get("extensions"), path + ".extensions");
        }
    }

    private void score(JsonNode node, String path) {
        ObjectNode score = object(node, path);
        allowed(score, SCORE_KEYS, path);
        BigDecimal scaled = number(score, "scaled", path);
        BigDecimal raw = number(score, "raw", path);
        BigDecimal min = number(score, "min", path);
        BigDecimal max = number(score, "max", path);
        if (scaled != null && (scaled.compareTo(BigDecimal.ONE) > 0 || scaled.compareTo(BigDecimal.ONE.negate()) < 0)) {
            throw bad(path + ".scaled: must lie between -1 and 1");
        }
        if (min != null && max != null && min.compareTo(max) >= 0) {
            throw bad(path + ": min must be less than max");
        }
        if (raw != null && min != null && raw.compareTo(min) < 0) {
            throw bad(path + ".raw: below min");
        }
        if (raw != null && max != null && raw.compareTo(max) > 0) {
            throw bad(path + ".raw: above max");
        }
    }

    private BigDecimal number(ObjectNode parent, String key, String path) {
        if (!parent.has(key)) {
            return null;
        }
        JsonNode n = parent.get(key);
        if (!n.isNumber()) {
            throw bad(path + "." + key + ": must be a number");
        }
        return n.decimalValue();
    }

    private void context(JsonNode node, String objectType, String path) {
        ObjectNode context = object(node, path);
        allowed(context, version == XapiVersion.V1_0_3 ? CONTEXT_KEYS_1 : CONTEXT_KEYS_2, path);
        if (context.has("registration")) {
            uuid(context.get("registration"), path + ".registration");
        }
        if (context.has("instructor")) {
            actor(context.get("instructor"), path + ".instructor");
        }
        if (context.has("team")) {
            ObjectNode team = object(context.get("team"), path + ".team");
            if (!"Group".equals(team.path("objectType").asText())) {
                throw bad(path + ".team: must be a Group (objectType Group)");
            }
            group(team, path + ".team");
        }
        if (context.has("contextActivities")) {
            contextActivities(context.get("contextActivities"), path + ".contextActivities");
        }
        boolean activityObject = "Activity".equals(objectType);
        for (String key : new String[]{"revision", "platform"}) {
            if (context.has(key)) {
                text(context.get(key), path + "." + key);
                if (!activityObject) {
                    throw bad(path + "." + key + ": only allowed when the object is an Activity");
                }
            }
        }
        if (context.has("language") && !Formats.isLanguageTag(text(context.get("language"), path + ".language"))) {
            throw bad(path + ".language: must be a language tag (RFC 5646), e.g. vi or vi-VN");
        }
        if (context.has("statement")) {
            statementRef(object(context.get("statement"), path + ".statement"), path + ".statement");
        }
        if (context.has("extensions")) {
            extensions(context.get("extensions"), path + ".extensions");
        }
        if (context.has("contextAgents")) {
            contextMembers(context.get("contextAgents"), "contextAgent", "agent", path + ".contextAgents");
        }
        if (context.has("contextGroups")) {
            contextMembers(context.get("contextGroups"), "contextGroup", "group", path + ".contextGroups");
        }
    }

    private void contextActivities(JsonNode node, String path) {
        ObjectNode activities = object(node, path);
        allowed(activities, CONTEXT_ACTIVITY_KEYS, path);
        for (String key : CONTEXT_ACTIVITY_KEYS) {
            if (!activities.has(key)) {
                continue;
            }
            JsonNode value = activities.get(key);
            if (value.isObject()) {
                ArrayNode wrapped = JsonNodeFactory.instance.arrayNode();
                wrapped.add(value);
                activities.set(key, wrapped); // always an array on the way out
                value = wrapped;
            }
            if (!value.isArray()) {
                throw bad(path + "." + key + ": must be an Activity or an array of Activities");
            }
            int i = 0;
            for (JsonNode a : value) {
                String aPath = path + "." + key + "[" + i++ + "]";
                ObjectNode activity = object(a, aPath);
                if (activity.has("objectType") && !"Activity".equals(activity.get("objectType").asText())) {
                    throw bad(aPath + ".objectType: must be Activity");
                }
                activity(activity, aPath);
            }
        }
    }

    private void contextMembers(JsonNode node, String objectType, String key, String path) {
        if (!node.isArray()) {
            throw bad(path + ": must be an array");
        }
        int i = 0;
        for (JsonNode entry : node) {
            String ePath = path + "[" + i++ + "]";
            ObjectNode e = object(entry, ePath);
            allowed(e, Set.of("objectType", key, "relevantTypes"), ePath);
            if (!objectType.equals(e.path("objectType").asText()) || !e.get("objectType").isTextual()) {
                throw bad(ePath + ".objectType: must be " + objectType);
            }
            JsonNode who = required(e, key, ePath);
            if ("group".equals(key)) {
                ObjectNode g = object(who, ePath + ".group");
                if (!"Group".equals(g.path("objectType").asText())) {
                    throw bad(ePath + ".group: must be a Group (objectType Group)");
                }
                group(g, ePath + ".group");
            } else {
                actor(who, ePath + ".agent");
                if ("Group".equals(who.path("objectType").asText())) {
                    throw bad(ePath + ".agent: must be an Agent; put Groups in contextGroups");
                }
            }
            if (e.has("relevantTypes")) {
                JsonNode types = e.get("relevantTypes");
                if (!types.isArray() || types.isEmpty()) {
                    throw bad(ePath + ".relevantTypes: must be a non-empty array of IRIs");
                }
                int j = 0;
                for (JsonNode t : types) {
                    iri(t, ePath + ".relevantTypes[" + j++ + "]");
                }
            }
        }
    }

    private void attachments(JsonNode node, String path) {
        if (!node.isArray()) {
            throw bad(path + ": must be an array of Attachments");
        }
        int i = 0;
        for (JsonNode a : node) {
            String aPath = path + "[" + i++ + "]";
            ObjectNode attachment = object(a, aPath);
            allowed(attachment, ATTACHMENT_KEYS, aPath);
            iri(required(attachment, "usageType", aPath), aPath + ".usageType");
            languageMap(required(attachment, "display", aPath), aPath + ".display");
            if (attachment.has("description")) {
                languageMap(attachment.get("description"), aPath + ".description");
            }
            String contentType = text(required(attachment, "contentType", aPath), aPath + ".contentType");
            if (!contentType.matches("[\\w.+\\-]+/[\\w.+\\-]+(\\s*;.*)?")) {
                throw bad(aPath + ".contentType: must be a media type such as application/pdf");
            }
            JsonNode length = required(attachment, "length", aPath);
            if (!length.isIntegralNumber() || length.asLong() < 0) {
                throw bad(aPath + ".length: must be a whole number of bytes");
            }
            String sha2 = text(required(attachment, "sha2", aPath), aPath + ".sha2");
            if (sha2.isEmpty() || !sha2.matches("[0-9a-fA-F]+")) {
                throw bad(aPath + ".sha2: must be the hexadecimal SHA-2 of the attachment");
            }
            if (attachment.has("fileUrl")) {
                iri(attachment.get("fileUrl"), aPath + ".fileUrl");
            }
        }
    }

    // ------------------------------------------------------------------ small types

    private void languageMap(JsonNode node, String path) {
        ObjectNode map = object(node, path);
        if (map.isEmpty()) {
            throw bad(path + ": a language map needs at least one entry, e.g. {\"vi\": \"…\"}");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!Formats.isLanguageTag(e.getKey())) {
                throw bad(path + ": " + e.getKey() + " is not a language tag (RFC 5646)");
            }
            text(e.getValue(), path + "." + e.getKey());
        }
    }

    private void extensions(JsonNode node, String path) {
        ObjectNode map = object(node, path);
        map.fieldNames().forEachRemaining(key -> {
            if (!Formats.isIri(key)) {
                throw bad(path + ": extension keys must be IRIs, not " + key);
            }
        });
    }

    private String timestamp(JsonNode node, String path) {
        String value = text(node, path);
        return Formats.parseTimestamp(value).map(Formats::formatTimestamp)
                .orElseThrow(() -> bad(path + ": " + value + " is not an ISO 8601 timestamp with a time zone"));
    }

    private static void uuid(JsonNode node, String path) {
        if (!node.isTextual() || !Formats.isUuid(node.asText())) {
            throw bad(path + ": must be a UUID such as 936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11");
        }
    }

    private static void iri(JsonNode node, String path) {
        if (!node.isTextual() || !Formats.isIri(node.asText())) {
            throw bad(path + ": must be an absolute IRI (with a scheme), not " + node);
        }
    }

    private static void bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw bad(path + ": must be true or false");
        }
    }

    private static String text(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw bad(path + ": must be a string");
        }
        return node.asText();
    }

    static ObjectNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw bad(path + ": must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static JsonNode required(ObjectNode parent, String key, String path) {
        JsonNode value = parent.get(key);
        if (value == null) {
            throw bad(path + "." + key + ": required");
        }
        return value;
    }

    /** No property outside the allowed set, and no nulls (outside extensions). */
    private static void allowed(ObjectNode node, Set<String> keys, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!keys.contains(e.getKey())) {
                throw bad(path + "." + e.getKey() + ": not a property xAPI allows here");
            }
            if (e.getValue().isNull()) {
                throw bad(path + "." + e.getKey() + ": null is not allowed");
            }
        }
    }

    private static XapiException bad(String message) {
        return XapiException.badRequest(message);
    }
}
