package vn.hoctap.library.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.library.Audience;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.Level;
import vn.hoctap.library.Licence;
import vn.hoctap.library.MaterialForm;
import vn.hoctap.library.ingest.UploadService;
import vn.hoctap.library.search.MaterialDocuments;
import vn.hoctap.library.search.MaterialSearch;
import vn.hoctap.library.search.MaterialSearcher;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/materials}: search (the same ranking as the library page), a material, and for
 * authorised clients the upload and the review workflow.
 */
@Path("materials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "library")
public class MaterialResource {

    @Inject
    MaterialSearch search;

    @Inject
    LibraryService library;

    @Inject
    UploadService uploads;

    @Inject
    CurrentActor currentActor;

    @Context
    HttpHeaders headers;

    public record SearchDto(long total, List<MaterialSearcher.Hit> hits, Map<String, List<MaterialSearcher.FacetValue>> facets,
                            double tookMs) {
    }

    public record DescribeRequest(long version, String title, String description, List<String> subjects, String audience,
                                  String level, String language, String licence, String attribution) {
    }

    public record ReturnRequest(String comment) {
    }

    @GET
    @Operation(summary = "Searches published materials; q understands Vietnamese with or without diacritics")
    public SearchDto search(@QueryParam("q") String q, @QueryParam("type") List<String> type,
                            @QueryParam("subject") List<String> subject, @QueryParam("audience") List<String> audience,
                            @QueryParam("licence") List<String> licence, @QueryParam("language") List<String> language,
                            @QueryParam("sort") @DefaultValue("relevance") String sort,
                            @QueryParam("offset") @DefaultValue("0") int offset,
                            @QueryParam("limit") @DefaultValue("20") int limit) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        put(filters, MaterialDocuments.TYPE, type);
        put(filters, MaterialDocuments.SUBJECT, subject);
        put(filters, MaterialDocuments.AUDIENCE, audience);
        put(filters, MaterialDocuments.LICENCE, licence);
        put(filters, MaterialDocuments.LANGUAGE, language);
        long start = System.nanoTime();
        MaterialSearcher.Result r = search.search(new MaterialSearcher.Request(q, filters,
                "newest".equals(sort) ? MaterialSearcher.Order.NEWEST : MaterialSearcher.Order.RELEVANCE,
                Math.max(0, Math.min(offset, 1000)), Math.max(1, Math.min(limit, 50))));
        return new SearchDto(r.total(), r.hits(), r.facets(), (System.nanoTime() - start) / 1e6);
    }

    @GET
    @Path("{id}")
    public MaterialDto get(@PathParam("id") long id) {
        return MaterialDto.of(library.get(currentActor.get(), id), currentActor.get());
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @Operation(summary = "Uploads a whole file (body) as a new material, or a new version with ?material=")
    public UploadDto upload(InputStream body, @HeaderParam("X-File-Name") String fileName,
                            @HeaderParam("Content-Length") long length, @QueryParam("material") Long materialId)
            throws IOException {
        if (length <= 0) {
            throw new ValidationFailure("Content-Length", "library.error.length");
        }
        return UploadDto.of(uploads.uploadWhole(currentActor.require(), fileName, length, materialId, body), headers);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaterialDto describe(@PathParam("id") long id, DescribeRequest r) {
        if (r == null) {
            throw new ValidationFailure("body", "api.emptyBody");
        }
        MaterialForm form = new MaterialForm(r.title(), r.description(),
                r.subjects() == null ? Set.of() : new LinkedHashSet<>(r.subjects()),
                value(Audience.class, r.audience(), "audience"), value(Level.class, r.level(), "level"), r.language(),
                value(Licence.class, r.licence(), "licence"), r.attribution());
        return MaterialDto.of(library.describe(currentActor.require(), id, r.version(), form), currentActor.require());
    }

    @POST
    @Path("{id}/submit")
    public MaterialDto submit(@PathParam("id") long id) {
        return MaterialDto.of(library.submit(currentActor.require(), id), currentActor.require());
    }

    @POST
    @Path("{id}/publish")
    public MaterialDto publish(@PathParam("id") long id) {
        return MaterialDto.of(library.publish(currentActor.require(), id), currentActor.require());
    }

    @POST
    @Path("{id}/unpublish")
    @Operation(summary = "Withdraws a material: no version stays public until one is published again")
    public MaterialDto unpublish(@PathParam("id") long id) {
        return MaterialDto.of(library.unpublish(currentActor.require(), id), currentActor.require());
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaterialDto returnToAuthor(@PathParam("id") long id, ReturnRequest r) {
        return MaterialDto.of(library.returnToAuthor(currentActor.require(), id, r == null ? null : r.comment()), currentActor.require());
    }

    private static <E extends Enum<E>> E value(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailure(field, "api.badValue", value);
        }
    }

    private static void put(Map<String, Set<String>> filters, String dim, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(dim, new LinkedHashSet<>(values));
        }
    }
}
