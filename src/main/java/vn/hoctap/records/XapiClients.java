package vn.hoctap.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.security.Passwords;
import vn.hoctap.platform.web.PublicUrl;
import vn.hoctap.records.xapi.XapiJson;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The systems allowed to call the LRS. Administrators create them (the secret is shown once and
 * kept only as a hash), change their scope, disable them or issue a new secret; every change is
 * audited. {@code HOCTAP_XAPI_CLIENT=key:secret} creates or updates, at start-up, a client with
 * full scope, for automation (a conformance suite, a reporting tool).
 *
 * <p>Clients send their secret with every request; a successful check is remembered for a few
 * minutes (as an HMAC under a key that lives only in memory), so PBKDF2 is not paid per request.
 */
@ApplicationScoped
public class XapiClients {

    private static final Logger LOG = Logger.getLogger(XapiClients.class.getName());
    private static final long REMEMBER_MILLIS = 5 * 60_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditService audit;

    @Inject
    PublicUrl publicUrl;

    @Inject
    @ConfigProperty(name = "hoctap.xapi.client")
    Optional<String> automationClient;

    private final SecureRandom random = new SecureRandom();
    private final byte[] macKey = new byte[32];
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    /** A client that proved who it is, with the authority its statements get. */
    public record Caller(long id, String key, String name, ClientScope scope, ObjectNode authority) {
    }

    /** A client just created (or given a new secret): the secret in clear, to show once. */
    public record Issued(XapiClient client, String secret) {
    }

    private record Remembered(byte[] mac, long until, Caller caller) {
    }

    public XapiClients() {
        new SecureRandom().nextBytes(macKey);
    }

    /** The client with this key and secret, if it exists, is enabled and the secret is right. */
    public Optional<Caller> authenticate(String key, String secret) {
        Remembered r = recent.get(key);
        byte[] mac = mac(key, secret);
        if (r != null && r.until() > System.currentTimeMillis() && MessageDigest.isEqual(r.mac(), mac)) {
            return Optional.of(r.caller());
        }
        List<XapiClient> found = em.createNamedQuery("XapiClient.findByKey", XapiClient.class)
                .setParameter("key", key).getResultList();
        if (found.isEmpty()) {
            passwords.burn(secret);
            return Optional.empty();
        }
        XapiClient client = found.get(0);
        if (!client.isEnabled() || !passwords.verify(secret, client.getSecretHash())) {
            return Optional.empty();
        }
        Caller caller = new Caller(client.getId(), client.getApiKey(), client.getName(), client.getScope(),
                authority(client));
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(key, new Remembered(mac, System.currentTimeMillis() + REMEMBER_MILLIS, caller));
        return Optional.of(caller);
    }

    /** The authority of a client's statements: an Agent with an account on this platform. */
    ObjectNode authority(XapiClient client) {
        ObjectNode agent = XapiJson.object();
        agent.put("objectType", "Agent");
        agent.put("name", client.getName());
        ObjectNode account = agent.putObject("account");
        account.put("homePage", publicUrl.of("/xapi/clients"));
        account.put("name", client.getApiKey());
        return agent;
    }

    /** The authority of the platform's own statements. */
    public ObjectNode platformAuthority() {
        ObjectNode agent = XapiJson.object();
        agent.put("objectType", "Agent");
        agent.put("name", "hoctap");
        ObjectNode account = agent.putObject("account");
        account.put("homePage", publicUrl.base());
        account.put("name", "hoctap");
        return agent;
    }

    public List<XapiClient> list(Actor actor) {
        requireAdmin(actor);
        return em.createNamedQuery("XapiClient.all", XapiClient.class).getResultList();
    }

    @Transactional
    public Issued create(Actor actor, String name, ClientScope scope) {
        requireAdmin(actor);
        if (name == null || name.isBlank()) {
            throw new ValidationFailure("name", "xapi.client.nameRequired");
        }
        String key = "hoctap-" + token(8);
        String secret = token(24);
        XapiClient client = new XapiClient(name, key, passwords.hashGenerated(secret), scope, actor.username());
        em.persist(client);
        em.flush();
        audit.record(new AuditEvent(actor.personId(), actor.username(), "xapiClient.create", "xapiClient",
                client.getId().toString(), client.getName(), "/", null, snapshot(client)));
        return new Issued(client, secret);
    }

    @Transactional
    public Issued newSecret(Actor actor, long id) {
        requireAdmin(actor);
        XapiClient client = find(id);
        String secret = token(24);
        client.setSecretHash(passwords.hashGenerated(secret));
        recent.remove(client.getApiKey());
        audit.record(new AuditEvent(actor.personId(), actor.username(), "xapiClient.newSecret", "xapiClient",
                client.getId().toString(), client.getName(), "/", null, null));
        return new Issued(client, secret);
    }

    @Transactional
    public void update(Actor actor, long id, ClientScope scope, boolean enabled) {
        requireAdmin(actor);
        XapiClient client = find(id);
        Map<String, Object> before = snapshot(client);
        client.setScope(scope);
        client.setEnabled(enabled);
        recent.remove(client.getApiKey());
        audit.record(new AuditEvent(actor.personId(), actor.username(), "xapiClient.update", "xapiClient",
                client.getId().toString(), client.getName(), "/", before, snapshot(client)));
    }

    /** HOCTAP_XAPI_CLIENT=key:secret: a full-scope client for automation, created or brought up to date. */
    @Transactional
    public void onSchemaReady(@Observes @Priority(300) SchemaReady ready) {
        if (automationClient.isEmpty() || automationClient.get().isBlank()) {
            return;
        }
        String value = automationClient.get().trim();
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            LOG.warning("HOCTAP_XAPI_CLIENT must be key:secret; ignored");
            return;
        }
        String key = value.substring(0, colon);
        String secret = value.substring(colon + 1);
        List<XapiClient> found = em.createNamedQuery("XapiClient.findByKey", XapiClient.class)
                .setParameter("key", key).getResultList();
        XapiClient client;
        if (found.isEmpty()) {
            client = new XapiClient("Automation (HOCTAP_XAPI_CLIENT)", key, passwords.hash(secret), ClientScope.READ_ALL,
                    "system");
            em.persist(client);
            em.flush();
            audit.record(new AuditEvent(null, "system", "xapiClient.create", "xapiClient", client.getId().toString(),
                    client.getName(), "/", null, snapshot(client)));
            LOG.info("xAPI client '" + key + "' created from HOCTAP_XAPI_CLIENT");
        } else {
            client = found.get(0);
            if (!passwords.verify(secret, client.getSecretHash()) || !client.isEnabled()
                    || client.getScope() != ClientScope.READ_ALL) {
                client.setSecretHash(passwords.hash(secret));
                client.setEnabled(true);
                client.setScope(ClientScope.READ_ALL);
                LOG.info("xAPI client '" + key + "' updated from HOCTAP_XAPI_CLIENT");
            }
        }
    }

    private XapiClient find(long id) {
        XapiClient client = em.find(XapiClient.class, id);
        if (client == null) {
            throw new NotFoundException("xapi client " + id);
        }
        return client;
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("xAPI clients are managed by administrators");
        }
    }

    private static Map<String, Object> snapshot(XapiClient c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.getName());
        m.put("key", c.getApiKey());
        m.put("scope", c.getScope().name());
        m.put("enabled", c.isEnabled());
        return m;
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private byte[] mac(String key, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal((key + "\u0000" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
