package vn.hoctap.platform.db;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the schema is in place: read by the readiness check and by the page filter. */
@ApplicationScoped
public class DatabaseStatus {

    private volatile boolean ready;
    private volatile String problem = "starting";

    public boolean isReady() {
        return ready;
    }

    public String problem() {
        return problem;
    }

    void markReady() {
        ready = true;
        problem = null;
    }

    void markFailed(String problem) {
        ready = false;
        this.problem = problem;
    }
}
