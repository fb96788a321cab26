package vn.hoctap.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the versioned schema migrations (Flyway, {@code db/migration}) at start-up. If the
 * database is unreachable it says so in one log line, keeps readiness DOWN and tries again every
 * 15 seconds instead of failing the deployment or hanging.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final long RETRY_MILLIS = 15_000;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    DatabaseStatus status;

    @Inject
    Event<SchemaReady> schemaReady;

    @Inject
    @ConfigProperty(name = "hoctap.db.url")
    String url;

    private volatile ScheduledFuture<?> retries;

    /**
     * At deployment, outside any EJB or transaction (Flyway commits on its own connections, and
     * tasks scheduled by start-up work must not inherit a component invocation).
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (!migrate()) {
            retries = scheduler.scheduleWithFixedDelay(() -> {
                if (!status.isReady() && migrate() && retries != null) {
                    retries.cancel(false);
                }
            }, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean migrate() {
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .connectRetries(0)
                    .load()
                    .migrate();
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now) on " + url);
            status.markReady();
            announce(result.migrationsExecuted);
            return true;
        } catch (RuntimeException e) {
            String problem = rootMessage(e);
            status.markFailed(problem);
            LOG.severe("DATABASE NOT READY at " + url + ": " + problem
                    + " — pages answer 503 and /health/ready is DOWN; retrying every "
                    + RETRY_MILLIS / 1000 + " s");
            LOG.log(Level.FINE, "database failure", e);
            return false;
        }
    }

    private void announce(int applied) {
        try {
            schemaReady.fire(new SchemaReady(applied));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Start-up work after the schema migration failed", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
