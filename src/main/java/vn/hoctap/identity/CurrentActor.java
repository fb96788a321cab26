package vn.hoctap.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.List;
import vn.hoctap.shared.AccessDeniedException;

/**
 * The signed-in person as an {@link Actor}, from the account's snapshot ({@link AccountSnapshots}:
 * a role granted or revoked on this node counts at once, on another within seconds). Pages reach it as {@code #{currentActor}}.
 */
@Named
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityContext security;

    @Inject
    AccountSnapshots snapshots;

    private Actor actor;
    private boolean passwordChangeRequired;
    private boolean loaded;

    /** The actor, or null when nobody is signed in. */
    public Actor get() {
        if (!loaded) {
            loaded = true;
            Principal principal = security.getCallerPrincipal();
            if (principal != null) {
                snapshots.get(principal.getName()).ifPresent(snapshot -> {
                    actor = snapshot.actor();
                    passwordChangeRequired = snapshot.passwordChangeRequired();
                });
            }
        }
        return actor;
    }

    /** The actor; {@link AccessDeniedException} when nobody is signed in. */
    public Actor require() {
        Actor a = get();
        if (a == null) {
            throw new AccessDeniedException("not signed in");
        }
        return a;
    }

    /** A one-time password is in use: the person must choose their own before anything else. */
    public boolean isPasswordChangeRequired() {
        get();
        return passwordChangeRequired;
    }

    public boolean isSignedIn() {
        return get() != null;
    }

    public String getFullName() {
        Actor a = get();
        return a == null ? null : a.fullName();
    }

    public boolean isStaff() {
        Actor a = get();
        return a != null && a.isStaff();
    }

    /** Authors, reviewers and administrators work on library materials. */
    public boolean isAuthor() {
        Actor a = get();
        return a != null && (a.has(Role.AUTHOR) || a.has(Role.REVIEWER) || a.has(Role.ADMIN));
    }

    public boolean isAdmin() {
        Actor a = get();
        return a != null && a.has(Role.ADMIN);
    }

    public boolean isProvinceAdmin() {
        Actor a = get();
        return a != null && AccessPolicy.isProvinceAdmin(a);
    }

    static Actor toActor(Person person) {
        List<Actor.Grant> grants = person.getRoleGrants().stream()
                .map(g -> new Actor.Grant(g.getRole(), g.getScope().getId(), g.getScope().getPath(), g.getScope().getKind()))
                .toList();
        return new Actor(person.getId(), person.getUsername(), person.getFullName(), grants);
    }
}
