package vn.hoctap.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.shared.NotFoundException;

import java.util.List;

/** {@code /api/org-units} and {@code /api/positions}: the organisation tree and the position catalogue (read-only). */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "organisation")
public class OrganisationResource {

    @Inject
    OrganisationService organisation;

    public record UnitDto(long id, String code, String name, String kind, String parentCode, int depth,
                          Integer population, boolean learningCity, boolean active) {
        static UnitDto of(OrgUnit u) {
            return new UnitDto(u.getId(), u.getCode(), u.getName(), u.getKind().name(),
                    u.getParent() == null ? null : u.getParent().getCode(), u.getDepth(), u.getPopulation(),
                    u.isLearningCity(), u.isActive());
        }
    }

    public record PositionDto(String code, String name, String description, boolean active) {
    }

    @GET
    @Path("org-units")
    @Operation(summary = "The whole organisation tree, parents before children")
    public List<UnitDto> units() {
        return organisation.tree().stream().map(UnitDto::of).toList();
    }

    @GET
    @Path("org-units/{code}")
    public UnitDto unit(@PathParam("code") String code) {
        return organisation.findByCode(code).map(UnitDto::of).orElseThrow(() -> new NotFoundException(code));
    }

    @GET
    @Path("positions")
    @Operation(summary = "The catalogue of job positions")
    public List<PositionDto> positions() {
        return organisation.positions().stream()
                .map(p -> new PositionDto(p.getCode(), p.getName(), p.getDescription(), p.isActive())).toList();
    }
}
