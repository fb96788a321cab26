package vn.hoctap.records;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The {@code stored} time of statements: UTC, in microseconds, and strictly increasing on this
 * node, so that the order of statements by {@code stored} and by arrival is the same.
 */
@ApplicationScoped
public class StoredClock {

    private LocalDateTime last = LocalDateTime.MIN;

    /** The next {@code count} stored times, one microsecond apart, all after any given before. */
    public synchronized LocalDateTime[] next(int count) {
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        LocalDateTime first = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        LocalDateTime[] out = new LocalDateTime[count];
        for (int i = 0; i < count; i++) {
            out[i] = first.plus(i, ChronoUnit.MICROS);
        }
        if (count > 0) {
            last = out[count - 1];
        }
        return out;
    }
}
