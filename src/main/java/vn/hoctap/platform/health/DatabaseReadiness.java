package vn.hoctap.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.platform.db.DatabaseStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the schema migrations have been applied and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DatabaseStatus status;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!status.isReady()) {
            return response.down().withData("problem", String.valueOf(status.problem())).build();
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? response.up().build() : response.down().withData("problem", "no answer").build();
        } catch (SQLException e) {
            return response.down().withData("problem", e.getMessage()).build();
        }
    }
}
