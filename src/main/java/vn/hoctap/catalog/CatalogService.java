package vn.hoctap.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Courses and their versions, and the published catalogue. A published version is immutable and
 * cached by id on every node; which version of a course is published is read from the database
 * (cached a few seconds), so a publication on one node reaches the others within that time.
 */
@ApplicationScoped
public class CatalogService {

    /** How long a node trusts its list of published versions. */
    private static final long CATALOGUE_TTL_MILLIS = 5_000;

    @Inject
    Sql sql;

    @Inject
    AuditService audit;

    @Inject
    CourseIndex index;

    @Inject
    vn.hoctap.library.LibraryService library;

    @Inject
    vn.hoctap.platform.search.SearchOutbox outbox;

    private final Map<Long, PublishedCourse> versions = new ConcurrentHashMap<>();
    private volatile Catalogue catalogue = new Catalogue(List.of(), Map.of(), 0);

    /** @param covers course id → where its cover image is served (below the context path), for the courses that have one */
    private record Catalogue(List<PublishedCourse> courses, Map<Long, String> covers, long loadedAt) {
    }

    /** What became of a definition handed to {@link #publish}. */
    public enum Outcome {
        CREATED, NEW_VERSION, UNCHANGED,
        /** Content from content/ for a course an author has since published another version of: kept. */
        KEPT_AUTHORS_VERSION
    }

    /** Where a version came from: the files shipped in content/, or an author. */
    public static final String FROM_CONTENT = "CONTENT";
    public static final String FROM_AUTHOR = "AUTHOR";

    /**
     * Course id → the link to its cover image (the published version of the library image it
     * names), for the published courses that have one; follows the library within the catalogue's TTL.
     */
    public Map<Long, String> covers() {
        published();
        return catalogue.covers();
    }

    /** Every published course, by title. */
    public List<PublishedCourse> published() {
        Catalogue c = catalogue;
        if (System.currentTimeMillis() - c.loadedAt() > CATALOGUE_TTL_MILLIS) {
            c = reload();
        }
        return c.courses();
    }

