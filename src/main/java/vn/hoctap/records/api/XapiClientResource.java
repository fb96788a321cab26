package vn.hoctap.records.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.records.ClientScope;
import vn.hoctap.records.XapiClient;
import vn.hoctap.records.XapiClients;
import vn.hoctap.shared.ValidationFailure;

import java.util.List;

/**
 * {@code /api/xapi-clients}: for administrators, the systems allowed to call the LRS. The same as
 * the "xAPI clients" page, for provisioning scripts.
 */
@Path("xapi-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "records")
public class XapiClientResource {

    @Inject
    XapiClients clients;

    @Inject
    CurrentActor currentActor;

    public record ClientDto(long id, String name, String key, String scope, boolean enabled) {
        static ClientDto of(XapiClient c) {
            return new ClientDto(c.getId(), c.getName(), c.getApiKey(), c.getScope().name(), c.isEnabled());
        }
    }

    public record CreateClientRequest(String name, String scope) {
    }

    /** A new client with its secret, shown this once. */
    public record IssuedDto(ClientDto client, String secret) {
    }

    @GET
    @Operation(summary = "Lists the xAPI clients (administrators)")
    public List<ClientDto> list() {
        return clients.list(currentActor.require()).stream().map(ClientDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates an xAPI client; the answer holds its secret, shown only once (administrators)")
    public IssuedDto create(CreateClientRequest request) {
        ClientScope scope;
        try {
            scope = ClientScope.valueOf(request.scope() == null ? "WRITE_ONLY" : request.scope());
        } catch (IllegalArgumentException e) {
            throw new ValidationFailure("scope", "xapi.client.scopeUnknown");
        }
        XapiClients.Issued issued = clients.create(currentActor.require(), request.name(), scope);
        return new IssuedDto(ClientDto.of(issued.client()), issued.secret());
    }
}
