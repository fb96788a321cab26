package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.PeopleService;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.PersonRepository;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.records.xapi.Ifi;
import vn.hoctap.records.xapi.StatementKeys;
import vn.hoctap.records.xapi.XapiJson;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;
import vn.hoctap.shared.ValidationFailure;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A person's lifelong learning record (hồ sơ học tập điện tử), read from the learning summary:
 * what they learnt and when, hours per year and per topic, certificates. Only the person and staff
 * who manage them (by their scope in the organisation) may read it; anyone else is told the
 * person does not exist.
 */
@ApplicationScoped
public class RecordService {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    PersonRepository people;

    @Inject
    PeopleService peopleService;

    @Inject
    LearningRecords records;

    @Inject
    StatementStore store;

    @Inject
    AuditService audit;

    /** Training done outside the platform, as staff enter it. */
    public record ExternalTraining(String title, String provider, LocalDate completedOn, BigDecimal hours,
                                   String topic) {
    }

    /** A certificate file for an external training: where it is and its type (PDF, JPEG, PNG). */
    public record CertificateFile(Path file, String contentType) {
    }

    /** One activity in the record. Minutes: credited ones when given, otherwise time spent. */
    public record Entry(String iri, String name, String type, String topic, String provider, boolean enteredByStaff,
                        boolean completed, Boolean passed, BigDecimal score, long minutes, LocalDateTime firstSeen,
                        LocalDateTime lastSeen, LocalDateTime completedAt) implements Serializable {

        /** The date the entry stands at in the timeline: completion, or the last activity. */
        public LocalDateTime when() {
            return completedAt != null ? completedAt : lastSeen;
        }

        public String hours() {
            return RecordService.hours(minutes);
        }

        public Integer scorePercent() {
            return score == null ? null : score.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
        }

        /** kind for the page: course, assessment, meeting (in-person class), external, other */
        public String kind() {
            if (type == null) {
                return "other";
            }
            return switch (type) {
                case Vocabulary.COURSE -> "course";
                case Vocabulary.ASSESSMENT, "http://adlnet.gov/expapi/activities/cmi.interaction" -> "assessment";
                case Vocabulary.MEETING -> "meeting";
                case Vocabulary.EXTERNAL_TRAINING -> "external";
                case Vocabulary.LESSON -> "lesson";
                case Vocabulary.CERTIFICATE -> "certificate";
                default -> "other";
            };
        }
    }

    /** A certificate in the record: a file attached to a statement. */
    public record Certificate(String title, String sha2, String contentType, LocalDateTime issued, String provider)
            implements Serializable {
    }

    /** The whole record as a page shows it. */
    public record PersonRecord(long personId, String fullName, String unit, List<Entry> entries,
                               Map<Integer, Long> minutesByYear, Map<String, Long> minutesByTopic, long completed,
                               List<Certificate> certificates) implements Serializable {

        public String totalHours() {
            return hours(minutesByYear.values().stream().mapToLong(Long::longValue).sum());
        }

        public String hoursIn(int year) {
            return hours(minutesByYear.getOrDefault(year, 0L));
        }

        public List<Map.Entry<Integer, Long>> years() {
            return new ArrayList<>(minutesByYear.entrySet());
        }

        public List<Map.Entry<String, Long>> topics() {
            return new ArrayList<>(minutesByTopic.entrySet());
        }
    }

    /** The person whose record the actor may read; NotFound otherwise (no hint that they exist). */
    public Person readable(Actor actor, long personId) {
        if (actor == null) {
            throw new AccessDeniedException("not signed in");
        }
        Person person = people.find(personId).orElseThrow(() -> new NotFoundException("person " + personId));
        if (!Objects.equals(actor.personId(), personId) && !peopleService.canManage(actor, person)) {
            throw new NotFoundException("person " + personId);
        }
        return person;
    }

