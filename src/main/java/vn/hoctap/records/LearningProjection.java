package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.records.xapi.Formats;
import vn.hoctap.records.xapi.Ifi;
import vn.hoctap.records.xapi.StatementKeys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-person, per-activity summary ({@code learning_summary}): attempted, completed, passed,
 * score, time spent, credited minutes, first and last seen. Kept up to date in the transaction
 * that stores the statements, whoever sent them, so pages read one row instead of scanning the
 * store; a voided statement makes its row be rebuilt from the statements that remain.
 *
 * <p>Time spent is the sum of session lengths (durations on terminated, exited, suspended) when
 * the activity reports sessions, otherwise the sum of the other durations: content that reports
 * both would otherwise be counted twice.
 */
@ApplicationScoped
public class LearningProjection {

    private static final String UPSERT = "INSERT INTO learning_summary (agent, activity, person_id, activity_iri, "
            + "activity_name, activity_type, topic, provider, entered_by, attempted, completed, passed, score_scaled, best_scaled, session_ms, "
            + "other_ms, credited_min, statements, first_seen, last_seen, completed_at, last_completed_at) VALUES ";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,TRUE,?,?,?,?,?,?,?,1,?,?,?,?)";
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE "
            + "person_id = COALESCE(VALUES(person_id), person_id), "
            + "activity_name = COALESCE(VALUES(activity_name), activity_name), "
            + "activity_type = COALESCE(VALUES(activity_type), activity_type), "
            + "topic = COALESCE(VALUES(topic), topic), "
            + "provider = COALESCE(VALUES(provider), provider), "
            + "entered_by = COALESCE(VALUES(entered_by), entered_by), "
            + "completed = completed OR VALUES(completed), "
            + "passed = CASE WHEN VALUES(passed) IS NULL THEN passed WHEN passed THEN TRUE ELSE VALUES(passed) END, "
            + "score_scaled = COALESCE(VALUES(score_scaled), score_scaled), "
            + "best_scaled = CASE WHEN best_scaled IS NULL THEN VALUES(best_scaled) "
            + "  WHEN VALUES(best_scaled) IS NULL THEN best_scaled ELSE GREATEST(best_scaled, VALUES(best_scaled)) END, "
            + "session_ms = session_ms + VALUES(session_ms), other_ms = other_ms + VALUES(other_ms), "
            + "credited_min = GREATEST(credited_min, VALUES(credited_min)), statements = statements + 1, "
            + "first_seen = LEAST(first_seen, VALUES(first_seen)), last_seen = GREATEST(last_seen, VALUES(last_seen)), "
            + "completed_at = CASE WHEN completed_at IS NULL THEN VALUES(completed_at) "
            + "  WHEN VALUES(completed_at) IS NULL THEN completed_at ELSE LEAST(completed_at, VALUES(completed_at)) END, "
            + "last_completed_at = CASE WHEN last_completed_at IS NULL THEN VALUES(last_completed_at) "
            + "  WHEN VALUES(last_completed_at) IS NULL THEN last_completed_at ELSE GREATEST(last_completed_at, VALUES(last_completed_at)) END";

    @Inject
    StatementStore store;

    /** A statement to project, with the person its actor stands for (or null). */
    public record Item(JsonNode statement, Long personId) {
    }

    /** What one statement says about its actor and activity; null when it is not about an activity. */
    record Facts(byte[] agent, byte[] activity, Long personId, String iri, String name, String type, String topic,
                 String provider, Long enteredBy, boolean completed, Boolean passed, BigDecimal scaled, long sessionMs, long otherMs, int creditedMin,
                 LocalDateTime at) {
    }

    public void apply(Connection c, List<Item> items) throws SQLException {
        List<Facts> rows = new ArrayList<>();
        for (Item item : items) {
            Facts f = facts(item.statement(), item.personId());
            if (f != null) {
                rows.add(f);
            }
        }
        // in key order, so that concurrent batches lock rows in the same order (no deadlocks)
        rows.sort(java.util.Comparator.comparing((Facts f) -> java.util.HexFormat.of().formatHex(f.agent())
                + java.util.HexFormat.of().formatHex(f.activity())));
        for (List<Facts> chunk : StatementStore.chunks(rows, 500)) {
            write(c, chunk);
        }
    }

    /** Rebuilds the rows that voided statements contributed to. */
    public void rebuild(Connection c, List<StatementStore.StoredStatement> voided) throws SQLException {
        Map<String, Facts> rowsToRebuild = new LinkedHashMap<>();
        for (StatementStore.StoredStatement s : voided) {
            Facts f = facts(s.json(), null);
            if (f != null) {
                rowsToRebuild.putIfAbsent(java.util.HexFormat.of().formatHex(f.agent()) + java.util.HexFormat.of()
                        .formatHex(f.activity()), f);
            }
        }
        for (Facts f : rowsToRebuild.values()) {
            Long person = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM learning_summary WHERE agent = ? AND activity = ?")) {
                ps.setBytes(1, f.agent());
                ps.setBytes(2, f.activity());
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) {
                        person = (Long) rs.getObject(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM learning_summary WHERE agent = ? AND activity = ?")) {
                ps.setBytes(1, f.agent());
                ps.setBytes(2, f.activity());
                ps.executeUpdate();
            }
            List<Item> remaining = new ArrayList<>();
            for (StatementStore.StoredStatement s : store.about(f.agent(), f.activity())) {
                remaining.add(new Item(s.json(), person));
            }
            apply(c, remaining);
        }
    }

    static Facts facts(JsonNode s, Long personId) {
        JsonNode actor = s.path("actor");
        JsonNode object = s.path("object");
        if ("Group".equals(actor.path("objectType").asText())
                || !"Activity".equals(object.path("objectType").asText("Activity"))) {
            return null;
        }
        String verb = s.path("verb").path("id").asText();
        JsonNode result = s.path("result");
        JsonNode definition = object.path("definition");
        boolean completed = Vocabulary.COMPLETED.equals(verb) || result.path("completion").asBoolean(false);
        Boolean passed = null;
        if (Vocabulary.PASSED.equals(verb)) {
            passed = true;
        } else if (Vocabulary.FAILED.equals(verb)) {
            passed = false;
        } else if (result.path("success").isBoolean()) {
            passed = result.path("success").asBoolean();
        }
        long duration = Formats.durationMillis(result.path("duration").asText(null)).orElse(0L);
        boolean session = Vocabulary.endsSession(verb);
        JsonNode credited = result.path("extensions").path(Vocabulary.CREDITED_MINUTES);
        JsonNode extensions = s.path("context").path("extensions");
        JsonNode enteredBy = extensions.path(Vocabulary.ENTERED_BY);
        LocalDateTime at = Formats.parseTimestamp(s.path("timestamp").asText(null))
                .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())
                .orElseGet(() -> Formats.parseTimestamp(s.path("stored").asText()).orElseThrow()
                        .toLocalDateTime());
        return new Facts(Ifi.hash(StatementKeys.actorIdentity(actor)), Ifi.hash(object.path("id").asText()), personId,
                object.path("id").asText(), name(definition.path("name")), text(definition.path("type"), 500),
                text(extensions.path(Vocabulary.TOPIC), 200), text(extensions.path(Vocabulary.PROVIDER), 300),
                enteredBy.canConvertToLong() ? enteredBy.asLong() : null, completed, passed,
                scaled(result.path("score")), session ? duration : 0, session ? 0 : duration,
                credited.isNumber() ? Math.max(0, credited.asInt()) : 0, at);
    }

    /** The scaled score, or raw within min..max when only those are given. */
    static BigDecimal scaled(JsonNode score) {
        if (score.path("scaled").isNumber()) {
            return score.get("scaled").decimalValue().setScale(4, RoundingMode.HALF_UP);
        }
        if (score.path("raw").isNumber() && score.path("min").isNumber() && score.path("max").isNumber()) {
            BigDecimal min = score.get("min").decimalValue();
            BigDecimal range = score.get("max").decimalValue().subtract(min);
            if (range.signum() > 0) {
                return score.get("raw").decimalValue().subtract(min).divide(range, 4, RoundingMode.HALF_UP);
            }
        }
        return null;
    }

    /** A display name from a language map: Vietnamese first, then English, then any. */
    static String name(JsonNode map) {
        if (!map.isObject() || map.isEmpty()) {
            return null;
        }
        for (String lang : new String[]{"vi", "vi-VN", "en", "en-US", "en-GB"}) {
            if (map.hasNonNull(lang)) {
                return cut(map.get(lang).asText(), 500);
            }
        }
        return cut(map.elements().next().asText(), 500);
    }

    private static String text(JsonNode node, int max) {
        return node.isTextual() ? cut(node.asText(), max) : null;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private void write(Connection c, List<Facts> rows) throws SQLException {
        StringBuilder sql = new StringBuilder(UPSERT);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",").append(ROW);
        }
        sql.append(ON_DUPLICATE);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Facts f : rows) {
                ps.setBytes(p++, f.agent());
                ps.setBytes(p++, f.activity());
                if (f.personId() == null) {
                    ps.setNull(p++, Types.BIGINT);
                } else {
                    ps.setLong(p++, f.personId());
                }
                ps.setString(p++, cut(f.iri(), 2048));
                ps.setString(p++, f.name());
                ps.setString(p++, f.type());
                ps.setString(p++, f.topic());
                ps.setString(p++, f.provider());
                if (f.enteredBy() == null) {
                    ps.setNull(p++, Types.BIGINT);
                } else {
                    ps.setLong(p++, f.enteredBy());
                }
                ps.setBoolean(p++, f.completed());
                if (f.passed() == null) {
                    ps.setNull(p++, Types.BOOLEAN);
                } else {
                    ps.setBoolean(p++, f.passed());
                }
                ps.setBigDecimal(p++, f.scaled());
                ps.setBigDecimal(p++, f.scaled());
                ps.setLong(p++, f.sessionMs());
                ps.setLong(p++, f.otherMs());
                ps.setInt(p++, f.creditedMin());
                ps.setObject(p++, f.at());
                ps.setObject(p++, f.at());
                for (int twice = 0; twice < 2; twice++) { // completed_at (the first) and last_completed_at
                    if (f.completed()) {
                        ps.setObject(p++, f.at());
                    } else {
                        ps.setNull(p++, Types.TIMESTAMP);
                    }
                }
            }
            ps.executeUpdate();
        }
    }
}
