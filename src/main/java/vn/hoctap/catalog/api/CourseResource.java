package vn.hoctap.catalog.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.shared.NotFoundException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code /api/courses}: the published catalogue (with {@code q=} search, diacritics optional, and
 * filters) and a course's structure — never its questions or answers.
 */
@Path("courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class CourseResource {

    @Inject
    CatalogService catalog;

    public record CourseSummaryDto(long id, String code, String title, String titleEn, String summary, String topic,
                                   String audience, String level, String language, BigDecimal hours, int lessons,
                                   int version, LocalDateTime publishedAt, String cover) {
    }

    public record QuizDto(int questions, int passPercent, Integer timeLimitMinutes, Integer attempts) {
    }

    public record LessonDto(String key, String title, String kind, int minutes, boolean optional, String link,
                            Long materialId, Integer materialVersion, QuizDto quiz) {
    }

    public record ModuleDto(String title, List<LessonDto> lessons) {
    }

    public record CourseDto(CourseSummaryDto course, boolean inOrder, int estimatedMinutes, List<ModuleDto> modules) {
    }

    @GET
    @Operation(summary = "The published courses; q searches titles, summaries and topics with or without diacritics")
    public List<CourseSummaryDto> list(@QueryParam("q") String q, @QueryParam("topic") String topic,
                                       @QueryParam("audience") String audience) {
        java.util.Map<Long, String> covers = catalog.covers();
        return catalog.search(q, topic, audience).stream().map(c -> summary(c, covers)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A published course's structure (by id or code): modules, lessons, quiz rules; no questions")
    public CourseDto get(@PathParam("id") String id) {
        PublishedCourse c = (id.chars().allMatch(Character::isDigit) ? catalog.publishedById(Long.parseLong(id))
                : catalog.published(id)).orElseThrow(() -> new NotFoundException("course " + id));
        CourseDefinition d = c.definition();
        List<ModuleDto> modules = d.modules().stream().map(m -> new ModuleDto(m.title(), m.lessons().stream()
                .map(l -> new LessonDto(l.key(), l.title(), l.kind().name(), l.minutes(), l.optional(), l.link(), l.materialId(), l.materialVersion(),
                        l.quiz() == null ? null : new QuizDto(l.quiz().drawn(d.questions().size()), l.quiz().passPercent(),
                                l.quiz().timeLimitMinutes(), l.quiz().isLimited() ? l.quiz().attempts() : null)))
                .toList())).toList();
        return new CourseDto(summary(c, catalog.covers()), d.inOrder(), d.estimatedMinutes(), modules);
    }

    /** @param covers course id → its cover image's link (below the context path) */
    static CourseSummaryDto summary(PublishedCourse c, java.util.Map<Long, String> covers) {
        CourseDefinition d = c.definition();
        return new CourseSummaryDto(c.courseId(), d.code(), d.title(), d.titleEn(), d.summary(), d.topic(),
                d.audience().name(), d.level().name(), d.language(),
                BigDecimal.valueOf(d.creditedMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).stripTrailingZeros(),
                d.lessons().size(), c.number(), c.publishedAt(), covers.get(c.courseId()));
    }
}
