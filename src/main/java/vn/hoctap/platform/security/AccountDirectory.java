package vn.hoctap.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * The accounts as the security mechanism needs them: implemented by the identity feature, so
 * that the platform does not depend on it.
 */
public interface AccountDirectory {

    /** The groups of an enabled account, or empty if the account is gone or disabled. */
    Optional<Set<String>> activeGroups(String username);
}
