package vn.hoctap.library;

import vn.hoctap.identity.Actor;
import vn.hoctap.identity.Role;

/**
 * Who may do what with materials. Authors upload and edit their own; reviewers and
 * administrators review the materials owned by units under their node; learners and visitors
 * see published materials only.
 */
public final class LibraryAccess {

    private LibraryAccess() {
    }

    public static boolean canUpload(Actor actor) {
        return actor != null && (actor.has(Role.AUTHOR) || actor.has(Role.ADMIN));
    }

    public static boolean canEdit(Actor actor, Material material) {
        if (actor == null) {
            return false;
        }
        if (material.getAuthor().getId().equals(actor.personId())) {
            return true;
        }
        return covers(actor, Role.ADMIN, material);
    }

    /** Reviewers do not approve their own materials (administrators may). */
    public static boolean canReview(Actor actor, Material material) {
        if (actor == null) {
            return false;
        }
        if (covers(actor, Role.ADMIN, material)) {
            return true;
        }
        return covers(actor, Role.REVIEWER, material) && !material.getAuthor().getId().equals(actor.personId());
    }

    public static boolean canView(Actor actor, Material material) {
        return material.getPublishedVersion() != null || canEdit(actor, material) || canReview(actor, material);
    }

    /**
     * Whether the actor may see this particular version. While a material is published, every
     * version that was ever published stays public (a course may pin one); the rest are its
     * authors' and reviewers'.
     */
    public static boolean canViewVersion(Actor actor, MaterialVersion version) {
        Material m = version.getMaterial();
        boolean published = m.getPublishedVersion() != null
                && (m.getPublishedVersion().getId().equals(version.getId()) || version.isEverPublished());
        return published || canEdit(actor, m) || canReview(actor, m);
    }

    private static boolean covers(Actor actor, Role role, Material material) {
        String path = material.getOwnerUnit() == null ? null : material.getOwnerUnit().getPath();
        return actor.grants().stream().anyMatch(g -> g.role() == role
                && (path == null ? g.scopePath().matches("/\\d*/?") || g.scopePath().equals("/") : g.covers(path)));
    }
}
