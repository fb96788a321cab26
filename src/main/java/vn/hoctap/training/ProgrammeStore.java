package vn.hoctap.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.shared.Times;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Programmes in MariaDB. The audience rule is kept as JSON holding unit ids (not paths), so a unit
 * moved in the tree carries its programmes' audiences along; paths are looked up on load.
 */
@ApplicationScoped
public class ProgrammeStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "SELECT p.*, u.path AS owner_path, u.name AS owner_name FROM programme p"
            + " JOIN org_unit u ON u.id = p.owner_unit_id";

    @Inject
    Sql sql;

    private record Row(long id, String code, String name, String description, long ownerUnitId, String ownerPath,
                       String ownerName, ProgrammeStatus status, Integer requiredCount, LocalDate periodStart,
                       LocalDate periodEnd, LocalDate deadline, Integer recertMonths, String reportDates, String audience,
                       java.time.LocalDateTime assignedAt, long version) {
    }

    public Optional<Programme> find(String code) {
        return sql.one(SELECT + " WHERE p.code = ?", ProgrammeStore::row, code).map(r -> complete(List.of(r)).get(0));
    }

    public Optional<Programme> find(long id) {
        return sql.one(SELECT + " WHERE p.id = ?", ProgrammeStore::row, id).map(r -> complete(List.of(r)).get(0));
    }

    /** Every programme, latest deadline first. */
    public List<Programme> all() {
        return complete(sql.list(SELECT + " ORDER BY p.deadline DESC, p.name", ProgrammeStore::row));
    }

    public List<Programme> published() {
        return all().stream().filter(Programme::isPublished).toList();
    }

    public long insert(Programme p, Long createdBy) {
        var now = Times.nowUtc();
        long id = sql.insert("INSERT INTO programme (code, name, description, owner_unit_id, status, required_count, period_start,"
                        + " period_end, deadline, recert_months, report_dates, audience, created_by, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.code(), p.name(), p.description(), p.ownerUnitId(), p.status(), p.requiredCount(), p.periodStart(),
                p.periodEnd(), p.deadline(), p.recertMonths(), dates(p.reportDates()), toJson(p.audience()), createdBy, now, now);
        writeCourses(id, p.courses());
        return id;
    }

    /** Saves the programme if nobody changed it meanwhile; false when its version moved on. */
    public boolean update(Programme p) {
        int n = sql.update("UPDATE programme SET name = ?, description = ?, owner_unit_id = ?, required_count = ?, period_start = ?,"
                        + " period_end = ?, deadline = ?, recert_months = ?, report_dates = ?, audience = ?, updated_at = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ?",
                p.name(), p.description(), p.ownerUnitId(), p.requiredCount(), p.periodStart(), p.periodEnd(), p.deadline(),
                p.recertMonths(), dates(p.reportDates()), toJson(p.audience()), Times.nowUtc(), p.id(), p.version());
        if (n == 1) {
            sql.update("DELETE FROM programme_course WHERE programme_id = ?", p.id());
            writeCourses(p.id(), p.courses());
        }
        return n == 1;
    }

    public void setStatus(long id, ProgrammeStatus status) {
        sql.update("UPDATE programme SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?", status, Times.nowUtc(), id);
    }

    public void assigned(long id) {
        sql.update("UPDATE programme SET assigned_at = ? WHERE id = ?", Times.nowUtc(), id);
    }

    private void writeCourses(long programmeId, List<Programme.Course> courses) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < courses.size(); i++) {
            Programme.Course c = courses.get(i);
            rows.add(new Object[]{programmeId, c.courseId(), i, c.activity()});
        }
        if (!rows.isEmpty()) {
            sql.insertRows("INSERT INTO programme_course (programme_id, course_id, position, activity) VALUES", "(?, ?, ?, ?)", "", rows);
        }
    }

    private List<Programme> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = rows.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
        Map<Long, List<Programme.Course>> courses = new HashMap<>();
        sql.list("SELECT pc.programme_id, c.id, c.code, COALESCE(v.title, c.code) AS title, pc.activity FROM programme_course pc"
                        + " JOIN course c ON c.id = pc.course_id LEFT JOIN course_version v ON v.id = c.published_version_id"
                        + " WHERE pc.programme_id IN (" + ids + ") ORDER BY pc.programme_id, pc.position",
                rs -> courses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Programme.Course(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5))));
        List<JsonNode> audiences = rows.stream().map(r -> parse(r.audience())).toList();
        Set<Long> unitIds = new HashSet<>();
        audiences.forEach(a -> {
            a.path("units").forEach(u -> unitIds.add(u.path("id").asLong()));
            a.path("excludedUnits").forEach(u -> unitIds.add(u.path("id").asLong()));
        });
        Map<Long, String> paths = unitIds.isEmpty() ? Map.of()
                : sql.list("SELECT id, path FROM org_unit WHERE id IN (" + unitIds.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + ")", rs -> Map.entry(rs.getLong(1), rs.getString(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Programme> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            result.add(new Programme(r.id(), r.code(), r.name(), r.description(), r.ownerUnitId(), r.ownerPath(), r.ownerName(),
                    r.status(), courses.getOrDefault(r.id(), List.of()), r.requiredCount(), r.periodStart(), r.periodEnd(),
                    r.deadline(), r.recertMonths(), dates(r.reportDates()), audience(audiences.get(i), paths), r.assignedAt(),
                    r.version()));
        }
        return result;
    }

    static String dates(List<LocalDate> dates) {
        return dates.isEmpty() ? null : dates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    static List<LocalDate> dates(String text) {
        return text == null || text.isBlank() ? List.of()
                : java.util.Arrays.stream(text.split(",")).map(String::strip).map(LocalDate::parse).toList();
    }

    static String toJson(AudienceRule a) {
        ObjectNode n = JSON.createObjectNode();
        units(n.putArray("units"), a.units());
        longs(n.putArray("positions"), a.positions());
        a.roles().stream().map(Enum::name).sorted().forEach(n.putArray("roles")::add);
        a.accountTypes().stream().map(Enum::name).sorted().forEach(n.putArray("accountTypes")::add);
        units(n.putArray("excludedUnits"), a.excludedUnits());
        longs(n.putArray("excludedPositions"), a.excludedPositions());
        longs(n.putArray("excludedPeople"), a.excludedPeople());
        return n.toString();
    }

    static AudienceRule audience(JsonNode n, Map<Long, String> paths) {
        return new AudienceRule(unitRefs(n.path("units"), paths), longSet(n.path("positions")),
                enumSet(n.path("roles"), Role::valueOf), enumSet(n.path("accountTypes"), AccountType::valueOf),
                unitRefs(n.path("excludedUnits"), paths), longSet(n.path("excludedPositions")), longSet(n.path("excludedPeople")));
    }

    private static void units(ArrayNode array, List<AudienceRule.UnitRef> units) {
        units.forEach(u -> array.addObject().put("id", u.id()).put("subunits", u.subunits()));
    }

    private static void longs(ArrayNode array, Collection<Long> values) {
        values.stream().sorted().forEach(array::add);
    }

    private static List<AudienceRule.UnitRef> unitRefs(JsonNode array, Map<Long, String> paths) {
        List<AudienceRule.UnitRef> refs = new ArrayList<>();
        for (JsonNode u : array) {
            long id = u.path("id").asLong();
            String path = paths.get(id);
            if (path != null) { // a unit deleted since: it no longer contributes anyone
                refs.add(new AudienceRule.UnitRef(id, path, u.path("subunits").asBoolean()));
            }
        }
        return refs;
    }

    private static Set<Long> longSet(JsonNode array) {
        Set<Long> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    private static <E> Set<E> enumSet(JsonNode array, Function<String, E> parse) {
        Set<E> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(parse.apply(v.asText())));
        return values;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("programme audience is not JSON", e);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
                rs.getLong("owner_unit_id"), rs.getString("owner_path"), rs.getString("owner_name"),
                ProgrammeStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("required_count", Integer.class),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), (Integer) rs.getObject("recert_months", Integer.class),
                rs.getString("report_dates"), rs.getString("audience"), Sql.time(rs, "assigned_at"), rs.getLong("version"));
    }
}
