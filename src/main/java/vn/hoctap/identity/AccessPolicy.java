package vn.hoctap.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scoping rules, in one place, free of the container so that they are tested as plain code.
 * A role reaches the node it is held over and everything beneath it (tree paths such as
 * {@code /1/4/}; a child's path starts with its parent's).
 */
public final class AccessPolicy {

    private static final Pattern ROOT_PATH = Pattern.compile("/\\d+/");

    private AccessPolicy() {
    }

    /** Where the actor manages people, without paths already covered by a wider one. */
    public static List<String> peopleScopes(Actor actor) {
        return minimal(actor.grants().stream()
                .filter(g -> Role.PEOPLE_MANAGERS.contains(g.role()))
                .map(Actor.Grant::scopePath)
                .toList());
    }

    /** Whether the actor manages people everywhere (a people-managing role over the root, or the system). */
    public static boolean managesEverywhere(Actor actor) {
        return peopleScopes(actor).stream().anyMatch(p -> p.equals("/") || ROOT_PATH.matcher(p).matches());
    }

    /**
     * Whether the actor may see and change a person who belongs to {@code unitPaths} (posts and home
     * commune) and holds {@code grants}. Someone who belongs nowhere is managed only from the root.
     * Nobody manages a person who holds power beyond the actor's own: a role over a node outside the
     * actor's scopes, or the administrator role when the actor is not an administrator.
     */
    public static boolean canManage(Actor actor, Collection<String> unitPaths, Collection<Actor.Grant> grants) {
        List<String> scopes = peopleScopes(actor);
        boolean belongs = unitPaths.isEmpty()
                ? managesEverywhere(actor)
                : unitPaths.stream().anyMatch(path -> covered(scopes, path));
        if (!belongs) {
            return false;
        }
        for (Actor.Grant held : grants) {
            boolean outranked = actor.grants().stream()
                    .filter(a -> Role.PEOPLE_MANAGERS.contains(a.role()))
                    .anyMatch(a -> a.covers(held.scopePath()) && (held.role() != Role.ADMIN || a.role() == Role.ADMIN));
            if (!outranked) {
                return false;
            }
        }
        return true;
    }

    /** Whether the actor may place someone in (or take someone out of) this unit. */
    public static boolean canUseUnit(Actor actor, String unitPath) {
        return covered(peopleScopes(actor), unitPath);
    }

    /** Whether the actor may give {@code role} over the node at {@code scopePath}. */
    public static boolean canGrant(Actor actor, Role role, String scopePath, OrgUnitKind scopeKind) {
        if (!role.scopeKinds().contains(scopeKind)) {
            return false;
        }
        return actor.grants().stream().anyMatch(a -> a.role().grantable().contains(role) && a.covers(scopePath));
    }

    /** The roles the actor can give at all (to fill a form's choices). */
    public static Set<Role> grantableRoles(Actor actor) {
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        actor.grants().forEach(g -> roles.addAll(g.role().grantable()));
        return roles;
    }

    /** Whether the actor may change the organisation tree at (or under) this node. */
    public static boolean canEditOrganisation(Actor actor, String unitPath) {
        return actor.grants().stream().anyMatch(g -> g.role() == Role.ADMIN && g.covers(unitPath));
    }

    /** Administrators over the root edit the catalogue of job positions and read the whole audit log. */
    public static boolean isProvinceAdmin(Actor actor) {
        return actor.grants().stream()
                .anyMatch(g -> g.role() == Role.ADMIN && (g.scopePath().equals("/") || ROOT_PATH.matcher(g.scopePath()).matches()));
    }

    static boolean covered(List<String> scopes, String path) {
        return path != null && scopes.stream().anyMatch(path::startsWith);
    }

    static List<String> minimal(List<String> paths) {
        List<String> result = new ArrayList<>();
        for (String p : paths) {
            boolean coveredByOther = paths.stream().anyMatch(o -> !o.equals(p) && p.startsWith(o));
            if (!coveredByOther && !result.contains(p)) {
                result.add(p);
            }
        }
        return result;
    }
}
