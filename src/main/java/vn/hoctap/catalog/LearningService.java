package vn.hoctap.catalog;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.assessment.Answer;
import vn.hoctap.assessment.Attempt;
import vn.hoctap.assessment.QuizService;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.PersonRepository;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.records.LearningEvent;
import vn.hoctap.records.LearningRecords;
import vn.hoctap.records.Vocabulary;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Times;
import vn.hoctap.shared.ValidationFailure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A learner in courses: enrolment, lessons done, quizzes, completion and the certificate. Every
 * step is committed together with its xAPI statement (through {@link LearningRecords}), the moment
 * it happens, so a lost connection never loses a finished lesson or a saved answer.
 */
@ApplicationScoped
public class LearningService {

    @Inject
    Sql sql;

    @Inject
    CatalogService catalog;

    @Inject
    QuizService quizzes;

    @Inject
    CertificateService certificates;

    @Inject
    LearningRecords records;

    @Inject
    PersonRepository people;

    /** A course a person is in, for their home page and {@code /api/me/progress}. */
    public record MyCourse(String code, String title, int percent, String resumeLesson, LocalDateTime lastSeenAt,
                           LocalDateTime completedAt, String certificateCode) {
    }

    public Optional<Enrolment> enrolment(long personId, long courseId) {
        return sql.one("SELECT * FROM enrolment WHERE person_id = ? AND course_id = ? AND is_current = 1", LearningService::row,
                personId, courseId);
    }

    /** Enrols the person in the published course (again: nothing changes). */
    @Transactional
    public Enrolment enrol(long personId, String code) {
        PublishedCourse course = catalog.published(code).orElseThrow(() -> new NotFoundException("course " + code));
        Optional<Enrolment> existing = enrolment(personId, course.courseId());
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDateTime now = Times.nowUtc();
        UUID registration = UUID.randomUUID();
        sql.update("INSERT IGNORE INTO enrolment (person_id, course_id, version_id, registration, enrolled_at, last_seen_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", personId, course.courseId(), course.versionId(), registration.toString(), now, now);
        Enrolment e = enrolment(personId, course.courseId()).orElseThrow();
        if (e.registration().equals(registration.toString())) {
            records.record(courseEvent(personId, Vocabulary.REGISTERED, course.definition()).registration(registration));
        }
        return e;
    }

    /**
     * Takes a completed course again from the start (a mandatory programme's new period): the
     * finished enrolment stays as history, with its progress, attempts and certificate, and a new
     * one begins with a new registration. A course not completed yet is simply continued.
     */
    @Transactional
    public Enrolment retake(long personId, String code) {
        PublishedCourse course = catalog.published(code).orElseThrow(() -> new NotFoundException("course " + code));
        Optional<Enrolment> current = enrolment(personId, course.courseId());
        if (current.isPresent() && current.get().isCompleted()) {
            sql.update("UPDATE enrolment SET is_current = NULL WHERE id = ? AND completed_at IS NOT NULL", current.get().id());
        }
        return enrol(personId, code);
    }

    /**
     * The person's progress in a course, or empty when not enrolled. An enrolment not yet completed
     * moves to the course's published version (its progress is kept by lesson key).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Progress> progress(long personId, String code) {
        Optional<PublishedCourse> published = catalog.published(code);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        Optional<Standing> found = sql.one(STANDING + " WHERE e.person_id = ? AND e.course_id = ? AND e.is_current = 1", LearningService::standing,
                personId, published.get().courseId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Enrolment e = withOpened(found.get().enrolment());
        Set<String> done = found.get().done();
        PublishedCourse course = published.get();
        if (e.versionId() != course.versionId()) {
            if (e.isCompleted()) {
                course = catalog.version(e.versionId());
            } else {
                sql.update("UPDATE enrolment SET version_id = ? WHERE id = ?", course.versionId(), e.id());
                e = new Enrolment(e.id(), e.personId(), e.courseId(), course.versionId(), e.registration(), e.enrolledAt(),
                        e.lastLesson(), e.lastSeenAt(), e.completedAt());
            }
        }
        return Optional.of(new Progress(e, course, done));
    }

    /** Lessons opened and not yet written: enrolment id → where and when (see {@link #opened}). */
    private final ConcurrentHashMap<Long, Opened> openedLessons = new ConcurrentHashMap<>();