    /**
     * Adds training done elsewhere to a person's record, as a statement marked as entered by
     * staff (with the certificate attached, if given). Only staff who manage the person may.
     */
    @Transactional
    public UUID enterExternal(Actor actor, long personId, ExternalTraining t, CertificateFile certificate) {
        Person person = people.find(personId).orElseThrow(() -> new NotFoundException("person " + personId));
        if (!peopleService.canManage(actor, person)) {
            throw new NotFoundException("person " + personId);
        }
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        if (t.title() == null || t.title().isBlank()) {
            problems.add(new ValidationFailure.Problem("title", "records.external.titleRequired"));
        }
        if (t.provider() == null || t.provider().isBlank()) {
            problems.add(new ValidationFailure.Problem("provider", "records.external.providerRequired"));
        }
        LocalDate today = LocalDate.now(Times.VIETNAM);
        if (t.completedOn() == null || t.completedOn().isAfter(today) || t.completedOn().getYear() < 1950) {
            problems.add(new ValidationFailure.Problem("completedOn", "records.external.dateInvalid"));
        }
        if (t.hours() == null || t.hours().signum() <= 0 || t.hours().compareTo(BigDecimal.valueOf(2000)) > 0) {
            problems.add(new ValidationFailure.Problem("hours", "records.external.hoursInvalid"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        LearningEvent event = LearningEvent.of(personId, Vocabulary.COMPLETED,
                        records.activity("external/" + UUID.randomUUID()))
                .name(Text.clean(t.title()), null)
                .type(Vocabulary.EXTERNAL_TRAINING)
                .completion(true)
                .creditedMinutes(t.hours().multiply(BigDecimal.valueOf(60)).intValue())
                .provider(Text.clean(t.provider()))
                .topic(t.topic() == null || t.topic().isBlank() ? null : Text.clean(t.topic()))
                .enteredBy(actor.personId())
                .at(t.completedOn().atTime(12, 0).atZone(Times.VIETNAM).toOffsetDateTime());
        if (certificate != null) {
            event.attach(new LearningEvent.Attachment(Vocabulary.CERTIFICATE_ATTACHMENT, "Chứng chỉ",
                    certificate.contentType(), certificate.file()));
        }
        UUID id = records.record(event);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", t.title());
        after.put("provider", t.provider());
        after.put("completedOn", t.completedOn().toString());
        after.put("hours", t.hours().toPlainString());
        after.put("certificate", certificate != null);
        after.put("statement", id.toString());
        audit.record(new AuditEvent(actor.personId(), actor.username(), "record.external", "person",
                Long.toString(personId), person.getFullName(),
                person.getHomeUnit() == null ? "/" : person.getHomeUnit().getPath(), null, after));
        return id;
    }

    public PersonRecord record(Actor actor, long personId) {
        Person person = readable(actor, personId);
        List<Entry> entries = entries(personId);
        Map<Integer, Long> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        Map<String, Long> byTopic = new TreeMap<>();
        long completed = 0;
        for (Entry e : entries) {
            if (e.type() != null && e.type().equals(Vocabulary.LESSON)) {
                continue; // a lesson's time is counted in its course
            }
            byYear.merge(e.when().getYear(), e.minutes(), Long::sum);
            if (e.topic() != null) {
                byTopic.merge(e.topic(), e.minutes(), Long::sum);
            }
            if (e.completed()) {
                completed++;
            }
        }
        byYear.values().removeIf(v -> v == 0);
        byTopic.values().removeIf(v -> v == 0);
        return new PersonRecord(personId, person.getFullName(),
                person.getHomeUnit() == null ? null : person.getHomeUnit().getName(), entries, byYear,
                byTopic, completed, certificates(person));
    }

    private List<Entry> entries(long personId) {
        List<Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT activity_iri, activity_name, activity_type, topic, provider, "
                     + "entered_by, completed, passed, best_scaled, credited_min, session_ms, other_ms, first_seen, "
                     + "last_seen, completed_at FROM learning_summary WHERE person_id = ? "
                     + "ORDER BY COALESCE(completed_at, last_seen) DESC LIMIT 2000")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long spentMs = rs.getLong(11) > 0 ? rs.getLong(11) : rs.getLong(12);
                    long minutes = rs.getInt(10) > 0 ? rs.getInt(10) : Math.round(spentMs / 60000.0);
                    out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6) != null, rs.getBoolean(7), (Boolean) rs.getObject(8), rs.getBigDecimal(9),
                            minutes, rs.getObject(13, LocalDateTime.class), rs.getObject(14, LocalDateTime.class),
                            rs.getObject(15, LocalDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Certificates: attachments of the person's statements that are certificates. */
    private List<Certificate> certificates(Person person) {
        List<Certificate> out = new ArrayList<>();
        for (StatementStore.StoredStatement s : statementsWithAttachments(person)) {
            JsonNode json = s.json();
            for (JsonNode a : json.path("attachments")) {
                if (Vocabulary.CERTIFICATE_ATTACHMENT.equals(a.path("usageType").asText())) {
                    LocalDateTime issued = vn.hoctap.records.xapi.Formats.parseTimestamp(json.path("timestamp").asText(null))
                            .map(t -> t.toLocalDateTime()).orElse(s.stored());
                    out.add(new Certificate(name(json.path("object").path("definition").path("name")),
                            a.path("sha2").asText(), a.path("contentType").asText(), issued,
                            json.path("context").path("extensions").path(Vocabulary.PROVIDER).asText(null)));
                }
            }
        }
        return out;
    }

    private List<StatementStore.StoredStatement> statementsWithAttachments(Person person) {
        List<StatementStore.StoredStatement> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT s.seq, s.id, s.stored, s.voided, s.body "
                     + "FROM xapi_statement_key k STRAIGHT_JOIN xapi_statement s ON s.seq = k.seq "
                     + "WHERE k.kind = ? AND k.hash = ? AND s.has_attachments = TRUE AND s.voided = FALSE ORDER BY k.seq DESC")) {
            for (String ifi : identities(person)) {
                ps.setInt(1, StatementKeys.AGENT);
                ps.setBytes(2, Ifi.hash(ifi));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StatementStore.StoredStatement(rs.getLong(1), null, rs.getObject(3, LocalDateTime.class),
                                false, rs.getString(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The attachment (certificate) of the person's record with this hash, if it is theirs. */
    public Optional<AttachmentStore.Attachment> certificate(Actor actor, long personId, String sha2,
                                                            AttachmentStore attachments) {
        Person person = readable(actor, personId);
        boolean theirs = certificates(person).stream().anyMatch(c -> c.sha2().equalsIgnoreCase(sha2));
        return theirs ? Optional.ofNullable(attachments.find(List.of(sha2)).get(sha2.toLowerCase())) : Optional.empty();
    }

    /** The identities a person's statements may carry: the platform account, and their e-mail. */
    List<String> identities(Person person) {
        List<String> out = new ArrayList<>();
        Ifi.of(records.agent(person)).ifPresent(out::add);
        if (person.getEmail() != null && !person.getEmail().isBlank()) {
            ObjectNode mbox = XapiJson.object();
            mbox.put("mbox", "mailto:" + person.getEmail());
            Ifi.of(mbox).ifPresent(out::add);
        }
        return out;
    }

    /** The person's statements as xAPI JSON (a StatementResult without paging), streamed. */
    public void exportJson(Actor actor, long personId, OutputStream out) throws IOException {
        Person person = readable(actor, personId);
        out.write("{\"statements\":[".getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (String ifi : identities(person)) {
            Long cursor = null;
            while (true) {
                List<StatementStore.StoredStatement> page = store.query(new StatementStore.Query(
                        List.of(new StatementKeys.Key(StatementKeys.AGENT, ifi)), null, null, true, cursor, null, 1000));
                for (int i = 0; i < Math.min(page.size(), 1000); i++) {
                    out.write((first ? "" : ",").getBytes(StandardCharsets.UTF_8));
                    out.write(page.get(i).body().getBytes(StandardCharsets.UTF_8));
                    first = false;
                }
                if (page.size() <= 1000) {
                    break;
                }
                cursor = page.get(999).seq();
            }
        }
        out.write("],\"more\":\"\"}".getBytes(StandardCharsets.UTF_8));
    }

    static String name(JsonNode map) {
        String n = LearningProjection.name(map);
        return n == null ? "" : n;
    }

    /** Minutes as hours for people: "12,5" (Vietnamese decimal comma). */
    public static String hours(long minutes) {
        double h = minutes / 60.0;
        String s = h == Math.floor(h) ? Long.toString((long) h) : String.format(java.util.Locale.ROOT, "%.1f", h);
        return s.replace('.', ',');
    }
}
