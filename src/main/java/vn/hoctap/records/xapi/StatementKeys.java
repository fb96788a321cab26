package vn.hoctap.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a statement can be found by, for the query filters of the Statement resource. Each key is
 * a kind and the 16-byte hash of an identifier:
 * <ul>
 * <li>{@link #AGENT}: the actor, or the object when it is an Agent or Group, and the members of
 * such a Group (an agent filter matches a Group its agent belongs to);</li>
 * <li>{@link #RELATED_AGENT}: those, plus authority, instructor, team, context agents and groups,
 * and the same inside a SubStatement ({@code related_agents=true});</li>
 * <li>{@link #ACTIVITY}: the object's activity id; {@link #RELATED_ACTIVITY}: also the context
 * activities and the SubStatement's ({@code related_activities=true});</li>
 * <li>{@link #VERB}, {@link #REGISTRATION}.</li>
 * </ul>
 * A statement whose object is a StatementRef also carries its target's keys (the store adds them),
 * so that a filter finds the statements about a matching statement, as the specification asks.
 */
public final class StatementKeys {

    public static final int AGENT = 1;
    public static final int RELATED_AGENT = 2;
    public static final int ACTIVITY = 3;
    public static final int RELATED_ACTIVITY = 4;
    public static final int VERB = 5;
    public static final int REGISTRATION = 6;

    /** One key: a kind and the hash of an identifier (an IFI, an IRI or a registration). */
    public record Key(int kind, String value) {
        public byte[] hash() {
            return Ifi.hash(value);
        }
    }

    private StatementKeys() {
    }

    public static Set<Key> of(JsonNode statement) {
        Set<Key> keys = new LinkedHashSet<>();
        JsonNode actor = statement.path("actor");
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asText("Activity");

        for (String ifi : identities(actor)) {
            keys.add(new Key(AGENT, ifi));
        }
        if (objectType.equals("Agent") || objectType.equals("Group")) {
            for (String ifi : identities(object)) {
                keys.add(new Key(AGENT, ifi));
            }
        }
        for (Key k : List.copyOf(keys)) {
            keys.add(new Key(RELATED_AGENT, k.value()));
        }
        relatedAgents(statement, keys);
        for (String ifi : identities(statement.path("authority"))) {
            keys.add(new Key(RELATED_AGENT, ifi));
        }
        if (objectType.equals("Activity")) {
            keys.add(new Key(ACTIVITY, object.path("id").asText()));
            keys.add(new Key(RELATED_ACTIVITY, object.path("id").asText()));
        }
        contextActivities(statement.path("context"), keys);
        if (objectType.equals("SubStatement")) {
            for (String ifi : identities(object.path("actor"))) {
                keys.add(new Key(RELATED_AGENT, ifi));
            }
            JsonNode inner = object.path("object");
            String innerType = inner.path("objectType").asText("Activity");
            if (innerType.equals("Agent") || innerType.equals("Group")) {
                for (String ifi : identities(inner)) {
                    keys.add(new Key(RELATED_AGENT, ifi));
                }
            } else if (innerType.equals("Activity")) {
                keys.add(new Key(RELATED_ACTIVITY, inner.path("id").asText()));
            }
            relatedAgents(object, keys);
            contextActivities(object.path("context"), keys);
        }
        keys.add(new Key(VERB, statement.path("verb").path("id").asText()));
        String registration = statement.path("context").path("registration").asText(null);
        if (registration != null) {
            keys.add(new Key(REGISTRATION, registration.toLowerCase()));
        }
        return keys;
    }

    /** The key of the statement's actor: its IFI, or for an Anonymous Group its members'. */
    public static String actorIdentity(JsonNode actor) {
        return Ifi.of(actor).orElseGet(() -> {
            List<String> members = new ArrayList<>();
            actor.path("member").forEach(m -> Ifi.of(m).ifPresent(members::add));
            members.sort(null);
            return "group:" + String.join(",", members);
        });
    }

    /** The key of the statement's object, whatever its type. */
    public static String objectIdentity(JsonNode object) {
        String type = object.path("objectType").asText("Activity");
        return switch (type) {
            case "Agent", "Group" -> actorIdentity(object);
            case "StatementRef" -> "statement:" + object.path("id").asText().toLowerCase();
            case "SubStatement" -> "substatement";
            default -> object.path("id").asText();
        };
    }

    private static void relatedAgents(JsonNode statement, Set<Key> keys) {
        JsonNode context = statement.path("context");
        for (String ifi : identities(context.path("instructor"))) {
            keys.add(new Key(RELATED_AGENT, ifi));
        }
        for (String ifi : identities(context.path("team"))) {
            keys.add(new Key(RELATED_AGENT, ifi));
        }
        for (JsonNode entry : context.path("contextAgents")) {
            for (String ifi : identities(entry.path("agent"))) {
                keys.add(new Key(RELATED_AGENT, ifi));
            }
        }
        for (JsonNode entry : context.path("contextGroups")) {
            for (String ifi : identities(entry.path("group"))) {
                keys.add(new Key(RELATED_AGENT, ifi));
            }
        }
    }

    private static void contextActivities(JsonNode context, Set<Key> keys) {
        JsonNode activities = context.path("contextActivities");
        for (String list : new String[]{"parent", "grouping", "category", "other"}) {
            JsonNode value = activities.path(list);
            if (value.isObject()) {
                keys.add(new Key(RELATED_ACTIVITY, value.path("id").asText()));
            }
            for (JsonNode a : value) {
                if (a.isObject()) {
                    keys.add(new Key(RELATED_ACTIVITY, a.path("id").asText()));
                }
            }
        }
    }

    /** An Agent's or Group's own identity, and each member's. */
    private static List<String> identities(JsonNode agentOrGroup) {
        List<String> out = new ArrayList<>();
        if (agentOrGroup == null || !agentOrGroup.isObject()) {
            return out;
        }
        Optional<String> own = Ifi.of(agentOrGroup);
        own.ifPresent(out::add);
        for (JsonNode member : agentOrGroup.path("member")) {
            Ifi.of(member).ifPresent(out::add);
        }
        return out;
    }
}
