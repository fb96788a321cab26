package vn.hoctap.library.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.library.ingest.UploadService;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /api/uploads}: resumable uploads in chunks. Open a session with the file's name and size,
 * {@code PUT} chunks at the offset the server has (a wrong offset answers 409 with the right one),
 * then {@code POST …/complete}. The upload page uses it; so can scripts.
 */
@Path("uploads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "library")
public class UploadResource {

    /** The chunk size the page uses: small enough for a weak mobile link to finish one. */
    public static final int CHUNK = 1024 * 1024;

    @Inject
    UploadService uploads;

    @Inject
    CurrentActor currentActor;

    @Context
    HttpHeaders headers;

    public record StartRequest(String fileName, long size, Long materialId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Opens an upload session")
    public Response start(StartRequest request) {
        if (request == null) {
            throw new ValidationFailure("body", "api.emptyBody");
        }
        UploadService.Session s = uploads.start(currentActor.require(), request.fileName(), request.size(), request.materialId());
        return Response.status(Response.Status.CREATED).entity(UploadDto.of(s, headers)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "How much of the file the server has, and the outcome once complete")
    public UploadDto status(@PathParam("id") String id) {
        return UploadDto.of(uploads.session(currentActor.require(), id), headers);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Appends a chunk at offset (409 with the server's offset if it differs)")
    public Response chunk(@PathParam("id") String id, @QueryParam("offset") long offset, InputStream body) throws IOException {
        try {
            return Response.ok(UploadDto.of(uploads.append(currentActor.require(), id, offset, body), headers)).build();
        } catch (UploadService.OffsetMismatch mismatch) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(UploadDto.of(uploads.session(currentActor.require(), id), headers)).build();
        }
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Checks the whole file and keeps it (or refuses it, saying why)")
    public UploadDto complete(@PathParam("id") String id) throws IOException {
        return UploadDto.of(uploads.complete(currentActor.require(), id), headers);
    }
}
