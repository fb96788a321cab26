package vn.hoctap.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether two statements are "the same statement" in the sense of the specification's
 * immutability rules: when a statement arrives with an id the store already holds (a client
 * retrying after a lost answer), and when a signature's payload is checked against the statement.
 *
 * <p>Differences that do not count: what the store assigns (id, authority, stored, version),
 * attachments, verb display, activity definitions, the order of group members, how a timestamp is
 * written (the instant counts) and duration precision beyond hundredths of a second. Everything
 * else counts: a retry with another result is a conflict, not a duplicate.
 */
public final class StatementComparison {

    private StatementComparison() {
    }

    public static boolean same(JsonNode a, JsonNode b) {
        JsonNode x = normalise(a);
        JsonNode y = normalise(b);
        if (!x.has("timestamp") || !y.has("timestamp")) {
            // a statement sent without one gets the stored time: a retry without one is the same
            ((ObjectNode) x).remove("timestamp");
            ((ObjectNode) y).remove("timestamp");
        }
        return x.equals(y);
    }

    static JsonNode normalise(JsonNode statement) {
        ObjectNode s = statement.deepCopy();
        for (String assigned : new String[]{"id", "authority", "stored", "version", "attachments"}) {
            s.remove(assigned);
        }
        statementParts(s);
        return s;
    }

    private static void statementParts(ObjectNode s) {
        if (s.get("timestamp") != null && s.get("timestamp").isTextual()) {
            String t = s.get("timestamp").asText();
            Formats.parseTimestamp(t).ifPresent(instant -> s.put("timestamp", Formats.formatTimestamp(instant)));
        }
        if (s.get("verb") instanceof ObjectNode verb) {
            verb.remove("display");
        }
        agent(s.get("actor"));
        if (s.get("object") instanceof ObjectNode object) {
            String type = object.path("objectType").asText("Activity");
            switch (type) {
                case "Activity" -> {
                    object.remove("definition");
                    object.remove("objectType");
                }
                case "Agent", "Group" -> agent(object);
                case "SubStatement" -> {
                    object.remove("attachments");
                    statementParts(object);
                }
                default -> object.put("id", object.path("id").asText().toLowerCase());
            }
        }
        if (s.get("result") instanceof ObjectNode result && result.get("duration") != null) {
            result.put("duration", Formats.durationToHundredths(result.get("duration").asText()));
        }
        if (s.get("context") instanceof ObjectNode context) {
            if (context.get("registration") != null) {
                context.put("registration", context.get("registration").asText().toLowerCase());
            }
            agent(context.get("instructor"));
            agent(context.get("team"));
            if (context.get("contextActivities") instanceof ObjectNode lists) {
                lists.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    if (v.isObject()) {
                        ArrayNode wrapped = lists.arrayNode().add(v);
                        e.setValue(wrapped);
                        v = wrapped;
                    }
                    for (JsonNode a : v) {
                        if (a instanceof ObjectNode activity) {
                            activity.remove("definition");
                            activity.remove("objectType");
                        }
                    }
                });
            }
        }
    }

    private static void agent(JsonNode node) {
        if (!(node instanceof ObjectNode agent)) {
            return;
        }
        if ("Agent".equals(agent.path("objectType").asText())) {
            agent.remove("objectType"); // the default
        }
        if (agent.get("mbox") != null) {
            agent.put("mbox", lowerDomain(agent.get("mbox").asText()));
        }
        if (agent.get("mbox_sha1sum") != null) {
            agent.put("mbox_sha1sum", agent.get("mbox_sha1sum").asText().toLowerCase());
        }
        if (agent.get("member") instanceof ArrayNode members) {
            List<JsonNode> sorted = new ArrayList<>();
            members.forEach(m -> {
                agent(m);
                sorted.add(m);
            });
            sorted.sort(Comparator.comparing(JsonNode::toString));
            members.removeAll();
            sorted.forEach(members::add);
        }
    }

    private static String lowerDomain(String mbox) {
        int at = mbox.lastIndexOf('@');
        return at < 0 ? mbox : mbox.substring(0, at) + mbox.substring(at).toLowerCase();
    }
}
