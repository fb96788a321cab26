package vn.hoctap.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.identity.AccountService;
import vn.hoctap.identity.CurrentActor;

/** {@code /api/me}: the caller's own account. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "me")
public class MeResource {

    @Inject
    CurrentActor currentActor;

    @Inject
    AccountService accounts;

    @GET
    @Operation(summary = "The signed-in account, with its posts and roles")
    public PersonDto me() {
        return PersonDto.of(accounts.findByUsername(currentActor.require().username()).orElseThrow());
    }
}
