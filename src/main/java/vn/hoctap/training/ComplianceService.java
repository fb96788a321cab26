package vn.hoctap.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.PageResult;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compliance figures of a programme, for a node of the organisation tree and the nodes under
 * it, counted from the assignments' standings (themselves kept from the records projection). An
 * officer sees only their part of the tree: their agency, or the whole province for the province's
 * administrators.
 */
@ApplicationScoped
public class ComplianceService {

    @Inject
    Sql sql;

    @Inject
    ProgrammeService programmes;

    @Inject
    ProgrammeStore store;

    @Inject
    OrganisationService organisation;

    /** The node an officer lands on: the province for administrators over it, else their first scope. */
    public long home(Actor actor) {
        if (AccessPolicy.managesEverywhere(actor)) {
            return organisation.root().orElseThrow().getId();
        }
        List<String> scopes = AccessPolicy.peopleScopes(actor);
        if (scopes.isEmpty()) {
            throw new AccessDeniedException("no scope");
        }
        return actor.grants().stream().filter(g -> g.scopePath().equals(scopes.get(0))).findFirst().orElseThrow().scopeId();
    }

    /** The node, if the actor may see its figures. */
    OrgUnit node(Actor actor, Long nodeId) {
        OrgUnit node = organisation.get(nodeId == null ? home(actor) : nodeId);
        if (!AccessPolicy.managesEverywhere(actor) && AccessPolicy.peopleScopes(actor).stream().noneMatch(node.getPath()::startsWith)) {
            throw new NotFoundException("unit " + nodeId);
        }
        return node;
    }

