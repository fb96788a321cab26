package vn.hoctap.training;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A mandatory training programme: its courses (all required, or {@code requiredCount} of them),
 * who it is for ({@link AudienceRule}), the period and its fixed deadline, optional
 * recertification, the days its figures are frozen for the reports, and the unit that owns it (an
 * agency, or the province).
 */
public record Programme(long id, String code, String name, String description, long ownerUnitId, String ownerPath,
                        String ownerName, ProgrammeStatus status, List<Course> courses, Integer requiredCount,
                        LocalDate periodStart, LocalDate periodEnd, LocalDate deadline, Integer recertMonths,
                        List<LocalDate> reportDates, AudienceRule audience, LocalDateTime assignedAt, long version) {

    /** A course of the programme; {@code activity} is the key of its rows in the learning summary. */
    public record Course(long courseId, String code, String title, byte[] activity) {
    }

    public Programme {
        courses = List.copyOf(courses);
        reportDates = reportDates == null ? List.of() : reportDates.stream().sorted().distinct().toList();
    }

    /** How many of the courses must be completed. */
    public int required() {
        return requiredCount == null ? courses.size() : Math.min(requiredCount, courses.size());
    }

    public boolean isAllRequired() {
        return required() == courses.size();
    }

    public Standing.Window window() {
        return new Standing.Window(periodStart, deadline, recertMonths);
    }

    public boolean isPublished() {
        return status == ProgrammeStatus.PUBLISHED;
    }
}
