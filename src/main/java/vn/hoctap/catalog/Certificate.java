package vn.hoctap.catalog;

import java.time.LocalDateTime;

/**
 * A certificate of completion. The name and course title are kept as they were on the day it was
 * issued; {@code code} is what the QR code and {@code /verify/{code}} carry.
 */
public record Certificate(long id, String code, long enrolmentId, long personId, long courseId, String personName,
                          String courseTitle, int creditedMinutes, LocalDateTime issuedAt, LocalDateTime revokedAt,
                          String revokeReason) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
