package vn.hoctap.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.shared.Times;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps {@code programme_assignment} true to the rules and to the records: everyone who matches a
 * published programme's audience is assigned once (through their best place), people who stop
 * matching leave the open assignment but keep their row and history, and each assignment's
 * standing is recomputed from the learning summary of the programme's courses.
 */
@ApplicationScoped
public class Assignments {

    @Inject
    Sql sql;

    @Inject
    Members members;

    @Inject
    ProgrammeStore store;

    /** What one (re)assignment changed. */
    public record Outcome(int assigned, int left, int moved, int active) {
    }

    private record Current(long personId, long unitId, boolean active) {
    }

    /** Matches everyone against the programme's rule (after publication or a rule change), then refreshes standings. */
    @Transactional
    public Outcome assignAll(Programme p) {
        lock(p);
        Outcome o = apply(p, members.all(), null);
        refresh(p, null);
        store.assigned(p.id());
        return o;
    }

    /** Re-evaluates these people (joined, moved, changed position, gained a post …) against every published programme. */
    @Transactional
    public void reassign(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        List<Member> ms = members.of(personIds);
        for (Programme p : store.published()) {
            apply(p, ms, personIds);
        }
    }

    /** Recomputes the standings of these people in the programmes they are assigned to. */
    @Transactional
    public void refreshPeople(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        List<Long> programmes = sql.list("SELECT DISTINCT a.programme_id FROM programme_assignment a"
                + " JOIN programme p ON p.id = a.programme_id AND p.status = 'PUBLISHED'"
                + " WHERE a.active AND a.person_id IN (" + in(personIds) + ")", rs -> rs.getLong(1));
        for (long id : programmes) {
            store.find(id).ifPresent(p -> refresh(p, personIds));
        }
    }

    private void lock(Programme p) {
        sql.count("SELECT id FROM programme WHERE id = ? FOR UPDATE", p.id());
    }

    /** {@code scope} null: {@code ms} is everyone; otherwise the ids whose assignments may change. */
    private Outcome apply(Programme p, List<Member> ms, Collection<Long> scope) {
        Map<Long, Current> current = new HashMap<>();
        sql.list("SELECT person_id, unit_id, active FROM programme_assignment WHERE programme_id = ?"
                        + (scope == null ? "" : " AND person_id IN (" + in(scope) + ")"),
                rs -> new Current(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)), p.id())
                .forEach(c -> current.put(c.personId(), c));
        LocalDateTime now = Times.nowUtc();
        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> leaving = new ArrayList<>();
        Set<Long> fresh = new HashSet<>();
        int assigned = 0;
        int moved = 0;
        int active = 0;
        for (Member m : ms) {
            Optional<Member.Place> place = p.audience().match(m);
            Current c = current.get(m.personId());
            if (place.isPresent()) {
                active++;
                long unit = place.get().unitId();
                if (c == null || !c.active() || c.unitId() != unit) {
                    upserts.add(new Object[]{p.id(), m.personId(), unit, agencyOf(place.get().unitPath(), unit), now, now});
                    if (c == null || !c.active()) {
                        assigned++;
                        fresh.add(m.personId());
                    } else {
                        moved++;
                    }
                }
            } else if (c != null && c.active()) {
                leaving.add(new Object[]{now, p.id(), m.personId()});
            }
        }
        sql.insertRows("INSERT INTO programme_assignment (programme_id, person_id, unit_id, agency_id, assigned_at, refreshed_at) VALUES",
                "(?, ?, ?, ?, ?, ?)", "ON DUPLICATE KEY UPDATE unit_id = VALUES(unit_id), agency_id = VALUES(agency_id),"
                        + " assigned_at = IF(active, assigned_at, VALUES(assigned_at)), active = TRUE, left_at = NULL", upserts);
        sql.batch("UPDATE programme_assignment SET active = FALSE, left_at = ? WHERE programme_id = ? AND person_id = ?", leaving);
        if (scope != null && !fresh.isEmpty()) {
            refresh(p, fresh);
        }
        return new Outcome(assigned, leaving.size(), moved, active);
    }

    /**
     * Recomputes standings from the learning summary, for everyone assigned ({@code personIds}
     * null) or for some; writes only the rows that changed.
     */
    void refresh(Programme p, Collection<Long> personIds) {
        String people = personIds == null ? "" : " AND person_id IN (" + in(personIds) + ")";
        Map<Long, List<Standing.CourseRecord>> records = new HashMap<>();
        sql.list("SELECT s.person_id, pc.course_id, s.completed, s.completed_at, s.last_completed_at, s.last_seen FROM programme_course pc"
                        + " JOIN learning_summary s ON s.activity = pc.activity WHERE pc.programme_id = ?"
                        + (personIds == null ? " AND s.person_id IS NOT NULL" : " AND s.person_id IN (" + in(personIds) + ")"),
                rs -> records.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Standing.CourseRecord(
                        rs.getLong(2), rs.getBoolean(3), Sql.time(rs, "completed_at"), Sql.time(rs, "last_completed_at"),
                        Sql.time(rs, "last_seen"))), p.id());
        LocalDateTime now = Times.nowUtc();
        List<Object[]> changes = new ArrayList<>();
        sql.list("SELECT person_id, courses_done, started, completed_at FROM programme_assignment WHERE programme_id = ?" + people,
                rs -> new Object[]{rs.getLong(1), new Standing(rs.getInt(2), rs.getBoolean(3), Sql.time(rs, "completed_at"))}, p.id())
                .forEach(row -> {
                    long person = (Long) row[0];
                    Standing now0 = Standing.of(p.window(), p.required(), records.getOrDefault(person, List.of()));
                    if (!sameStanding(now0, (Standing) row[1])) {
                        changes.add(new Object[]{now0.coursesDone(), now0.started(), now0.completedAt(), now, p.id(), person});
                    }
                });
        sql.batch("UPDATE programme_assignment SET courses_done = ?, started = ?, completed_at = ?, refreshed_at = ?"
                + " WHERE programme_id = ? AND person_id = ?", changes);
    }

    private static boolean sameStanding(Standing a, Standing b) {
        // DATETIME(3) keeps milliseconds: compare at that precision
        return a.coursesDone() == b.coursesDone() && a.started() == b.started()
                && Objects.equals(millis(a.completedAt()), millis(b.completedAt()));
    }

    private static LocalDateTime millis(LocalDateTime t) {
        return t == null ? null : t.withNano(t.getNano() / 1_000_000 * 1_000_000);
    }

    /** The top-level node under the province that a unit belongs to: its agency, commune or ward. */
    static long agencyOf(String path, long unitId) {
        if (path == null) {
            return unitId;
        }
        long[] ids = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        return ids.length > 1 ? ids[1] : ids.length == 1 ? ids[0] : unitId;
    }

    static String in(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
