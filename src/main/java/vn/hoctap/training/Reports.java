package vn.hoctap.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Times;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Frozen period reports. At a reporting date (or when an owner asks) the standing of every person
 * assigned is copied with the names and units of that moment; the report's figures are counted
 * from those rows alone, so later progress, moves or renames do not alter it. The SHA-256 of the
 * list (person, status, courses done, completion time, in person order) is printed on the report:
 * the figures can be traced to the people, and the people to their records.
 */
@ApplicationScoped
public class Reports {

    @Inject
    Sql sql;

    @Inject
    ProgrammeStore store;

    @Inject
    ProgrammeService programmes;

    @Inject
    ComplianceService compliance;

    @Inject
    OrganisationService organisation;

    public record Report(long id, long programmeId, LocalDate asOf, LocalDateTime frozenAt, Long frozenBy, int people,
                         String sha256) {
    }

    /** A frozen report as seen from a node: the same shape as the live dashboard, and its people. */
    public record Frozen(Report report, Compliance.Dashboard dashboard, List<Compliance.PersonLine> people) {
    }

    public List<Report> list(Programme p) {
        return sql.list("SELECT * FROM programme_report WHERE programme_id = ? ORDER BY as_of DESC", Reports::row, p.id());
    }

    /** Freezes an owner's programme now (the report of today), or answers today's report if it exists. */
    @Transactional
    public Report freezeNow(Actor actor, String code) {
        Programme p = store.find(code).filter(x -> ProgrammeService.owns(actor, x))
                .orElseThrow(() -> new NotFoundException("programme " + code));
        return freeze(p, ComplianceService.today(), actor.personId());
    }

    /** Freezes the reports whose date has come (the daily job); answers how many were made. */
    @Transactional
    public int freezeDue() {
        LocalDate today = ComplianceService.today();
        int made = 0;
        for (Programme p : store.all()) {
            if (p.status() == ProgrammeStatus.DRAFT) {
                continue;
            }
            for (LocalDate d : p.reportDates()) {
                if (!d.isAfter(today) && find(p.id(), d).isEmpty()) {
                    freeze(p, d, null);
                    made++;
                }
            }
        }
        return made;
    }

    Report freeze(Programme p, LocalDate asOf, Long by) {
        Optional<Report> existing = find(p.id(), asOf);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = sql.insert("INSERT INTO programme_report (programme_id, as_of, frozen_at, frozen_by, people, people_sha256)"
                + " VALUES (?, ?, ?, ?, 0, '')", p.id(), asOf, Times.nowUtc(), by);
        boolean past = asOf.isAfter(p.deadline());
        sql.update("INSERT INTO programme_report_person (report_id, person_id, full_name, username, staff_code, unit_id, unit_path,"
                        + " unit_name, agency_id, agency_name, courses_done, status, completed_at)"
                        + " SELECT ?, a.person_id, pe.full_name, pe.username, pe.staff_code, a.unit_id, u.path, u.name, a.agency_id, ag.name,"
                        + " a.courses_done, CASE WHEN a.completed_at IS NOT NULL AND a.completed_at < ? THEN 'COMPLETED'"
                        + " WHEN a.completed_at IS NOT NULL THEN 'COMPLETED_LATE' WHEN ? THEN 'OVERDUE'"
                        + " WHEN a.started THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END, a.completed_at"
                        + " FROM programme_assignment a JOIN person pe ON pe.id = a.person_id JOIN org_unit u ON u.id = a.unit_id"
                        + " JOIN org_unit ag ON ag.id = a.agency_id WHERE a.programme_id = ? AND a.active",
                id, ComplianceService.dueBy(p), past, p.id());
        MessageDigest sha = sha256();
        List<String> rows = sql.list("SELECT person_id, status, courses_done, completed_at FROM programme_report_person"
                        + " WHERE report_id = ? ORDER BY person_id",
                rs -> rs.getLong(1) + ";" + rs.getString(2) + ";" + rs.getInt(3) + ";"
                        + Optional.ofNullable(Sql.time(rs, "completed_at")).map(LocalDateTime::toString).orElse("") + "\n", id);
        rows.forEach(r -> sha.update(r.getBytes(StandardCharsets.UTF_8)));
        sql.update("UPDATE programme_report SET people = ?, people_sha256 = ? WHERE id = ?", rows.size(),
                HexFormat.of().formatHex(sha.digest()), id);
        return find(p.id(), asOf).orElseThrow();
    }

