package vn.hoctap.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.security.AccountDirectory;
import vn.hoctap.platform.security.Passwords;
import vn.hoctap.shared.Times;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a login name (username or phone number) and password against the accounts, and gives the
 * account's groups: {@code learner} for everyone, plus each role it holds anywhere. Where a role
 * applies is decided later by {@link AccessPolicy}, from the grants' scopes.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore, AccountDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    PersonRepository people;

    @Inject
    AccountSnapshots snapshots;

    @Transactional
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String password = credential.getPasswordAsString();
        Optional<Person> found = people.findByLogin(credential.getCaller());
        if (found.isEmpty() || !found.get().isEnabled() || password == null) {
            passwords.burn(password == null ? "" : password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Person person = found.get();
        if (!passwords.verify(password, person.getPasswordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        person.setLastLoginAt(Times.nowUtc());
        return new CredentialValidationResult(person.getUsername(), groups(person));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> activeAccount(String username) {
        return snapshots.get(username).map(s -> new Account(s.groups(), s.passwordStamp()));
    }

    static Set<String> groups(Person person) {
        Set<String> groups = new HashSet<>();
        groups.add(Role.LEARNER.group());
        person.getRoleGrants().forEach(g -> groups.add(g.getRole().group()));
        return groups;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