    /** The figures of the node and of each node directly under it, most behind first. */
    public Compliance.Dashboard dashboard(Actor actor, String code, Long nodeId) {
        Programme p = programmes.get(actor, code);
        OrgUnit node = node(actor, nodeId);
        LocalDateTime dueBy = dueBy(p);
        boolean past = today().isAfter(p.deadline());
        Map<Long, String[]> children = new LinkedHashMap<>();
        sql.list("SELECT u.id, u.code, u.name, EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id) FROM org_unit u"
                        + " WHERE u.parent_id = ?", rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)}, node.getId())
                .forEach(r -> children.put(Long.parseLong(r[0]), r));
        Map<Long, Compliance.Counts> byChild = new HashMap<>();
        Compliance.Counts direct = Compliance.Counts.ZERO;
        Compliance.Counts total = Compliance.Counts.ZERO;
        for (UnitCounts uc : countsByUnit(p, node, dueBy, past)) {
            total = total.plus(uc.counts());
            Long child = childOf(node.getPath(), uc.path());
            if (child == null || !children.containsKey(child)) {
                direct = direct.plus(uc.counts());
            } else {
                byChild.merge(child, uc.counts(), Compliance.Counts::plus);
            }
        }
        List<Compliance.Line> lines = new ArrayList<>();
        if (direct.assigned() > 0) {
            lines.add(new Compliance.Line(node.getId(), node.getCode(), node.getName(), true, false, direct));
        }
        byChild.forEach((id, counts) -> {
            String[] c = children.get(id);
            lines.add(new Compliance.Line(id, c[1], c[2], false, "1".equals(c[3]) || "true".equals(c[3]), counts));
        });
        lines.sort(Comparator.comparingDouble((Compliance.Line l) -> l.counts().rate())
                .thenComparing(l -> -l.counts().notDone()).thenComparing(Compliance.Line::name));
        return new Compliance.Dashboard(p, node.getId(), node.getName(), trail(actor, node), total, lines);
    }

    /**
     * The people assigned under the node, by name, optionally of one status, with their number; also narrowed to people whose name, user name, staff code or phone contains
     * {@code q} (with or without diacritics); counted from the dashboard's figures when there is no
     * {@code q}, by a query when there is.
     */
    public PageResult<Compliance.PersonLine> people(Actor actor, String code, Long nodeId, ComplianceStatus status, String q,
                                                    int offset, int limit) {
        return people(actor, dashboard(actor, code, nodeId), status, q, offset, limit);
    }

    /** The same, under a dashboard already worked out (the compliance page has it). */
    public PageResult<Compliance.PersonLine> people(Actor actor, Compliance.Dashboard d, ComplianceStatus status, String q,
                                                    int offset, int limit) {
        OrgUnit node = node(actor, d.nodeId());
        List<Compliance.PersonLine> items = page(d.programme(), node, status, q, offset, limit);
        long total = Text.isBlank(q) ? d.total().count(status)
                : sql.count("SELECT COUNT(*) FROM (" + select(d.programme(), node, status, q, "a.person_id") + ") x",
                        params(d.programme(), node, status, q).toArray());
        return new PageResult<>(items, total, offset, limit);
    }

    public List<Compliance.PersonLine> page(Actor actor, String code, Long nodeId, ComplianceStatus status, int offset, int limit) {
        return page(actor, code, nodeId, status, null, offset, limit);
    }

    /**
     * A page of the people assigned under the node, by name. Read in the order of the people's name
     * index and stopped at the page's end (STRAIGHT_JOIN), rather than sorting every assignment of
     * the node by name: the province's first page reads about 50 people, an agency's a few hundred.
     */
    public List<Compliance.PersonLine> page(Actor actor, String code, Long nodeId, ComplianceStatus status, String q,
                                            int offset, int limit) {
        return page(programmes.get(actor, code), node(actor, nodeId), status, q, offset, limit);
    }

    private List<Compliance.PersonLine> page(Programme p, OrgUnit node, ComplianceStatus status, String q, int offset, int limit) {
        List<Object> params = params(p, node, status, q);
        params.add(limit);
        params.add(offset);
        LocalDate today = today();
        return sql.list(select(p, node, status, q, "a.person_id, pe.full_name, pe.username, pe.staff_code, u.name AS unit_name,"
                        + " a.courses_done, a.started, a.completed_at") + " ORDER BY pe.full_name, pe.id LIMIT ? OFFSET ?",
                rs -> {
                    Standing s = new Standing(rs.getInt("courses_done"), rs.getBoolean("started"), Sql.time(rs, "completed_at"));
                    return new Compliance.PersonLine(rs.getLong("person_id"), rs.getString("full_name"), rs.getString("username"),
                            rs.getString("staff_code"), rs.getString("unit_name"), s.coursesDone(), p.required(),
                            ComplianceStatus.of(s, p.deadline(), today), s.completedAt());
                }, params.toArray());
    }

    private String select(Programme p, OrgUnit node, ComplianceStatus status, String q, String columns) {
        Long agency = agencyFilter(node);
        return "SELECT STRAIGHT_JOIN " + columns + " FROM person pe FORCE INDEX (ix_person_name)"
                + " JOIN programme_assignment a ON a.programme_id = ? AND a.person_id = pe.id AND a.active"
                + (agency == null ? "" : " AND a.agency_id = " + agency)
                + " JOIN org_unit u ON u.id = a.unit_id AND u.path LIKE ?" + statusFilter(status, today().isAfter(p.deadline()))
                + (Text.isBlank(q) ? "" : " WHERE pe.search_key LIKE ?");
    }

    private static List<Object> params(Programme p, OrgUnit node, ComplianceStatus status, String q) {
        List<Object> params = new ArrayList<>(List.of(p.id(), node.getPath() + "%"));
        if (status == ComplianceStatus.COMPLETED || status == ComplianceStatus.COMPLETED_LATE) {
            params.add(dueBy(p));
        }
        if (!Text.isBlank(q)) {
            params.add(Text.likeContains(Text.fold(q)));
        }
        return params;
    }

    /**
     * Figures that may be half a minute old (charts move by the day, the programme list is an
     * overview), kept per key on this node.
     */
    private static final class Recent<V> {
        private record Entry<V>(long at, V value) {
        }

        private final Map<String, Entry<V>> entries = new java.util.concurrent.ConcurrentHashMap<>();

        V get(String key, java.util.function.Supplier<V> compute) {
            long now = System.currentTimeMillis();
            Entry<V> e = entries.get(key);
            if (e != null && now - e.at() < 30_000) {
                return e.value();
            }
            if (entries.size() > 2_000) {
                entries.clear();
            }
            V value = compute.get();
            entries.put(key, new Entry<>(now, value));
            return value;
        }
    }

    private final Recent<List<Compliance.Point>> timelines = new Recent<>();
    private final Recent<Map<Long, Compliance.Counts>> totalsByScope = new Recent<>();

    /** Completions so far under the node, cumulated per day (Vietnam time). */
    public List<Compliance.Point> timeline(Actor actor, String code, Long nodeId) {
        Programme p = programmes.get(actor, code);
        OrgUnit node = node(actor, nodeId);
        return timelines.get(p.id() + ":" + node.getId(), () -> computeTimeline(p, node));
    }

    private List<Compliance.Point> computeTimeline(Programme p, OrgUnit node) {
        List<Compliance.Point> daily = sql.list("SELECT DATE(CONVERT_TZ(a.completed_at, '+00:00', '+07:00')) AS d, COUNT(*)"
                        + " FROM programme_assignment a JOIN org_unit u ON u.id = a.unit_id"
                        + " WHERE a.programme_id = ? AND a.active AND a.completed_at IS NOT NULL"
                        + (agencyFilter(node) == null ? "" : " AND a.agency_id = " + agencyFilter(node))
                        + " AND u.path LIKE ? GROUP BY d ORDER BY d",
                rs -> new Compliance.Point(rs.getObject(1, LocalDate.class), rs.getLong(2)), p.id(), node.getPath() + "%");
        List<Compliance.Point> cumulative = new ArrayList<>();
        long sum = 0;
        for (Compliance.Point d : daily) {
            sum += d.done();
            cumulative.add(new Compliance.Point(d.day(), sum));
        }
        return cumulative;
    }

    /** What the person must still finish, by when, with the path to each course (their home page). */
    public List<Compliance.Obligation> obligations(long personId) {
        List<Object[]> rows = sql.list("SELECT a.programme_id, a.courses_done, a.started, a.completed_at FROM programme_assignment a"
                        + " JOIN programme p ON p.id = a.programme_id WHERE a.person_id = ? AND a.active AND p.status = 'PUBLISHED'"
                        + " ORDER BY p.deadline",
                rs -> new Object[]{rs.getLong(1), new Standing(rs.getInt(2), rs.getBoolean(3), Sql.time(rs, "completed_at"))}, personId);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Standing.CourseRecord> completions = new HashMap<>();
        sql.list("SELECT activity, completed_at, last_completed_at, last_seen FROM learning_summary WHERE person_id = ? AND completed",
                        rs -> Map.entry(HexFormat.of().formatHex(rs.getBytes(1)), new Standing.CourseRecord(0, true,
                                Sql.time(rs, "completed_at"), Sql.time(rs, "last_completed_at"), Sql.time(rs, "last_seen"))), personId)
                .forEach(e -> completions.put(e.getKey(), e.getValue()));
        LocalDate today = today();
        List<Compliance.Obligation> result = new ArrayList<>();
        for (Object[] row : rows) {
            Optional<Programme> found = store.find((Long) row[0]);
            if (found.isEmpty()) {
                continue;
            }
            Programme p = found.get();
            Standing s = (Standing) row[1];
            LocalDateTime from = p.window().from();
            List<Compliance.OwedCourse> courses = p.courses().stream().map(c -> {
                Standing.CourseRecord r = completions.get(HexFormat.of().formatHex(c.activity()));
                return new Compliance.OwedCourse(c.code(), c.title(), r != null && r.countedFrom(from) != null);
            }).toList();
            result.add(new Compliance.Obligation(p.code(), p.name(), p.deadline(), ChronoUnit.DAYS.between(today, p.deadline()),
                    ComplianceStatus.of(s, p.deadline(), today), p.required(), s.coursesDone(), courses));
        }
        return result;
    }

    private record UnitCounts(long unitId, String path, Compliance.Counts counts) {
    }

    /**
     * Counts per unit under the node: grouped on the covering index first (restricted to the
     * node's agency when the node is below the province), then joined to the few unit rows.
     */
    private List<UnitCounts> countsByUnit(Programme p, OrgUnit node, LocalDateTime dueBy, boolean past) {
        Long agency = agencyFilter(node);
        List<Object> params = new ArrayList<>(List.of(dueBy, dueBy, p.id()));
        if (agency != null) {
            params.add(agency);
        }
        params.add(node.getPath() + "%");
        return sql.list("SELECT g.unit_id, u.path, g.n, g.on_time, g.late, g.started FROM (SELECT a.unit_id, COUNT(*) AS n,"
                        + " SUM(a.completed_at IS NOT NULL AND a.completed_at < ?) AS on_time,"
                        + " SUM(a.completed_at IS NOT NULL AND a.completed_at >= ?) AS late,"
                        + " SUM(a.completed_at IS NULL AND a.started) AS started"
                        + " FROM programme_assignment a WHERE a.programme_id = ? AND a.active" + (agency == null ? "" : " AND a.agency_id = ?")
                        + " GROUP BY a.unit_id) g JOIN org_unit u ON u.id = g.unit_id WHERE u.path LIKE ?",
                rs -> {
                    long n = rs.getLong("n");
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    long started = rs.getLong("started");
                    return new UnitCounts(rs.getLong(1), rs.getString(2),
                            new Compliance.Counts(n, onTime, late, started, n - onTime - late - started, past));
                }, params.toArray());
    }

    /** The agency (top-level node) that contains the node, or null for the province itself. */
    static Long agencyFilter(OrgUnit node) {
        return node.getParent() == null ? null : Assignments.agencyOf(node.getPath(), node.getId());
    }

    /**
     * Every programme's totals in the actor's part of the tree, in one query (the programme list):
     * the deadline day ends at 17:00 UTC (midnight in Vietnam, which keeps no summer time).
     */
    public Map<Long, Compliance.Counts> totals(Actor actor) {
        boolean everywhere = AccessPolicy.managesEverywhere(actor);
        List<String> scopes = everywhere ? List.of() : AccessPolicy.peopleScopes(actor);
        if (!everywhere && scopes.isEmpty()) {
            return Map.of();
        }
        return totalsByScope.get(everywhere ? "*" : String.join(" ", scopes), () -> computeTotals(everywhere, scopes));
    }

    private Map<Long, Compliance.Counts> computeTotals(boolean everywhere, List<String> scopes) {
        String scope = everywhere ? "" : " AND (" + scopes.stream().map(x -> "u.path LIKE ?").collect(Collectors.joining(" OR ")) + ")";
        LocalDate today = today();
        Map<Long, Compliance.Counts> totals = new HashMap<>();
        sql.list("SELECT a.programme_id, p.deadline, COUNT(*) AS n,"
                        + " SUM(a.completed_at IS NOT NULL AND a.completed_at < TIMESTAMP(p.deadline, '17:00:00')) AS on_time,"
                        + " SUM(a.completed_at IS NOT NULL AND a.completed_at >= TIMESTAMP(p.deadline, '17:00:00')) AS late,"
                        + " SUM(a.completed_at IS NULL AND a.started) AS started"
                        + " FROM programme_assignment a JOIN programme p ON p.id = a.programme_id"
                        + (everywhere ? "" : " JOIN org_unit u ON u.id = a.unit_id")
                        + " WHERE a.active" + scope + " GROUP BY a.programme_id, p.deadline",
                rs -> {
                    long n = rs.getLong("n");
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    long started = rs.getLong("started");
                    boolean past = today.isAfter(rs.getObject("deadline", LocalDate.class));
                    return Map.entry(rs.getLong(1), new Compliance.Counts(n, onTime, late, started, n - onTime - late - started, past));
                }, scopes.stream().map(x -> x + "%").toArray())
                .forEach(e -> totals.put(e.getKey(), e.getValue()));
        return totals;
    }

    private List<Compliance.Crumb> trail(Actor actor, OrgUnit node) {
        List<Compliance.Crumb> trail = new ArrayList<>();
        boolean everywhere = AccessPolicy.managesEverywhere(actor);
        List<String> scopes = AccessPolicy.peopleScopes(actor);
        for (OrgUnit u = node; u != null; u = u.getParent()) {
            trail.add(0, new Compliance.Crumb(u.getId(), u.getName()));
            String path = u.getPath();
            if (!everywhere && scopes.contains(path)) {
                break; // the officer's own scope is as high as they go
            }
        }
        return trail;
    }

    /** The id of the node directly under {@code parentPath} on the way to {@code path}; null for the node itself. */
    static Long childOf(String parentPath, String path) {
        if (path.length() <= parentPath.length()) {
            return null;
        }
        String rest = path.substring(parentPath.length());
        return Long.parseLong(rest.substring(0, rest.indexOf('/')));
    }

    /** The first moment (UTC) after the deadline day ends in Vietnam. */
    static LocalDateTime dueBy(Programme p) {
        return p.deadline().plusDays(1).atStartOfDay(Times.VIETNAM).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    static String statusFilter(ComplianceStatus status, boolean past) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case COMPLETED -> " AND a.completed_at IS NOT NULL AND a.completed_at < ?";
            case COMPLETED_LATE -> " AND a.completed_at IS NOT NULL AND a.completed_at >= ?";
            case IN_PROGRESS -> past ? " AND FALSE" : " AND a.completed_at IS NULL AND a.started";
            case NOT_STARTED -> past ? " AND FALSE" : " AND a.completed_at IS NULL AND NOT a.started";
            case OVERDUE -> past ? " AND a.completed_at IS NULL" : " AND FALSE";
        };
    }

    static LocalDate today() {
        return LocalDate.now(Times.VIETNAM);
    }

}
