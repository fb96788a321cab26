package vn.hoctap.identity.staffimport;

import java.util.concurrent.atomic.AtomicInteger;

/** How far a running import is; read by the page's progress bar while the import writes. */
public final class ImportProgress {

    private final AtomicInteger done = new AtomicInteger();
    private volatile int total = 1;
    private volatile ImportResult result;
    private volatile String failureKey;

    void start(int total) {
        this.total = Math.max(1, total);
    }

    void advance() {
        done.incrementAndGet();
    }

    public void finish(ImportResult result) {
        this.result = result;
    }

    public void fail(String failureKey) {
        this.failureKey = failureKey;
    }

    public int percent() {
        if (result != null) {
            return 100;
        }
        return Math.min(99, done.get() * 100 / total);
    }

    public boolean isFinished() {
        return result != null || failureKey != null;
    }

    public ImportResult result() {
        return result;
    }

    public String failureKey() {
        return failureKey;
    }
}
