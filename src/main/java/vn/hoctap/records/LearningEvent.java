package vn.hoctap.records;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something a person learnt, as a feature of the platform reports it: who, what they did (an xAPI
 * verb, see {@link Vocabulary}) and to which activity, with the result and context that matter.
 * {@link LearningRecords} turns it into a statement.
 *
 * <pre>
 * records.record(LearningEvent.of(personId, Vocabulary.COMPLETED, courseIri)
 *         .name("Kỹ năng số cơ bản", "Basic digital skills").type(Vocabulary.COURSE)
 *         .completion(true).creditedMinutes(480).topic("Kỹ năng số"));
 * </pre>
 */
public final class LearningEvent {

    /** A file attached to the statement, such as a certificate. */
    public record Attachment(String usageType, String displayVi, String contentType, Path file) {
    }

    final long personId;
    final String verb;
    final String activityIri;
    final Map<String, String> name = new LinkedHashMap<>();
    final Map<String, String> description = new LinkedHashMap<>();
    String activityType;
    Boolean completion;
    Boolean success;
    BigDecimal scaled;
    BigDecimal raw;
    BigDecimal min;
    BigDecimal max;
    Duration duration;
    String response;
    Integer creditedMinutes;
    UUID registration;
    String parentIri;
    String topic;
    String provider;
    Long enteredBy;
    OffsetDateTime timestamp;
    UUID id;
    final List<Attachment> attachments = new ArrayList<>();

    private LearningEvent(long personId, String verb, String activityIri) {
        this.personId = personId;
        this.verb = verb;
        this.activityIri = activityIri;
    }

    public static LearningEvent of(long personId, String verb, String activityIri) {
        return new LearningEvent(personId, verb, activityIri);
    }

    /** The activity's name in Vietnamese and (optionally) English. */
    public LearningEvent name(String vi, String en) {
        name.put("vi", vi);
        if (en != null && !en.isBlank()) {
            name.put("en", en);
        }
        return this;
    }

    public LearningEvent description(String vi) {
        if (vi != null && !vi.isBlank()) {
            description.put("vi", vi);
        }
        return this;
    }

    public LearningEvent type(String activityTypeIri) {
        this.activityType = activityTypeIri;
        return this;
    }

    public LearningEvent completion(boolean completed) {
        this.completion = completed;
        return this;
    }

    public LearningEvent success(boolean passed) {
        this.success = passed;
        return this;
    }

    /** A score: raw points between min and max (scaled is derived). */
    public LearningEvent score(BigDecimal raw, BigDecimal min, BigDecimal max) {
        this.raw = raw;
        this.min = min;
        this.max = max;
        if (max.compareTo(min) > 0) {
            this.scaled = raw.subtract(min).divide(max.subtract(min), 4, java.math.RoundingMode.HALF_UP);
        }
        return this;
    }

    public LearningEvent duration(Duration spent) {
        this.duration = spent;
        return this;
    }

    public LearningEvent response(String answer) {
        this.response = answer;
        return this;
    }

    /** Minutes of learning credited (a course's hours, training done elsewhere). */
    public LearningEvent creditedMinutes(int minutes) {
        this.creditedMinutes = minutes;
        return this;
    }

    public LearningEvent registration(UUID enrolment) {
        this.registration = enrolment;
        return this;
    }

    /** The activity this one is part of (a lesson's course). */
    public LearningEvent parent(String iri) {
        this.parentIri = iri;
        return this;
    }

    public LearningEvent topic(String topicName) {
        this.topic = topicName;
        return this;
    }

    /** The institution that gave training done elsewhere. */
    public LearningEvent provider(String institution) {
        this.provider = institution;
        return this;
    }

    /** The staff member who entered this by hand (person id). */
    public LearningEvent enteredBy(long staffPersonId) {
        this.enteredBy = staffPersonId;
        return this;
    }

    /** When it happened (default: now). */
    public LearningEvent at(OffsetDateTime when) {
        this.timestamp = when;
        return this;
    }

    /** A fixed statement id, so that reporting the same event twice stores it once. */
    public LearningEvent id(UUID statementId) {
        this.id = statementId;
        return this;
    }

    public LearningEvent attach(Attachment attachment) {
        attachments.add(attachment);
        return this;
    }
}
