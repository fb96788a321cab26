package vn.hoctap.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * The accounts as the security mechanism needs them: implemented by the identity feature, so
 * that the platform does not depend on it.
 */
public interface AccountDirectory {

    /** The groups of an enabled account, or empty if the account is gone or disabled. */
    default Optional<Set<String>> activeGroups(String username) {
        return activeAccount(username).map(Account::groups);
    }

    /**
     * An enabled account: its groups, and a stamp that changes whenever its password does (so a
     * remembered successful check stops counting the moment the password changes).
     */
    Optional<Account> activeAccount(String username);

    record Account(Set<String> groups, String passwordStamp) {
    }
}