    /** The report as the actor may see it from a node (default: their scope), with its people by name. */
    public Frozen view(Actor actor, String code, long reportId, Long nodeId) {
        Programme p = programmes.get(actor, code);
        Report r = sql.one("SELECT * FROM programme_report WHERE id = ? AND programme_id = ?", Reports::row, reportId, p.id())
                .orElseThrow(() -> new NotFoundException("report " + reportId));
        OrgUnit node = compliance.node(actor, nodeId);
        boolean past = r.asOf().isAfter(p.deadline());
        List<Compliance.PersonLine> people = new ArrayList<>();
        Map<Long, Compliance.Counts> byChild = new LinkedHashMap<>();
        Map<Long, String> frozenNames = new HashMap<>();
        Compliance.Counts direct = Compliance.Counts.ZERO;
        Compliance.Counts total = Compliance.Counts.ZERO;
        List<Object[]> rows = sql.list("SELECT person_id, full_name, username, staff_code, unit_id, unit_path, unit_name, agency_id,"
                        + " agency_name, courses_done, status, completed_at FROM programme_report_person"
                        + " WHERE report_id = ? AND unit_path LIKE ? ORDER BY full_name, person_id",
                rs -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getString(7), rs.getLong(8), rs.getString(9), rs.getInt(10), rs.getString(11), Sql.time(rs, "completed_at")},
                r.id(), node.getPath() + "%");
        for (Object[] row : rows) {
            ComplianceStatus status = ComplianceStatus.valueOf((String) row[10]);
            people.add(new Compliance.PersonLine((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[6],
                    (Integer) row[9], p.required(), status, (LocalDateTime) row[11]));
            Compliance.Counts one = one(status, past);
            total = total.plus(one);
            Long child = ComplianceService.childOf(node.getPath(), (String) row[5]);
            if (child == null) {
                direct = direct.plus(one);
            } else {
                byChild.merge(child, one, Compliance.Counts::plus);
                frozenNames.putIfAbsent((Long) row[7], (String) row[8]);
                frozenNames.putIfAbsent((Long) row[4], (String) row[6]);
            }
        }
        Map<Long, String> names = new HashMap<>(frozenNames);
        if (!byChild.isEmpty()) {
            sql.list("SELECT id, name FROM org_unit WHERE id IN (" + byChild.keySet().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + ")", rs -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> names.putIfAbsent(e.getKey(), e.getValue()));
        }
        List<Compliance.Line> lines = new ArrayList<>();
        if (direct.assigned() > 0) {
            lines.add(new Compliance.Line(node.getId(), node.getCode(), node.getName(), true, false, direct));
        }
        byChild.forEach((id, c) -> lines.add(new Compliance.Line(id, null, names.getOrDefault(id, "#" + id), false, false, c)));
        lines.sort(Comparator.comparingDouble((Compliance.Line l) -> l.counts().rate()).thenComparing(Compliance.Line::name));
        Compliance.Dashboard d = new Compliance.Dashboard(p, node.getId(), node.getName(), List.of(), total, lines);
        return new Frozen(r, d, people);
    }

    private static Compliance.Counts one(ComplianceStatus s, boolean past) {
        return new Compliance.Counts(1, s == ComplianceStatus.COMPLETED ? 1 : 0, s == ComplianceStatus.COMPLETED_LATE ? 1 : 0,
                s == ComplianceStatus.IN_PROGRESS ? 1 : 0, s == ComplianceStatus.NOT_STARTED || s == ComplianceStatus.OVERDUE ? 1 : 0,
                past);
    }

    private Optional<Report> find(long programmeId, LocalDate asOf) {
        return sql.one("SELECT * FROM programme_report WHERE programme_id = ? AND as_of = ?", Reports::row, programmeId, asOf);
    }

    private static Report row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Report(rs.getLong("id"), rs.getLong("programme_id"), rs.getObject("as_of", LocalDate.class),
                Sql.time(rs, "frozen_at"), Sql.nullableLong(rs, "frozen_by"), rs.getInt("people"), rs.getString("people_sha256"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
