package vn.hoctap.identity;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.StartupLock;
import vn.hoctap.platform.security.Passwords;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The initial administrator, {@code admin}, an administrator over the whole province. Its password
 * comes from {@code HOCTAP_ADMIN_PASSWORD}; without it, one is generated on first start and printed
 * once in the log (and must be changed at first sign-in). Setting the variable later resets it.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonRepository people;

    @Inject
    OrganisationService organisation;

    @Inject
    Passwords passwords;

    @Inject
    AuditService audit;

    @Inject
    StartupLock lock;

    @Inject
    @ConfigProperty(name = "hoctap.admin.password")
    Optional<String> configuredPassword;

    @Transactional
    public void onSchemaReady(@Observes @Priority(200) SchemaReady ready) {
        lock.acquire("admin", 60);
        try {
            Optional<Person> existing = people.findByUsername(USERNAME);
            if (existing.isEmpty()) {
                create();
            } else if (configuredPassword.isPresent()
                    && !passwords.verify(configuredPassword.get(), existing.get().getPasswordHash())) {
                existing.get().setPasswordHash(passwords.hash(configuredPassword.get()), false);
                LOG.info("The password of 'admin' was set from HOCTAP_ADMIN_PASSWORD");
            }
        } finally {
            lock.release("admin");
        }
    }

    private void create() {
        OrgUnit root = organisation.root().orElseGet(() -> organisation.create(Actor.system(), null,
                OrgUnitKind.PROVINCE, "SONLA", "Tỉnh Sơn La", null, false));
        Person admin = new Person(USERNAME, "Quản trị hệ thống", AccountType.STAFF);
        String password = configuredPassword.orElseGet(passwords::generate);
        admin.setPasswordHash(passwords.hash(password), configuredPassword.isEmpty());
        admin.grant(Role.ADMIN, root, null);
        em.persist(admin);
        em.flush();
        audit.record(new AuditEvent(null, "system", "person.create", "person", admin.getId().toString(),
                admin.getFullName(), root.getPath(), null, admin.snapshot()));
        if (configuredPassword.isEmpty()) {
            String banner = "=".repeat(72);
            LOG.warning("\n" + banner
                    + "\n  Tài khoản quản trị đầu tiên / first administrator account"
                    + "\n    tên đăng nhập / username : " + USERNAME
                    + "\n    mật khẩu / password      : " + password
                    + "\n  Mật khẩu chỉ in một lần; hãy đổi ngay khi đăng nhập."
                    + "\n  Printed once only; you will be asked to change it at first sign-in."
                    + "\n" + banner);
        } else {
            LOG.info("Created the administrator 'admin' with the password from HOCTAP_ADMIN_PASSWORD");
        }
    }
}
