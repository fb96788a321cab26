package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.records.xapi.Ifi;
import vn.hoctap.records.xapi.XapiJson;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical definition of each activity (what {@code GET /xapi/activities} and the canonical
 * statement format answer): built from the definitions statements carry. Language maps are merged
 * (a French name sent later joins the English one); other properties take the latest value.
 */
@ApplicationScoped
public class ActivityDefinitions {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    /** Merges the definitions carried by these statements into the canonical ones. */
    public void merge(Connection c, List<JsonNode> statements, LocalDateTime now) throws SQLException {
        Map<String, ObjectNode> incoming = new LinkedHashMap<>();
        for (JsonNode s : statements) {
            collect(s, incoming);
            if ("SubStatement".equals(s.path("object").path("objectType").asText())) {
                collect(s.path("object"), incoming);
            }
        }
        if (incoming.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> existing = load(c, incoming.keySet());
        List<Object[]> writes = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : incoming.entrySet()) {
            ObjectNode before = existing.get(e.getKey());
            ObjectNode after = before == null ? e.getValue() : merge(before, e.getValue());
            if (!after.equals(before)) {
                writes.add(new Object[]{Ifi.hash(e.getKey()), e.getKey(), XapiJson.write(after)});
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        writes.sort(java.util.Comparator.comparing(w -> java.util.HexFormat.of().formatHex((byte[]) w[0])));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xapi_activity (hash, activity_id, definition, updated) "
                + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE definition = VALUES(definition), updated = VALUES(updated)")) {
            for (Object[] w : writes) {
                ps.setBytes(1, (byte[]) w[0]);
                ps.setString(2, (String) w[1]);
                ps.setString(3, (String) w[2]);
                ps.setObject(4, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The canonical definition of an activity, if any statement defined it. */
    public Optional<ObjectNode> definition(String activityId) {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(load(c, List.of(activityId)).get(activityId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode statement, Map<String, ObjectNode> into) {
        JsonNode object = statement.path("object");
        if ("Activity".equals(object.path("objectType").asText("Activity"))) {
            add(object, into);
        }
        JsonNode lists = statement.path("context").path("contextActivities");
        lists.forEach(list -> list.forEach(a -> add(a, into)));
    }

    private static void add(JsonNode activity, Map<String, ObjectNode> into) {
        if (activity.get("definition") instanceof ObjectNode definition && activity.hasNonNull("id")) {
            into.merge(activity.get("id").asText(), definition.deepCopy(), ActivityDefinitions::merge);
        }
    }

    static ObjectNode merge(ObjectNode base, ObjectNode incoming) {
        ObjectNode out = base.deepCopy();
        incoming.fields().forEachRemaining(e -> {
            boolean languageMap = e.getKey().equals("name") || e.getKey().equals("description");
            if (languageMap && out.get(e.getKey()) instanceof ObjectNode map && e.getValue() instanceof ObjectNode add) {
                map.setAll(add);
            } else {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static Map<String, ObjectNode> load(Connection c, java.util.Collection<String> ids) throws SQLException {
        Map<String, ObjectNode> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        for (List<String> chunk : StatementStore.chunks(list, 500)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT activity_id, definition FROM xapi_activity WHERE hash IN ("
                    + StatementStore.marks(chunk.size()) + ")")) {
                int i = 1;
                for (String id : chunk) {
                    ps.setBytes(i++, Ifi.hash(id));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String definition = rs.getString(2);
                        if (definition != null) {
                            out.put(rs.getString(1), (ObjectNode) XapiJson.parse(definition.getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
        }
        return out;
    }
}