    private record Opened(String lesson, LocalDateTime at) {
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Instance<LearningService> self;

    void onSchemaReady(@Observes @Priority(700) SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(() -> self.get().writeOpened(), 2, 2, TimeUnit.SECONDS);
    }

    /**
     * Notes that the person opened a lesson (where "continue" takes them next time). It runs on
     * every lesson page, so it is kept in memory and written every 2 s in one batch
     * ({@link #writeOpened}); this node's pages see it at once, the others within seconds. Only the
     * resume point waits: progress itself is written the moment a lesson is done.
     */
    public void opened(Progress p, String lessonKey) {
        Enrolment e = p.enrolment();
        if (lessonKey.equals(e.lastLesson()) && e.lastSeenAt() != null
                && e.lastSeenAt().isAfter(Times.nowUtc().minusMinutes(1))) {
            return; // the same lesson again within a minute: nothing new to remember
        }
        openedLessons.put(e.id(), new Opened(lessonKey, Times.nowUtc()));
    }

    /** Writes the lessons opened since the last time, in one transaction; a newer time already stored (another node) wins. */
    @PreDestroy
    @Transactional
    void writeOpened() {
        if (openedLessons.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Opened>> batch = List.copyOf(openedLessons.entrySet());
        try {
            sql.batch("UPDATE enrolment SET last_lesson = ?, last_seen_at = ? WHERE id = ? AND last_seen_at <= ?",
                    batch.stream().map(o -> new Object[]{o.getValue().lesson(), o.getValue().at(), o.getKey(), o.getValue().at()}).toList());
            batch.forEach(o -> openedLessons.remove(o.getKey(), o.getValue()));
        } catch (RuntimeException failed) {
            Logger.getLogger(LearningService.class.getName()).log(Level.WARNING,
                    "could not write " + batch.size() + " resume points; trying again", failed);
        }
    }

    /** The enrolment with this node's newer resume point, if a lesson was opened and not yet written. */
    private Enrolment withOpened(Enrolment e) {
        Opened o = openedLessons.get(e.id());
        return o == null ? e : new Enrolment(e.id(), e.personId(), e.courseId(), e.versionId(), e.registration(),
                e.enrolledAt(), o.lesson(), o.at(), e.completedAt());
    }

    /**
     * Marks a lesson done (not a quiz: a quiz is done when passed) and completes the course when it
     * was the last one needed. Marking it again changes nothing.
     */
    @Transactional
    public Progress lessonDone(long personId, String code, String lessonKey, Duration spent) {
        Progress p = require(personId, code);
        CourseDefinition.Lesson lesson = openLesson(p, lessonKey);
        if (lesson.kind() == LessonKind.QUIZ) {
            throw new ValidationFailure(null, "learn.quizNotPassed");
        }
        markDone(p, lesson, spent);
        return require(personId, code);
    }

    /** The attempt in progress at a quiz lesson, or a new one; empty when no attempts remain. */
    @Transactional
    public Optional<Attempt> startQuiz(long personId, String code, String lessonKey) {
        Progress p = require(personId, code);
        CourseDefinition.Lesson lesson = quizLesson(p, lessonKey);
        return quizzes.startOrResume(p.enrolment().id(), lesson.key(), p.course().definition().questions(), lesson.quiz());
    }

    public List<Attempt> attempts(Progress p, String lessonKey) {
        return quizzes.attempts(p.enrolment().id(), lessonKey);
    }

    /** Saves one answer of the person's attempt. */
    @Transactional
    public Attempt answer(long personId, long attemptId, int position, Answer answer) {
        Attempt a = ownAttempt(personId, attemptId);
        return quizzes.answer(a.id(), position, answer);
    }

    /** Grades the person's attempt; a pass marks the quiz lesson done (and may complete the course). */
    @Transactional
    public Attempt submit(long personId, long attemptId) {
        Attempt a = quizzes.submit(ownAttempt(personId, attemptId).id());
        recordResult(personId, a);
        return a;
    }

    /** The person's attempt (graded if its time ran out, with its result recorded). */
    @Transactional
    public Attempt attempt(long personId, long attemptId) {
        Attempt a = ownAttempt(personId, attemptId);
        if (a.isSubmitted()) {
            recordResult(personId, a);
        }
        return a;
    }

    /** Records a graded attempt once: passed/failed, and a pass completes the quiz lesson. */
    private void recordResult(long personId, Attempt a) {
        // Once per attempt, whichever request sees it graded first (a submit, or a page after the time ran out).
        int claimed = sql.update("UPDATE quiz_attempt SET recorded = TRUE WHERE id = ? AND submitted_at IS NOT NULL"
                + " AND recorded = FALSE", a.id());
        if (claimed == 0) {
            return;
        }
        Enrolment e = enrolmentById(a.owner());
        PublishedCourse course = catalog.version(e.versionId());
        CourseDefinition.Lesson lesson = course.definition().lesson(a.quiz()).orElseThrow();
        CourseDefinition d = course.definition();
        Duration spent = Duration.between(a.startedAt(), a.submittedAt());
        records.record(LearningEvent.of(personId, Boolean.TRUE.equals(a.passed()) ? Vocabulary.PASSED : Vocabulary.FAILED,
                        records.activity("courses/" + d.code() + "/lessons/" + lesson.key()))
                .name(lesson.title(), null).type(Vocabulary.ASSESSMENT)
                .score(BigDecimal.valueOf(a.score()), BigDecimal.ZERO, BigDecimal.valueOf(a.maxScore()))
                .success(Boolean.TRUE.equals(a.passed())).completion(true).duration(spent)
                .parent(records.activity("courses/" + d.code())).registration(UUID.fromString(e.registration()))
                .topic(d.topic()));
        if (Boolean.TRUE.equals(a.passed())) {
            insertDone(e.id(), lesson.key());
            completeIfDone(personId, e.id());
        }
    }

    /** The code of the course an attempt belongs to. */
    public String courseCodeOf(Attempt a) {
        return catalog.version(enrolmentById(a.owner()).versionId()).code();
    }

    /** Every course the person is in, most recent first. */
    public List<MyCourse> myCourses(long personId) {
        return sql.list(STANDING + " WHERE e.person_id = ? AND e.is_current = 1 ORDER BY e.last_seen_at DESC", LearningService::standing, personId)
                .stream().map(s -> {
                    Enrolment e = s.enrolment();
                    Progress p = new Progress(e, catalog.version(e.versionId()), s.done());
                    return new MyCourse(p.course().code(), p.course().title(), p.percent(), p.resume().key(), e.lastSeenAt(),
                            e.completedAt(), s.certificate());
                }).toList();
    }

    private void markDone(Progress p, CourseDefinition.Lesson lesson, Duration spent) {
        if (!insertDone(p.enrolment().id(), lesson.key())) {
            return;
        }
        CourseDefinition d = p.course().definition();
        LearningEvent event = LearningEvent.of(p.enrolment().personId(), Vocabulary.COMPLETED,
                        records.activity("courses/" + d.code() + "/lessons/" + lesson.key()))
                .name(lesson.title(), null).type(Vocabulary.LESSON).completion(true)
                .parent(records.activity("courses/" + d.code()))
                .registration(UUID.fromString(p.enrolment().registration())).topic(d.topic());
        if (spent != null) {
            event.duration(spent);
        }
        records.record(event);
        completeIfDone(p.enrolment().personId(), p.enrolment().id());
    }

    private boolean insertDone(long enrolmentId, String lessonKey) {
        return sql.update("INSERT IGNORE INTO lesson_progress (enrolment_id, lesson_key, done_at) VALUES (?, ?, ?)",
                enrolmentId, lessonKey, Times.nowUtc()) == 1;
    }

    /** All required lessons done → the course is completed, its hours credited, the certificate issued. */
    private void completeIfDone(long personId, long enrolmentId) {
        Standing s = sql.one(STANDING + " WHERE e.id = ? FOR UPDATE", LearningService::standing, enrolmentId).orElseThrow();
        Enrolment e = s.enrolment();
        if (e.isCompleted()) {
            return;
        }
        PublishedCourse course = catalog.version(e.versionId());
        if (!new Progress(e, course, s.done()).allRequiredDone()) {
            return;
        }
        LocalDateTime now = Times.nowUtc();
        sql.update("UPDATE enrolment SET completed_at = ? WHERE id = ?", now, e.id());
        CourseDefinition d = course.definition();
        records.record(courseEvent(personId, Vocabulary.COMPLETED, d).completion(true)
                .creditedMinutes(d.creditedMinutes()).registration(UUID.fromString(e.registration())));
        Person person = people.find(personId).orElseThrow();
        certificates.issue(e.id(), personId, person.getFullName(), course, e.registration());
    }

    private LearningEvent courseEvent(long personId, String verb, CourseDefinition d) {
        return LearningEvent.of(personId, verb, records.activity("courses/" + d.code()))
                .name(d.title(), d.titleEn()).description(d.summary()).type(Vocabulary.COURSE).topic(d.topic());
    }

    private Progress require(long personId, String code) {
        return progress(personId, code).orElseThrow(() -> new ValidationFailure(null, "learn.notEnrolled"));
    }

    private static CourseDefinition.Lesson openLesson(Progress p, String lessonKey) {
        CourseDefinition.Lesson lesson = p.course().definition().lesson(lessonKey)
                .orElseThrow(() -> new NotFoundException("lesson " + lessonKey));
        if (!p.isOpen(lesson)) {
            throw new ValidationFailure(null, "learn.locked");
        }
        return lesson;
    }

    private static CourseDefinition.Lesson quizLesson(Progress p, String lessonKey) {
        CourseDefinition.Lesson lesson = openLesson(p, lessonKey);
        if (lesson.kind() != LessonKind.QUIZ) {
            throw new NotFoundException("quiz " + lessonKey);
        }
        return lesson;
    }

    private Attempt ownAttempt(long personId, long attemptId) {
        Attempt a = quizzes.attempt(attemptId).orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        long owner = sql.count("SELECT person_id FROM enrolment WHERE id = ?", a.owner());
        if (owner != personId) {
            throw new NotFoundException("attempt " + attemptId);
        }
        return a;
    }

    /**
     * An enrolment with the keys of its lessons done and its certificate's code, in one round trip;
     * append the WHERE clause.
     */
    private static final String STANDING = "SELECT e.*,"
            + " (SELECT GROUP_CONCAT(lp.lesson_key SEPARATOR ' ') FROM lesson_progress lp WHERE lp.enrolment_id = e.id) AS done,"
            + " (SELECT c.code FROM certificate c WHERE c.enrolment_id = e.id) AS certificate FROM enrolment e";

    private record Standing(Enrolment enrolment, Set<String> done, String certificate) {
    }

    private static Standing standing(ResultSet rs) throws SQLException {
        String done = rs.getString("done");
        return new Standing(row(rs), done == null ? Set.of() : Set.of(done.split(" ")), rs.getString("certificate"));
    }

    private Enrolment enrolmentById(long id) {
        return sql.one("SELECT * FROM enrolment WHERE id = ?", LearningService::row, id).orElseThrow();
    }

    static Enrolment row(ResultSet rs) throws SQLException {
        return new Enrolment(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("course_id"), rs.getLong("version_id"),
                rs.getString("registration"), Sql.time(rs, "enrolled_at"), rs.getString("last_lesson"),
                Sql.time(rs, "last_seen_at"), Sql.time(rs, "completed_at"));
    }
}
