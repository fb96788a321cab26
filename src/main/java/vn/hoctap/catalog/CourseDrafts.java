package vn.hoctap.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.assessment.Question;
import vn.hoctap.assessment.QuestionType;
import vn.hoctap.assessment.QuizSettings;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.Role;
import vn.hoctap.library.Audience;
import vn.hoctap.library.Level;
import vn.hoctap.library.LibraryService;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.SafeHtml;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Courses edited in the browser. A course is edited in its draft (one per course: a
 * {@code course_version} with status DRAFT), saved as often as the author likes and checked against
 * every rule of the course format on each save; publishing turns the draft into a new immutable
 * version through {@link CatalogService#publish}, so learners already in the course keep their
 * progress. Two editors of one draft cannot overwrite each other: each save names the revision it
 * started from.
 * <p>
 * Who may edit: a course's authors ({@code course_author}), administrators and reviewers. Whoever
 * creates a course, in the editor or by uploading its files, is its first author.
 */
@ApplicationScoped
public class CourseDrafts {

    @Inject
    Sql sql;

    @Inject
    CatalogService catalog;

    @Inject
    AuditService audit;

    @Inject
    LibraryService library;

    /**
     * A course as its editor sees it.
     *
     * @param revision        what the next save or publication must name
     * @param publishedNumber the published version's number, or null before the first publication
     * @param saved           whether a draft is stored (false: the published version, not yet changed)
     * @param problems        what keeps the draft from being published (the course format's rules)
     */
    public record Draft(String code, String revision, CourseDefinition course, Integer publishedNumber, boolean saved,
                        LocalDateTime savedAt, String savedBy, List<String> problems) {
    }

    /** One line of an author's list of courses. */
    public record Summary(String code, String title, Integer publishedNumber, boolean draft, LocalDateTime updatedAt) {
    }

    public record Author(String username, String fullName, LocalDateTime addedAt) {
    }

    private record Row(long courseId, Long publishedId, Long draftId) {
    }

    /** Whether the actor may edit the course at all (authors of it, administrators, reviewers). */
    public boolean mayEdit(Actor actor, long courseId) {
        if (actor.has(Role.ADMIN) || actor.has(Role.REVIEWER)) {
            return true;
        }
        return actor.personId() != null && actor.has(Role.AUTHOR)
                && sql.count("SELECT COUNT(*) FROM course_author WHERE course_id = ? AND person_id = ?", courseId, actor.personId()) > 0;
    }

    public static boolean mayCreate(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.AUTHOR);
    }

    /** The courses the actor may edit, drafts first, then by last change. */
    public List<Summary> editable(Actor actor) {
        boolean all = actor.has(Role.ADMIN) || actor.has(Role.REVIEWER);
        return sql.list("SELECT c.code, COALESCE(d.title, p.title) AS title, p.number, c.draft_version_id IS NOT NULL AS draft,"
                        + " COALESCE(d.updated_at, c.updated_at) AS updated FROM course c"
                        + " LEFT JOIN course_version p ON p.id = c.published_version_id"
                        + " LEFT JOIN course_version d ON d.id = c.draft_version_id"
                        + " WHERE ? OR c.id IN (SELECT course_id FROM course_author WHERE person_id = ?)"
                        + " ORDER BY draft DESC, updated DESC LIMIT 500",
                rs -> new Summary(rs.getString("code"), rs.getString("title"), (Integer) rs.getObject("number", Integer.class),
                        rs.getBoolean("draft"), Sql.time(rs, "updated")), all, actor.personId() == null ? 0L : actor.personId());
    }

    /** A new course with a first module and lesson to start from; the creator becomes its author. */
    @Transactional
    public Draft create(Actor actor, String code, String title) {
        if (!mayCreate(actor)) {
            throw new AccessDeniedException("create course");
        }
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        String c = code == null ? "" : code.strip();
        if (!CourseFormat.CODE.matcher(c).matches()) {
            problems.add(new ValidationFailure.Problem("code", "course.editor.badCode"));
        } else if (sql.count("SELECT COUNT(*) FROM course WHERE code = ?", c) > 0) {
            problems.add(new ValidationFailure.Problem("code", "course.editor.codeTaken"));
        }
        if (Text.isBlank(title)) {
            problems.add(new ValidationFailure.Problem("title", "course.editor.titleRequired"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        LocalDateTime now = Times.nowUtc();
        long courseId = sql.insert("INSERT INTO course (code, origin, created_at, updated_at) VALUES (?, ?, ?, ?)",
                c, CatalogService.FROM_AUTHOR, now, now);
        addAuthorRow(courseId, actor.personId(), actor.username());
        CourseDefinition start = new CourseDefinition(c, Text.clean(title), null, null, "", Audience.EVERYONE, Level.BASIC,
                0, "vi", null, false, List.of(new CourseDefinition.Module("", List.of(
                new CourseDefinition.Lesson("bai-1", "", LessonKind.TEXT, 10, false, null, null, null, null, null, null)))), List.of());
        store(actor, new Row(courseId, null, null), start, now);
        audit.record(new AuditEvent(actor.personId(), actor.username(), "course.create", "course", String.valueOf(courseId),
                start.title(), "/", null, Map.of("code", c)));
        return open(actor, c);
    }

    /** The draft, or the published version when nobody has changed it since. */
    public Draft open(Actor actor, String code) {
        Row row = row(actor, code, false);
        Integer number = row.publishedId() == null ? null
                : sql.one("SELECT number FROM course_version WHERE id = ?", rs -> rs.getInt(1), row.publishedId()).orElse(null);
        if (row.draftId() != null) {
            return sql.one("SELECT structure, content_hash, updated_at, created_by FROM course_version WHERE id = ?",
                    rs -> {
                        CourseDefinition d = CourseFormat.fromJson(rs.getString("structure"));
                        return new Draft(code, rs.getString("content_hash"), d, number, true,
                                Sql.time(rs, "updated_at"), rs.getString("created_by"), problemsForAuthor(d, materialProblems(d)));
                    }, row.draftId()).orElseThrow(() -> new NotFoundException("course " + code));
        }
        if (row.publishedId() == null) {
            throw new NotFoundException("course " + code);
        }
        return new Draft(code, revision(row), catalog.version(row.publishedId()).definition(), number, false, null, null, List.of());
    }

    /**
     * Saves what the editor holds, as the draft. A lesson text the editor changed comes as HTML
     * without Markdown and is kept as Markdown (see {@link HtmlMarkdown}); an unchanged one keeps its
     * Markdown as written. New lessons and questions get their keys here.
     * A draft may break rules (they are listed); only publishing needs it whole.
     */
    @Transactional
    public Draft save(Actor actor, String code, CourseDefinition edited, String revision) {
        Row row = row(actor, code, true);
        requireRevision(row, revision);
        store(actor, row, normalise(code, edited), Times.nowUtc());
        return open(actor, code);
    }

    /** Publishes the draft as the course's next version; the draft is gone afterwards. */
    @Transactional
    public CatalogService.Outcome publish(Actor actor, String code, String revision) {
        Row row = row(actor, code, true);
        requireRevision(row, revision);
        if (row.draftId() == null) {
            return CatalogService.Outcome.UNCHANGED;
        }
        CourseDefinition d = CourseFormat.fromJson(sql.one("SELECT structure FROM course_version WHERE id = ?",
                rs -> rs.getString(1), row.draftId()).orElseThrow());
        List<String> problems = problemsForAuthor(d, materialProblems(d));
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems.stream()
                    .map(p -> new ValidationFailure.Problem("course", "course.editor.problem", p)).toList());
        }
        sql.update("UPDATE course SET draft_version_id = NULL WHERE id = ?", row.courseId());
        sql.update("DELETE FROM course_version WHERE id = ?", row.draftId());
        return catalog.publish(actor, d, CatalogService.FROM_AUTHOR);
    }

    /** Throws the draft away; the published version stays as it is. */
    @Transactional
    public void discard(Actor actor, String code, String revision) {
        Row row = row(actor, code, true);
        requireRevision(row, revision);
        if (row.draftId() == null) {
            return;
        }
        if (row.publishedId() == null) {
            throw new ValidationFailure("course", "course.editor.neverPublished");
        }
        sql.update("UPDATE course SET draft_version_id = NULL WHERE id = ?", row.courseId());
        sql.update("DELETE FROM course_version WHERE id = ?", row.draftId());
        audit.record(new AuditEvent(actor.personId(), actor.username(), "course.discardDraft", "course",
                String.valueOf(row.courseId()), code, "/", null, Map.of()));
    }

    /**
     * Publishes a course uploaded as files: a new course makes the uploader its author; a new
     * version of an existing course needs the right to edit it.
     */
    @Transactional
    public CatalogService.Outcome importFiles(Actor actor, CourseDefinition d) {
        Optional<Long> existing = sql.one("SELECT id FROM course WHERE code = ?", rs -> rs.getLong(1), d.code());
        if (existing.isPresent() ? !mayEdit(actor, existing.get()) : !mayCreate(actor)) {
            throw new AccessDeniedException("import course " + d.code());
        }
        CatalogService.Outcome outcome = catalog.publish(actor, d, CatalogService.FROM_AUTHOR);
        if (existing.isEmpty()) {
            sql.one("SELECT id FROM course WHERE code = ?", rs -> rs.getLong(1), d.code())
                    .ifPresent(id -> addAuthorRow(id, actor.personId(), actor.username()));
        }
        return outcome;
    }

    public List<Author> authors(Actor actor, String code) {
        Row row = row(actor, code, false);
        return sql.list("SELECT p.username, p.full_name, a.added_at FROM course_author a JOIN person p ON p.id = a.person_id"
                + " WHERE a.course_id = ? ORDER BY a.added_at", rs -> new Author(rs.getString(1), rs.getString(2),
                Sql.time(rs, "added_at")), row.courseId());
    }

    /** Adds a person who holds the author role as one of the course's authors. */
    @Transactional
    public void addAuthor(Actor actor, String code, String username) {
        Row row = row(actor, code, true);
        Long person = sql.one("SELECT p.id FROM person p WHERE p.username = ? AND p.enabled"
                        + " AND EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = 'AUTHOR')",
                rs -> rs.getLong(1), username == null ? "" : username.strip()).orElseThrow(
                () -> new ValidationFailure("username", "course.editor.notAnAuthor"));
        addAuthorRow(row.courseId(), person, actor.username());
        audit.record(new AuditEvent(actor.personId(), actor.username(), "course.addAuthor", "course",
                String.valueOf(row.courseId()), code, "/", null, Map.of("author", username.strip())));
    }

    @Transactional
    public void removeAuthor(Actor actor, String code, String username) {
        Row row = row(actor, code, true);
        if (sql.count("SELECT COUNT(*) FROM course_author WHERE course_id = ?", row.courseId()) <= 1) {
            throw new ValidationFailure("username", "course.editor.lastAuthor");
        }
        sql.update("DELETE FROM course_author WHERE course_id = ? AND person_id = (SELECT id FROM person WHERE username = ?)",
                row.courseId(), username);
        audit.record(new AuditEvent(actor.personId(), actor.username(), "course.removeAuthor", "course",
                String.valueOf(row.courseId()), code, "/", null, Map.of("author", String.valueOf(username))));
    }

    /**
     * What keeps a definition from being published, as an author reads it: questions by their
     * number and lessons by their title, not by the keys the author never sees.
     */
    static List<String> problemsForAuthor(CourseDefinition d, List<String> more) {
        Map<String, String> names = new java.util.HashMap<>();
        for (int i = 0; i < d.questions().size(); i++) {
            names.put("question " + d.questions().get(i).key() + ":", "question " + (i + 1) + ":");
        }
        for (CourseDefinition.Lesson l : d.lessons()) {
            names.put("lesson " + l.key() + ":", "lesson " + (l.title() == null ? (d.lessons().indexOf(l) + 1) : "«" + l.title() + "»") + ":");
        }
        List<String> all = new ArrayList<>(problems(d));
        all.addAll(more);
        return all.stream().map(p -> {
            for (Map.Entry<String, String> n : names.entrySet()) {
                if (p.contains(n.getKey())) {
                    return p.replace(n.getKey(), n.getValue());
                }
            }
            return p;
        }).toList();
    }

    /** The cover and material lessons learners could not see (not published, not an image, a pinned version never published). */
    List<String> materialProblems(CourseDefinition d) {
        List<String> problems = new ArrayList<>();
        if (d.cover() != null && library.publishedImage(d.cover()).isEmpty()) {
            problems.add("course.yaml: cover " + d.cover() + " is not a published image in the library");
        }
        for (int m = 0; m < d.modules().size(); m++) {
            for (CourseDefinition.Lesson l : d.modules().get(m).lessons()) {
                if (l.kind() == LessonKind.MATERIAL && l.materialId() != null) {
                    String where = "course.yaml: module " + (m + 1) + ", lesson " + l.key() + ": ";
                    library.courseReferenceProblem(l.materialId(), l.materialVersion()).ifPresent(p -> problems.add(where + p));
                }
            }
        }
        return problems;
    }

    /** What keeps a definition from being published: the course format's rules, read back from its own files. */
    static List<String> problems(CourseDefinition d) {
        Map<String, String> files = CourseFormat.write(d);
        try {
            CourseFormat.read(relative -> Optional.ofNullable(files.get(relative)));
            return List.of();
        } catch (CourseFormat.Invalid e) {
            return e.problems();
        } catch (IOException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * The editor's course made whole: the code the draft belongs to, each lesson's fields as its
     * kind needs them (text as Markdown and HTML rendered from it), keys for new lessons and questions.
     */
    static CourseDefinition normalise(String code, CourseDefinition d) {
        Set<String> lessonKeys = new HashSet<>();
        d.lessons().forEach(l -> {
            if (l.key() != null && CourseFormat.CODE.matcher(l.key()).matches()) {
                lessonKeys.add(l.key());
            }
        });
        Set<String> used = new HashSet<>();
        List<CourseDefinition.Module> modules = new ArrayList<>();
        for (CourseDefinition.Module m : d.modules()) {
            List<CourseDefinition.Lesson> lessons = new ArrayList<>();
            for (CourseDefinition.Lesson l : m.lessons() == null ? List.<CourseDefinition.Lesson>of() : m.lessons()) {
                String key = l.key();
                if (key == null || !CourseFormat.CODE.matcher(key).matches() || !used.add(key)) {
                    key = freshKey(Text.fold(l.title()).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""), lessonKeys);
                    used.add(key);
                }
                LessonKind kind = l.kind() == null ? LessonKind.TEXT : l.kind();
                // Markdown as it was unless the editor changed the text (then it sends HTML only).
                String markdown = l.markdown() != null ? l.markdown() : l.html() != null ? HtmlMarkdown.fromHtml(l.html()) : null;
                if (markdown != null && markdown.isBlank()) {
                    markdown = null;
                }
                QuizSettings quiz = kind == LessonKind.QUIZ ? (l.quiz() == null ? new QuizSettings(0, 70, null, 0) : l.quiz()) : null;
                lessons.add(new CourseDefinition.Lesson(key, clean(l.title()), kind, Math.max(0, l.minutes()), l.optional(),
                        markdown, markdown == null ? null : SafeHtml.fromMarkdown(markdown),
                        kind == LessonKind.LINK ? clean(l.link()) : null, kind == LessonKind.MATERIAL ? l.materialId() : null,
                        kind == LessonKind.MATERIAL && l.materialId() != null ? l.materialVersion() : null, quiz));
            }
            modules.add(new CourseDefinition.Module(clean(m.title()), lessons));
        }
        Set<String> questionKeys = new HashSet<>();
        d.questions().stream().map(Question::key).filter(k -> k != null && !k.isBlank()).forEach(questionKeys::add);
        Set<String> usedQuestions = new HashSet<>();
        List<Question> questions = new ArrayList<>();
        for (Question q : d.questions()) {
            String key = q.key() == null || q.key().isBlank() || !usedQuestions.add(q.key()) ? freshQuestionKey(questionKeys) : q.key();
            usedQuestions.add(key);
            // Each type keeps only its own fields (a question changed from single choice to short answer drops its options).
            QuestionType type = q.type() == null ? QuestionType.SINGLE : q.type();
            boolean choice = type == QuestionType.SINGLE || type == QuestionType.MULTIPLE;
            questions.add(new Question(key, type, clean(q.prompt()),
                    choice ? q.options().stream().map(o -> new Question.Option(clean(o.text()), o.correct())).toList() : List.of(),
                    type == QuestionType.TRUEFALSE ? q.answer() : null,
                    type == QuestionType.SHORT ? q.answers().stream().map(CourseDrafts::clean).filter(a -> a != null && !a.isEmpty()).toList() : List.of(),
                    type == QuestionType.MATCHING ? q.pairs().stream().map(p -> new Question.Pair(clean(p.left()), clean(p.right()))).toList() : List.of(),
                    clean(q.feedback())));
        }
        return new CourseDefinition(code, clean(d.title()), clean(d.titleEn()), clean(d.summary()), clean(d.topic()),
                d.audience() == null ? Audience.EVERYONE : d.audience(), d.level() == null ? Level.BASIC : d.level(),
                Math.max(0, d.creditedMinutes()), d.language() == null || d.language().isBlank() ? "vi" : d.language(),
                d.cover(), d.inOrder(), modules, questions);
    }

    private static String freshQuestionKey(Set<String> taken) {
        int n = 1;
        while (taken.contains("q" + n)) {
            n++;
        }
        taken.add("q" + n);
        return "q" + n;
    }

    private static String freshKey(String base, Set<String> taken) {
        String stem = base == null || base.length() < 2 ? "bai" : base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
        String key = stem;
        for (int n = 2; taken.contains(key) || !CourseFormat.CODE.matcher(key).matches(); n++) {
            key = stem + "-" + n;
        }
        taken.add(key);
        return key;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
        return c.isEmpty() ? null : c;
    }

    private void store(Actor actor, Row row, CourseDefinition d, LocalDateTime now) {
        long draftId;
        if (row.draftId() == null) {
            draftId = sql.insert("INSERT INTO course_version (course_id, number, status, title, topic, audience, level, language,"
                    + " credited_minutes, structure, created_at) VALUES (?, 0, 'DRAFT', '', '', 'EVERYONE', 'BASIC', 'vi', 0, '{}', ?)",
                    row.courseId(), now);
            sql.update("UPDATE course SET draft_version_id = ? WHERE id = ?", draftId, row.courseId());
        } else {
            draftId = row.draftId();
        }
        sql.update("UPDATE course_version SET title = ?, title_en = ?, summary = ?, topic = ?, audience = ?, level = ?,"
                        + " language = ?, credited_minutes = ?, in_order = ?, structure = ?, content_hash = ?, created_by = ?,"
                        + " updated_at = ? WHERE id = ?",
                d.title() == null ? "" : d.title(), d.titleEn(), d.summary(), d.topic() == null ? "" : d.topic(), d.audience(),
                d.level(), d.language(), d.creditedMinutes(), d.inOrder(), CourseFormat.toJson(d), CourseFormat.hash(d),
                actor.username(), now, draftId);
        sql.update("UPDATE course SET updated_at = ? WHERE id = ?", now, row.courseId());
    }

    /** What the editor must name to change the course: the stored hash of its draft, or of its published version. */
    private String revision(Row row) {
        Long version = row.draftId() != null ? row.draftId() : row.publishedId();
        return version == null ? "" : sql.one("SELECT COALESCE(content_hash, '') FROM course_version WHERE id = ?",
                rs -> rs.getString(1), version).orElse("");
    }

    private void requireRevision(Row row, String revision) {
        if (revision == null || !revision.equals(revision(row))) {
            throw new ValidationFailure("revision", "course.editor.stale");
        }
    }

    /** The course row, locked for a change; 404 for a course the actor may not edit (as if it did not exist). */
    private Row row(Actor actor, String code, boolean forUpdate) {
        Row row = sql.one("SELECT id, published_version_id, draft_version_id FROM course WHERE code = ?"
                        + (forUpdate ? " FOR UPDATE" : ""),
                rs -> new Row(rs.getLong(1), Sql.nullableLong(rs, "published_version_id"), Sql.nullableLong(rs, "draft_version_id")),
                code == null ? "" : code).orElseThrow(() -> new NotFoundException("course " + code));
        if (!mayEdit(actor, row.courseId())) {
            throw new NotFoundException("course " + code);
        }
        return row;
    }

    private void addAuthorRow(long courseId, Long personId, String by) {
        if (personId != null) {
            sql.update("INSERT IGNORE INTO course_author (course_id, person_id, added_at, added_by) VALUES (?, ?, ?, ?)",
                    courseId, personId, Times.nowUtc(), by);
        }
    }
}
