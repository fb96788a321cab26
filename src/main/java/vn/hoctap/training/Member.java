package vn.hoctap.training;

import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Role;

import java.util.List;
import java.util.Set;

/**
 * What an audience rule looks at about one person: account type, whether the account is enabled,
 * the roles they hold and the places they belong to — each post (unit + position; concurrent
 * posts are several places) and the home commune or ward (a place without a position).
 */
public record Member(long personId, AccountType type, boolean enabled, Set<Role> roles, List<Place> places) {

    /** A unit the person belongs to, with the position held there (null for the home unit). */
    public record Place(long unitId, String unitPath, Long positionId, boolean main) {

        public boolean isPost() {
            return positionId != null;
        }
    }

    public Member {
        roles = Set.copyOf(roles);
        places = List.copyOf(places);
    }
}
