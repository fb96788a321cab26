package vn.hoctap.platform.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the versioned schema migrations (Flyway, {@code db/migration}) at start-up. If the
 * database is unreachable it says so in one log line, keeps readiness DOWN and tries again every
 * 15 seconds instead of failing the deployment or hanging.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits on its own connections
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final long RETRY_MILLIS = 15_000;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    DatabaseStatus status;

    @Inject
    Event<SchemaReady> schemaReady;

    @Inject
    @ConfigProperty(name = "hoctap.db.url")
    String url;

    @PostConstruct
    void start() {
        if (!migrate()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("schema-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (migrate()) {
            timer.cancel();
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
            LOG.severe("DATABASE UNAVAILABLE at " + url + ": " + problem
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
