package vn.hoctap.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application answers at all. A database outage makes it not ready, never "dead":
 * restarting the node would not bring the database back.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        return HealthCheckResponse.named("application").up()
                .withData("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024))
                .withData("heapMaxMb", rt.maxMemory() / (1024 * 1024))
                .build();
    }
}
