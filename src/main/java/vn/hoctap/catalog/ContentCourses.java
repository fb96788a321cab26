package vn.hoctap.catalog;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.Actor;
import vn.hoctap.library.LibraryService;
import vn.hoctap.platform.content.ContentSource;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.StartupLock;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the courses shipped in {@code content/courses/} at start-up: a new course is created, a
 * changed one gets a new published version, an unchanged one is left alone. A folder that breaks
 * the format is skipped with every problem in the log; the others still import.
 */
@ApplicationScoped
public class ContentCourses {

    private static final Logger LOG = Logger.getLogger(ContentCourses.class.getName());
    static final String FOLDER = "courses";

    @Inject
    ContentSource content;

    @Inject
    CatalogService catalog;

    @Inject
    LibraryService library;

    @Inject
    StartupLock lock;

    /** This bean through its proxy, so that each course gets its own transaction. */
    @Inject
    ContentCourses self;

    /**
     * After the shipped materials (210), which courses may show. The transaction here holds the
     * lock between nodes; each course is published in a transaction of its own, so one that fails
     * leaves the others imported.
     */
    @Transactional
    public void onSchemaReady(@Observes @Priority(220) SchemaReady ready) {
        if (!lock.acquire("content-courses", 120)) {
            LOG.warning("content/courses not imported: another node held the lock for two minutes");
            return;
        }
        try {
            Map<CatalogService.Outcome, Integer> counts = new EnumMap<>(CatalogService.Outcome.class);
            for (String folder : content.folders(FOLDER)) {
                try {
                    CourseDefinition d = CourseFormat.read(relative -> content.read(FOLDER + "/" + folder + "/" + relative),
                            library::shippedMaterialId);
                    if (!d.code().equals(folder)) {
                        LOG.warning("content/courses/" + folder + ": the code '" + d.code() + "' differs from the folder name; imported as " + d.code());
                    }
                    for (CourseDefinition.Lesson l : d.lessons()) {
                        if (l.kind() == LessonKind.MATERIAL && l.materialId() != null) {
                            library.courseReferenceProblem(l.materialId(), l.materialVersion()).ifPresent(problem -> LOG.warning(
                                    "content/courses/" + folder + ", lesson " + l.key() + ": " + problem + "; learners see it as not available"));
                        }
                    }
                    CatalogService.Outcome outcome = self.publish(d);
                    if (outcome == CatalogService.Outcome.KEPT_AUTHORS_VERSION) {
                        LOG.info("content/courses/" + folder + " differs from the published version, which an author made: kept theirs");
                    }
                    counts.merge(outcome, 1, Integer::sum);
                } catch (CourseFormat.Invalid e) {
                    LOG.severe("content/courses/" + folder + " was not imported:\n  " + String.join("\n  ", e.problems()));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.SEVERE, "content/courses/" + folder + " was not imported", e);
                }
            }
            LOG.info("Courses from content/: " + counts.getOrDefault(CatalogService.Outcome.CREATED, 0) + " created, "
                    + counts.getOrDefault(CatalogService.Outcome.NEW_VERSION, 0) + " updated, "
                    + counts.getOrDefault(CatalogService.Outcome.UNCHANGED, 0) + " unchanged");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "content/courses cannot be read", e);
        } finally {
            lock.release("content-courses");
        }
    }

    /** One course, committed on its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CatalogService.Outcome publish(CourseDefinition d) {
        return catalog.publish(Actor.system(), d, CatalogService.FROM_CONTENT);
    }
}
