package vn.hoctap.catalog.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.catalog.LearningService;
import vn.hoctap.identity.CurrentActor;

import java.util.List;

/** {@code /api/me/progress}: the signed-in person's courses, how far along, completion and certificate. */
@Path("me/progress")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class MyProgressResource {

    @Inject
    LearningService learning;

    @Inject
    CurrentActor currentActor;

    @GET
    @Operation(summary = "The caller's courses: percent of required lessons done, where to resume, completion, certificate code")
    public List<LearningService.MyCourse> progress() {
        return learning.myCourses(currentActor.require().personId());
    }
}
