package vn.hoctap.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every signed-in request needs to know about its account — enabled, groups, the
 * {@link Actor} with its scoped roles, whether a new password is due — kept a few seconds
 * ({@code hoctap.account.cacheSeconds}, default 5) instead of four or five queries per request.
 * A change to a person or their roles on this node is seen at once ({@link Changes}); on another
 * node within those seconds.
 */
@ApplicationScoped
public class AccountSnapshots {

    @Inject
    PersonRepository people;

    @Inject
    @ConfigProperty(name = "hoctap.account.cacheSeconds", defaultValue = "5")
    int cacheSeconds;

    /** An enabled account as of {@code loadedAt}. */
    public record Snapshot(Actor actor, Set<String> groups, String passwordStamp, boolean passwordChangeRequired,
                           long loadedAt) {
    }

    private final Map<String, Optional<Snapshot>> cache = new ConcurrentHashMap<>();
    private final Map<String, Long> loadedAt = new ConcurrentHashMap<>();

    /** The enabled account of this username, or empty if it is gone or disabled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Snapshot> get(String username) {
        long now = System.currentTimeMillis();
        Long at = loadedAt.get(username);
        if (at != null && now - at < cacheSeconds * 1000L) {
            Optional<Snapshot> cached = cache.get(username);
            if (cached != null) {
                return cached;
            }
        }
        Optional<Snapshot> fresh = people.findByUsername(username).filter(Person::isEnabled)
                .map(p -> new Snapshot(CurrentActor.toActor(p), AccountIdentityStore.groups(p),
                        String.valueOf(p.getPasswordHash()), p.isPasswordChangeRequired(), now));
        if (cacheSeconds > 0) {
            cache.put(username, fresh);
            loadedAt.put(username, now);
        }
        return fresh;
    }

    public void forget(String username) {
        if (username != null) {
            loadedAt.remove(username);
            cache.remove(username);
        }
    }

    /** JPA callbacks on people and role grants: the next request reads the account afresh. */
    public static class Changes {

        @jakarta.persistence.PostUpdate
        @jakarta.persistence.PostPersist
        @jakarta.persistence.PostRemove
        void changed(Object entity) {
            String username = entity instanceof Person p ? p.getUsername()
                    : entity instanceof RoleGrant g && g.getPerson() != null ? g.getPerson().getUsername() : null;
            CDI.current().select(AccountSnapshots.class).get().forget(username);
        }
    }
}
