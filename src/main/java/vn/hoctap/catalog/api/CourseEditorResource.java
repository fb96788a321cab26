package vn.hoctap.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.CourseArchive;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.CourseDrafts;
import vn.hoctap.catalog.CourseFormat;
import vn.hoctap.catalog.web.FormatProblemText;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.web.ContentDisposition;
import vn.hoctap.platform.web.SameOrigin;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.ValidationFailure;

import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code /api/author/courses}: what the course editor ({@code /author/course.xhtml}) reads and
 * saves — the courses an author may edit, a course's draft, saving it (naming the revision it
 * started from), publishing it as the next version, discarding it, its authors, and the draft as a
 * ZIP of the course format. The course travels as the JSON a version stores; lesson texts go out
 * as HTML and come back as the editor's HTML (kept as Markdown).
 */
@Path("author/courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class CourseEditorResource {

    @Inject
    CourseDrafts drafts;

    @Inject
    CurrentActor currentActor;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    public record NewCourse(String code, String title) {
    }

    public record Revision(String revision) {
    }

    public record NewAuthor(String username) {
    }

    public record Saved(String revision, CourseDefinition course) {
    }

    public record PublishedDto(String outcome) {
    }

    /** A draft as the editor receives it; problems in the reader's language. */
    public record DraftDto(String code, String revision, CourseDefinition course, Integer publishedNumber, boolean saved,
                           String savedAt, String savedBy, List<String> problems) {
    }

    @GET
    @Operation(summary = "The courses the caller may edit, drafts first")
    public List<CourseDrafts.Summary> list() {
        return drafts.editable(currentActor.require());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a course (code, title) with an empty first lesson; the caller becomes its author")
    public Response create(NewCourse body) {
        Actor actor = changer();
        return json(Response.Status.CREATED, dto(drafts.create(actor, body == null ? null : body.code(),
                body == null ? null : body.title())));
    }

    @GET
    @Path("{code}/draft")
    @Operation(summary = "The course's draft, or its published version when there is no draft")
    public Response draft(@PathParam("code") String code) {
        return json(Response.Status.OK, dto(drafts.open(currentActor.require(), code)));
    }

    @PUT
    @Path("{code}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Saves the draft: {revision, course}; 400 course.editor.stale when someone saved in between")
    public Response save(@PathParam("code") String code, String body) {
        Actor actor = changer();
        Saved saved;
        try {
            saved = CourseFormat.JSON.readValue(body, Saved.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ValidationFailure("course", "course.editor.badInput");
        }
        if (saved.course() == null) {
            throw new ValidationFailure("course", "course.editor.badInput");
        }
        return json(Response.Status.OK, dto(drafts.save(actor, code, saved.course(), saved.revision())));
    }

    @DELETE
    @Path("{code}/draft")
    @Operation(summary = "Discards the draft; the published version stays")
    public Response discard(@PathParam("code") String code, @QueryParam("revision") String revision) {
        drafts.discard(changer(), code, revision);
        return json(Response.Status.OK, dto(drafts.open(currentActor.require(), code)));
    }

    @POST
    @Path("{code}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publishes the draft as the course's next version; 400 with every problem when it breaks a rule")
    public PublishedDto publish(@PathParam("code") String code, Revision body) {
        Actor actor = changer();
        try {
            CatalogService.Outcome outcome = drafts.publish(actor, code, body == null ? null : body.revision());
            return new PublishedDto(outcome.name());
        } catch (ValidationFailure e) {
            boolean vietnamese = vietnamese();
            throw new ValidationFailure(e.problems().stream().map(p -> "course.editor.problem".equals(p.key())
                    ? new ValidationFailure.Problem(p.field(), p.key(), FormatProblemText.forEditor(String.valueOf(p.args()[0]), vietnamese))
                    : p).toList());
        }
    }

    @GET
    @Path("{code}/authors")
    @Operation(summary = "The course's authors")
    public List<CourseDrafts.Author> authors(@PathParam("code") String code) {
        return drafts.authors(currentActor.require(), code);
    }

    @POST
    @Path("{code}/authors")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds an author (a person who holds the author role) by user name")
    public List<CourseDrafts.Author> addAuthor(@PathParam("code") String code, NewAuthor body) {
        Actor actor = changer();
        drafts.addAuthor(actor, code, body == null ? null : body.username());
        return drafts.authors(actor, code);
    }

    @DELETE
    @Path("{code}/authors/{username}")
    @Operation(summary = "Removes an author; a course keeps at least one")
    public List<CourseDrafts.Author> removeAuthor(@PathParam("code") String code, @PathParam("username") String username) {
        Actor actor = changer();
        drafts.removeAuthor(actor, code, username);
        return drafts.authors(actor, code);
    }

    @GET
    @Path("{code}/export")
    @Produces("application/zip")
    @Operation(summary = "The draft (or the published version) as a ZIP of the course format")
    public Response export(@PathParam("code") String code) {
        CourseDrafts.Draft d = drafts.open(currentActor.require(), code);
        StreamingOutput zip = out -> CourseArchive.write(CourseFormat.write(d.course()), code, out);
        return Response.ok(zip, "application/zip")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", ContentDisposition.of("attachment", code + (d.saved() ? "-draft" : "") + ".zip"))
                .build();
    }

    /** The signed-in actor for a change; a browser's change must come from our own pages. */
    private Actor changer() {
        Actor actor = currentActor.require();
        if (!SameOrigin.check(request)) {
            throw new AccessDeniedException("cross-origin change");
        }
        return actor;
    }

    private boolean vietnamese() {
        return "vi".equals(vn.hoctap.platform.api.ApiExceptionMappers.locale(headers).getLanguage());
    }

    private DraftDto dto(CourseDrafts.Draft d) {
        boolean vietnamese = vietnamese();
        LocalDateTime at = d.savedAt();
        return new DraftDto(d.code(), d.revision(), d.course(), d.publishedNumber(), d.saved(),
                at == null ? null : at.toString() + "Z", d.savedBy(),
                d.problems().stream().map(p -> FormatProblemText.forEditor(p, vietnamese)).toList());
    }

    /** The definition's JSON as a version stores it (Jackson), not as JSON-B would write it. */
    private static Response json(Response.Status status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(CourseFormat.JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
