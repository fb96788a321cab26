package vn.hoctap.platform.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's one connection pool. Its settings come from MicroProfile Config, so the same WAR
 * runs against the embedded database (the launcher sets them) and against a MariaDB server
 * ({@code HOCTAP_DB_URL}, {@code HOCTAP_DB_USER}, {@code HOCTAP_DB_PASSWORD}).
 */
@DataSourceDefinition(
        name = DataSourceConfig.JNDI_NAME,
        className = "org.mariadb.jdbc.MariaDbDataSource",
        url = "${MPCONFIG=hoctap.db.url}",
        user = "${MPCONFIG=hoctap.db.user}",
        password = "${MPCONFIG=hoctap.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        loginTimeout = 5,
        properties = {
                // Fail fast rather than hang when the database is down or unreachable.
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
                "fish.payara.is-connection-validation-required=true"
        })
@ApplicationScoped
public class DataSourceConfig {
    public static final String JNDI_NAME = "java:app/jdbc/hoctap";
}
