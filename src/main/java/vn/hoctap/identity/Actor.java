package vn.hoctap.identity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is acting, with the roles they hold and where: what every service checks before it reads or
 * changes something. Built from the signed-in account ({@link CurrentActor}); {@link #system()}
 * stands for the platform itself (start-up work).
 */
public record Actor(Long personId, String username, String fullName, List<Grant> grants) implements Serializable {

    /** A role held over the subtree rooted at {@code scopePath}. */
    public record Grant(Role role, long scopeId, String scopePath, OrgUnitKind scopeKind) implements Serializable {

        public boolean covers(String path) {
            return path != null && path.startsWith(scopePath);
        }
    }

    private static final Actor SYSTEM = new Actor(null, "system", "hoctap", List.of(
            new Grant(Role.ADMIN, 0, "/", OrgUnitKind.PROVINCE)));

    public Actor {
        grants = List.copyOf(grants);
    }

    public static Actor system() {
        return SYSTEM;
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.of(Role.LEARNER);
        grants.forEach(g -> roles.add(g.role()));
        return roles;
    }

    public boolean isStaff() {
        return grants.stream().anyMatch(g -> Role.PEOPLE_MANAGERS.contains(g.role()));
    }
}