    public Optional<PublishedCourse> published(String code) {
        return published().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** A lesson of a published course that shows a library material (the material's "used in"). */
    public record MaterialUse(String code, String courseTitle, String lessonKey, String lessonTitle, Integer pinnedVersion) {
    }

    /** The published courses' lessons that show material {@code materialId}, by course title. */
    public List<MaterialUse> usesOf(long materialId) {
        List<MaterialUse> uses = new ArrayList<>();
        for (PublishedCourse c : published()) {
            for (CourseDefinition.Lesson l : c.definition().lessons()) {
                if (l.kind() == LessonKind.MATERIAL && Long.valueOf(materialId).equals(l.materialId())) {
                    uses.add(new MaterialUse(c.code(), c.title(), l.key(), l.title(), l.materialVersion()));
                }
            }
        }
        return uses;
    }

    public Optional<PublishedCourse> publishedById(long courseId) {
        return published().stream().filter(c -> c.courseId() == courseId).findFirst();
    }

    /** A version by id, published or not (an enrolment's version, an attempt's course). */
    public PublishedCourse version(long versionId) {
        PublishedCourse cached = versions.get(versionId);
        if (cached != null) {
            return cached;
        }
        PublishedCourse loaded = sql.one("SELECT v.id, v.course_id, v.number, v.published_at, v.structure, v.status"
                        + " FROM course_version v WHERE v.id = ?",
                rs -> new PublishedCourse(rs.getLong("course_id"), rs.getLong("id"), rs.getInt("number"),
                        Sql.time(rs, "published_at"), CourseFormat.fromJson(rs.getString("structure"))), versionId)
                .orElseThrow(() -> new IllegalArgumentException("no course version " + versionId));
        versions.put(versionId, loaded);
        return loaded;
    }

    /**
     * Published courses for {@code q}, diacritics optional, searched in the course index (titles,
     * summaries, topics, lesson titles and texts; see {@link CourseIndex}), best first, then
     * filtered by topic and audience. Without a query: every course, by title.
     */
    public List<PublishedCourse> search(String q, String topic, String audience) {
        if (q != null && !q.isBlank()) {
            Optional<List<Long>> ranked = index.search(q, 1000);
            if (ranked.isPresent()) {
                Map<Long, PublishedCourse> byId = new java.util.HashMap<>();
                published().forEach(c -> byId.put(c.courseId(), c));
                return ranked.get().stream().map(byId::get).filter(java.util.Objects::nonNull)
                        .filter(c -> topic == null || topic.isBlank() || topic.equals(c.definition().topic()))
                        .filter(c -> audience == null || audience.isBlank() || audience.equals(c.definition().audience().name()))
                        .toList();
            }
        }
        return match(q, topic, audience);
    }

    /** Word matching over the cached catalogue: before the search index is ready, and without a query. */
    List<PublishedCourse> match(String q, String topic, String audience) {
        String folded = Text.fold(q).replaceAll("[^\\p{L}\\p{N} ]", " ").trim();
        String[] words = folded.isEmpty() ? new String[0] : folded.split(" +");
        List<PublishedCourse> found = new ArrayList<>();
        for (PublishedCourse c : published()) {
            CourseDefinition d = c.definition();
            if (topic != null && !topic.isBlank() && !topic.equals(d.topic())) {
                continue;
            }
            if (audience != null && !audience.isBlank() && !audience.equals(d.audience().name())) {
                continue;
            }
            java.util.Set<String> tokens = new java.util.HashSet<>(java.util.Arrays.asList(Text.fold(d.title() + " "
                    + (d.titleEn() == null ? "" : d.titleEn()) + " " + (d.summary() == null ? "" : d.summary()) + " "
                    + d.topic() + " " + d.code().replace('-', ' ')).replaceAll("[^\\p{L}\\p{N} ]", " ").split(" +")));
            boolean all = true;
            for (int i = 0; i < words.length && all; i++) {
                String w = words[i];
                all = tokens.contains(w) || (i == words.length - 1 && tokens.stream().anyMatch(t -> t.startsWith(w)));
            }
            if (all) {
                found.add(c);
            }
        }
        if (words.length > 0) {
            String typed = Text.clean(q).toLowerCase(java.util.Locale.ROOT);
            found.sort(Comparator.comparingInt((PublishedCourse c) -> {
                String title = c.title().toLowerCase(java.util.Locale.ROOT);
                return title.contains(typed) ? 0 : Text.fold(title).contains(folded) ? 1 : 2;
            }));
        }
        return found;
    }

    /** The topics of the published courses, for the catalogue's filter. */
    public List<String> topics() {
        return published().stream().map(c -> c.definition().topic()).distinct().sorted(vn.hoctap.shared.Text::compareVietnamese).toList();
    }

    /**
     * Publishes a definition: a new course, a new version when it differs from the published one,
     * or nothing when it is the same (content imported at every start-up). Learners keep their
     * progress across versions: it is kept per lesson key.
     */
    @Transactional
    public Outcome publish(Actor actor, CourseDefinition definition, String origin) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.AUTHOR) && !actor.has(Role.REVIEWER)) {
            throw new AccessDeniedException("publish course");
        }
        String hash = CourseFormat.hash(definition);
        LocalDateTime now = Times.nowUtc();
        Optional<long[]> existing = sql.one("SELECT id, COALESCE(published_version_id, 0) FROM course WHERE code = ? FOR UPDATE",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, definition.code());
        long courseId;
        int number = 1;
        Outcome outcome;
        if (existing.isEmpty()) {
            courseId = sql.insert("INSERT INTO course (code, origin, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    definition.code(), origin, now, now);
            outcome = Outcome.CREATED;
        } else {
            courseId = existing.get()[0];
            long current = existing.get()[1];
            if (current != 0) {
                String[] currentVersion = sql.one("SELECT content_hash, created_by FROM course_version WHERE id = ?",
                        rs -> new String[]{rs.getString(1), rs.getString(2)}, current).orElse(new String[2]);
                if (hash.equals(currentVersion[0])) {
                    return Outcome.UNCHANGED;
                }
                if (FROM_CONTENT.equals(origin) && !Actor.system().username().equals(currentVersion[1])) {
                    // An author has published this course since: the shipped files must not undo their work.
                    return Outcome.KEPT_AUTHORS_VERSION;
                }
            }
            number = (int) sql.count("SELECT COALESCE(MAX(number), 0) + 1 FROM course_version WHERE course_id = ?", courseId);
            sql.update("UPDATE course_version SET status = 'RETIRED' WHERE course_id = ? AND status = 'PUBLISHED'", courseId);
            // A course made in the editor exists before its first publication.
            outcome = current == 0 ? Outcome.CREATED : Outcome.NEW_VERSION;
        }
        long versionId = sql.insert("INSERT INTO course_version (course_id, number, status, title, title_en, summary, topic,"
                        + " audience, level, language, credited_minutes, in_order, structure, content_hash, created_by,"
                        + " created_at, published_at) VALUES (?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                courseId, number, definition.title(), definition.titleEn(), definition.summary(), definition.topic(),
                definition.audience(), definition.level(), definition.language(), definition.creditedMinutes(),
                definition.inOrder(), CourseFormat.toJson(definition), hash, actor.username(), now, now);
        sql.update("UPDATE course SET published_version_id = ?, updated_at = ? WHERE id = ?", versionId, now, courseId);
        outbox.record(CourseIndex.NAME, courseId);
        audit.record(new AuditEvent(actor.personId(), actor.username(), "course.publish", "course",
                String.valueOf(courseId), definition.title(), "/", null, Map.of("code", definition.code(), "version", number)));
        catalogue = new Catalogue(List.of(), Map.of(), 0);
        return outcome;
    }

    private synchronized Catalogue reload() {
        if (System.currentTimeMillis() - catalogue.loadedAt() <= CATALOGUE_TTL_MILLIS) {
            return catalogue;
        }
        List<long[]> ids = sql.list("SELECT c.id, c.published_version_id FROM course c WHERE c.published_version_id IS NOT NULL",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)});
        List<PublishedCourse> courses = new ArrayList<>(ids.size());
        for (long[] id : ids) {
            courses.add(version(id[1]));
        }
        courses.sort(Comparator.comparing(PublishedCourse::title, vn.hoctap.shared.Text::compareVietnamese));
        Map<Long, String> covers = new java.util.HashMap<>();
        for (PublishedCourse c : courses) {
            if (c.definition().cover() != null) {
                library.publishedImage(c.definition().cover()).ifPresent(v -> covers.put(c.courseId(), v.getFileLink()));
            }
        }
        Catalogue fresh = new Catalogue(List.copyOf(courses), Map.copyOf(covers), System.currentTimeMillis());
        catalogue = fresh;
        return fresh;
    }
}
