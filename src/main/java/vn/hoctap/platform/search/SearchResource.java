package vn.hoctap.platform.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.shared.NotFoundException;

import java.io.IOException;

/** {@code /api/search-indexes}: the state of this node's indexes, and a rebuild (administrators). */
@Path("search-indexes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class SearchResource {

    @Inject
    SearchIndexes indexes;

    @Inject
    SearchOutbox outbox;

    @Context
    SecurityContext security;

    @Inject
    vn.hoctap.platform.security.AccountDirectory accounts;

    public record IndexState(String name, int documents, long position, long outboxHead, boolean rebuilding) {
    }

    @GET
    @Path("{name}")
    public IndexState state(@PathParam("name") String name) throws IOException {
        requireAdmin();
        LuceneIndex index = indexes.index(name).orElseThrow(() -> new NotFoundException(name));
        return new IndexState(name, index.documents(), index.position(), outbox.maxId(),
                indexes.isRebuilding(name));
    }

    @POST
    @Path("{name}/rebuild")
    @Operation(summary = "Starts rebuilding the index from the database; follow it with GET until rebuilding is false")
    public jakarta.ws.rs.core.Response rebuild(@PathParam("name") String name) throws IOException {
        requireAdmin();
        indexes.index(name).orElseThrow(() -> new NotFoundException(name));
        indexes.requestRebuild(name);
        executor.submit(() -> indexes.rebuild(name));
        return jakarta.ws.rs.core.Response.accepted(state(name)).build();
    }

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    private void requireAdmin() {
        java.security.Principal me = security.getUserPrincipal();
        boolean admin = me != null && accounts.activeGroups(me.getName()).map(g -> g.contains("admin")).orElse(false);
        if (!admin) {
            throw new ForbiddenException();
        }
    }
}
