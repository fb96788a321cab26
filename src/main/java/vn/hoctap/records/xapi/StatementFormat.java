package vn.hoctap.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The three shapes a statement can be returned in ({@code format=exact|ids|canonical}).
 * <ul>
 * <li>exact: as stored;</li>
 * <li>ids: Agents and Groups reduced to their identifier, Activities to their id, Verbs to their
 * id — the smallest answer, for systems that only count;</li>
 * <li>canonical: Activities carry the store's definition, and every language map is cut to the one
 * language that best fits the client's {@code Accept-Language}.</li>
 * </ul>
 */
public final class StatementFormat {

    public enum Shape {
        EXACT, IDS, CANONICAL;

        public static Shape parse(String value) {
            return switch (value) {
                case "exact" -> EXACT;
                case "ids" -> IDS;
                case "canonical" -> CANONICAL;
                default -> throw XapiException.badRequest("format: must be exact, ids or canonical");
            };
        }
    }

    private final Shape shape;
    private final List<String> languages;
    private final Function<String, Optional<ObjectNode>> definitions;

    /**
     * @param acceptLanguage the client's Accept-Language header, or null
     * @param definitions    the canonical definition of an activity id, when the store has one
     */
    public StatementFormat(Shape shape, String acceptLanguage, Function<String, Optional<ObjectNode>> definitions) {
        this.shape = shape;
        this.languages = preferredLanguages(acceptLanguage);
        this.definitions = definitions;
    }

    public Shape shape() {
        return shape;
    }

    /** The statement in this shape; the argument is not changed. */
    public JsonNode apply(JsonNode stored) {
        if (shape == Shape.EXACT) {
            return stored;
        }
        ObjectNode s = stored.deepCopy();
        statement(s);
        return s;
    }

    private void statement(ObjectNode s) {
        replace(s, "actor", this::agent);
        replace(s, "verb", this::verb);
        replace(s, "object", this::object);
        replace(s, "authority", this::agent);
        if (s.get("context") instanceof ObjectNode context) {
            replace(context, "instructor", this::agent);
            replace(context, "team", this::agent);
            if (context.get("contextActivities") instanceof ObjectNode lists) {
                lists.fields().forEachRemaining(e -> {
                    if (e.getValue() instanceof ArrayNode array) {
                        for (int i = 0; i < array.size(); i++) {
                            array.set(i, activity((ObjectNode) array.get(i), true));
                        }
                    }
                });
            }
            for (JsonNode entry : context.path("contextAgents")) {
                replace((ObjectNode) entry, "agent", this::agent);
            }
            for (JsonNode entry : context.path("contextGroups")) {
                replace((ObjectNode) entry, "group", this::agent);
            }
        }
    }

    private JsonNode object(JsonNode node) {
        ObjectNode object = (ObjectNode) node;
        String type = object.path("objectType").asText("Activity");
        return switch (type) {
            case "Agent", "Group" -> agent(object);
            case "SubStatement" -> {
                statement(object);
                yield object;
            }
            case "StatementRef" -> object;
            default -> activity(object, false);
        };
    }

    private JsonNode agent(JsonNode node) {
        if (shape != Shape.IDS || !(node instanceof ObjectNode agent)) {
            return node;
        }
        ObjectNode out = XapiJson.object();
        if (agent.has("objectType")) {
            out.set("objectType", agent.get("objectType"));
        }
        for (String ifi : new String[]{"mbox", "mbox_sha1sum", "openid", "account"}) {
            if (agent.has(ifi)) {
                out.set(ifi, agent.get(ifi));
            }
        }
        boolean anonymous = out.size() == (agent.has("objectType") ? 1 : 0);
        if (anonymous && agent.get("member") instanceof ArrayNode members) {
            ArrayNode reduced = out.putArray("member");
            members.forEach(m -> reduced.add(agent(m)));
        }
        return out;
    }

    private JsonNode verb(JsonNode node) {
        ObjectNode verb = (ObjectNode) node;
        if (shape == Shape.IDS) {
            ObjectNode out = XapiJson.object();
            out.set("id", verb.get("id"));
            return out;
        }
        if (verb.get("display") instanceof ObjectNode display) {
            verb.set("display", oneLanguage(display));
        }
        return verb;
    }

    private ObjectNode activity(ObjectNode activity, boolean inContext) {
        if (shape == Shape.IDS) {
            ObjectNode out = XapiJson.object();
            out.set("id", activity.get("id"));
            return out;
        }
        ObjectNode definition = definitions.apply(activity.path("id").asText())
                .map(ObjectNode::deepCopy)
                .orElse(activity.get("definition") instanceof ObjectNode d ? d : null);
        if (definition != null) {
            reduceLanguages(definition);
            activity.set("definition", definition);
        }
        return activity;
    }

    private void reduceLanguages(ObjectNode definition) {
        for (String map : new String[]{"name", "description"}) {
            if (definition.get(map) instanceof ObjectNode m) {
                definition.set(map, oneLanguage(m));
            }
        }
        for (String list : new String[]{"choices", "scale", "source", "target", "steps"}) {
            for (JsonNode component : definition.path(list)) {
                if (component.get("description") instanceof ObjectNode m) {
                    ((ObjectNode) component).set("description", oneLanguage(m));
                }
            }
        }
    }

    /** The entry of a language map that best fits the client's languages (or the first one). */
    ObjectNode oneLanguage(ObjectNode map) {
        if (map.size() <= 1) {
            return map;
        }
        String chosen = null;
        for (String wanted : languages) {
            chosen = match(map, wanted);
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            chosen = map.fieldNames().next();
        }
        ObjectNode out = XapiJson.object();
        out.set(chosen, map.get(chosen));
        return out;
    }

    private static String match(ObjectNode map, String wanted) {
        if (wanted.equals("*")) {
            return map.fieldNames().next();
        }
        Iterator<String> keys = map.fieldNames();
        String prefixMatch = null;
        while (keys.hasNext()) {
            String key = keys.next();
            String k = key.toLowerCase(Locale.ROOT);
            if (k.equals(wanted)) {
                return key;
            }
            if (prefixMatch == null && (k.startsWith(wanted + "-") || wanted.startsWith(k + "-"))) {
                prefixMatch = key;
            }
        }
        return prefixMatch;
    }

    /** Accept-Language ranges, best first (RFC 7231 quality values). */
    static List<String> preferredLanguages(String header) {
        List<Map.Entry<String, Double>> ranges = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                String[] pieces = part.trim().split(";");
                if (pieces[0].isBlank()) {
                    continue;
                }
                double q = 1.0;
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].trim();
                    if (p.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                if (q > 0) {
                    ranges.add(Map.entry(pieces[0].trim().toLowerCase(Locale.ROOT), q));
                }
            }
        }
        ranges.sort(Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        List<String> out = new ArrayList<>();
        ranges.forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static void replace(ObjectNode parent, String key, Function<JsonNode, JsonNode> f) {
        JsonNode value = parent.get(key);
        if (value != null && value.isObject()) {
            parent.set(key, f.apply(value));
        }
    }
}
