package vn.hoctap.training;

import vn.hoctap.shared.Times;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Where an assignment stands against its deadline. The deadline is a day in Vietnam's time: work
 * finished at 23:59 in Sơn La on the deadline is on time.
 */
public enum ComplianceStatus {
    COMPLETED,
    COMPLETED_LATE,
    IN_PROGRESS,
    NOT_STARTED,
    OVERDUE;

    public static ComplianceStatus of(Standing s, LocalDate deadline, LocalDate today) {
        if (s.isCompleted()) {
            return localDate(s.completedAt()).isAfter(deadline) ? COMPLETED_LATE : COMPLETED;
        }
        if (today.isAfter(deadline)) {
            return OVERDUE;
        }
        return s.started() ? IN_PROGRESS : NOT_STARTED;
    }

    /** The day in Vietnam of a UTC moment. */
    public static LocalDate localDate(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(Times.VIETNAM).toLocalDate();
    }

    public boolean isDone() {
        return this == COMPLETED || this == COMPLETED_LATE;
    }

    public String messageKey() {
        return "training.status." + name();
    }
}
