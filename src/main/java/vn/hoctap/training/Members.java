package vn.hoctap.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.db.Sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what audience rules look at ({@link Member}) for everyone, or for some people, in three
 * queries: people, posts, role grants. 60,000 staff fit comfortably in memory this way.
 */
@ApplicationScoped
public class Members {

    @Inject
    Sql sql;

    /** Everyone with an account (disabled ones too: they must leave their assignments). */
    public List<Member> all() {
        return load("");
    }

    public List<Member> of(Collection<Long> personIds) {
        List<Member> members = new ArrayList<>();
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            String in = ids.subList(from, Math.min(ids.size(), from + 1000)).stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            members.addAll(load(" IN (" + in + ")"));
        }
        return members;
    }

    private record Head(long id, AccountType type, boolean enabled, Long homeUnit, String homePath) {
    }

    private record PostRow(long personId, long unitId, String path, long positionId, boolean main) {
    }

    /** {@code idFilter} is empty (everyone) or " IN (…)" of numeric ids built here. */
    private List<Member> load(String idFilter) {
        String personWhere = idFilter.isEmpty() ? "" : " WHERE p.id" + idFilter;
        Map<Long, Head> heads = new LinkedHashMap<>();
        sql.list("SELECT p.id, p.account_type, p.enabled, p.home_unit_id, u.path FROM person p"
                        + " LEFT JOIN org_unit u ON u.id = p.home_unit_id" + personWhere,
                rs -> new Head(rs.getLong(1), AccountType.valueOf(rs.getString(2)), rs.getBoolean(3),
                        Sql.nullableLong(rs, "home_unit_id"), rs.getString(5)))
                .forEach(h -> heads.put(h.id(), h));
        Map<Long, List<Member.Place>> places = new HashMap<>();
        sql.list("SELECT po.person_id, po.unit_id, u.path, po.position_id, po.main FROM post po JOIN org_unit u ON u.id = po.unit_id"
                        + (idFilter.isEmpty() ? "" : " WHERE po.person_id" + idFilter),
                rs -> new PostRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)))
                .forEach(p -> places.computeIfAbsent(p.personId(), k -> new ArrayList<>())
                        .add(new Member.Place(p.unitId(), p.path(), p.positionId(), p.main())));
        Map<Long, Set<Role>> roles = new HashMap<>();
        sql.list("SELECT person_id, role FROM role_grant" + (idFilter.isEmpty() ? "" : " WHERE person_id" + idFilter),
                        rs -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2))))
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(e.getValue()));
        List<Member> members = new ArrayList<>(heads.size());
        for (Head h : heads.values()) {
            List<Member.Place> ps = new ArrayList<>(places.getOrDefault(h.id(), List.of()));
            if (h.homeUnit() != null) {
                ps.add(new Member.Place(h.homeUnit(), h.homePath(), null, false));
            }
            members.add(new Member(h.id(), h.type(), h.enabled(), roles.getOrDefault(h.id(), Set.of()), ps));
        }
        return members;
    }
}
