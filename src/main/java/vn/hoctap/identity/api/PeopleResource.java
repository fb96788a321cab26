package vn.hoctap.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.PeopleQuery;
import vn.hoctap.identity.PeopleService;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.PersonForm;
import vn.hoctap.identity.Role;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.PageResult;
import vn.hoctap.shared.ValidationFailure;

import java.util.Locale;

/**
 * {@code /api/people}: the people an officer manages, as the people pages show them. Someone
 * outside the caller's scope is 404, exactly as if they did not exist.
 */
@Path("people")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "people")
public class PeopleResource {

    @Inject
    PeopleService people;

    @Inject
    OrganisationService organisation;

    @Inject
    CurrentActor currentActor;

    @GET
    @Operation(summary = "People the caller manages, paged, sorted by name; q matches names with or without diacritics")
    public PageDto<PersonDto> list(@QueryParam("q") String q, @QueryParam("unit") String unitCode,
                                   @QueryParam("role") String role, @QueryParam("type") String type,
                                   @QueryParam("enabled") Boolean enabled,
                                   @QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        Actor actor = staff();
        String unitPath = unitCode == null ? null : unit(unitCode).getPath();
        PeopleQuery query = new PeopleQuery(q, unitPath, role == null ? null : enumValue(Role.class, role, "role"),
                type == null ? null : enumValue(AccountType.class, type, "type"), enabled, PeopleQuery.Sort.NAME);
        PageResult<Person> page = people.search(actor, query, Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
        return new PageDto<>(page.items().stream().map(PersonDto::of).toList(), page.total(), page.offset(), page.limit());
    }

    @GET
    @Path("{id}")
    public PersonDto get(@PathParam("id") long id) {
        return PersonDto.of(people.get(staff(), id));
    }

    @POST
    @Operation(summary = "Creates an account; the answer carries its one-time password, shown only here")
    public Response create(PersonRequests.CreatePersonRequest request) {
        if (request == null) {
            throw new ValidationFailure("body", "api.emptyBody");
        }
        PersonForm form = new PersonForm(request.username(), request.fullName(), request.phone(), request.email(),
                request.staffCode(), request.type() == null ? AccountType.STAFF : enumValue(AccountType.class, request.type(), "type"),
                request.homeUnitCode() == null ? null : unit(request.homeUnitCode()).getId(),
                request.unitCode() == null ? null : unit(request.unitCode()).getId(),
                request.positionCode() == null ? null : position(request.positionCode()).getId());
        PeopleService.NewAccount created = people.create(staff(), form);
        return Response.status(Response.Status.CREATED)
                .header("Location", "people/" + created.person().getId())
                .entity(new PersonRequests.CreatedPerson(PersonDto.of(created.person()), created.oneTimePassword()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Changes a person's details; version must be the one last read (409-like 400 otherwise)")
    public PersonDto update(@PathParam("id") long id, PersonRequests.UpdatePersonRequest request) {
        if (request == null) {
            throw new ValidationFailure("body", "api.emptyBody");
        }
        Actor actor = staff();
        Person current = people.get(actor, id);
        PersonForm form = new PersonForm(current.getUsername(), request.fullName(), request.phone(), request.email(),
                request.staffCode(), current.getAccountType(),
                request.homeUnitCode() == null ? null : unit(request.homeUnitCode()).getId(), null, null);
        return PersonDto.of(people.update(actor, id, request.version(), form));
    }

    @POST
    @Path("{id}/disable")
    public PersonDto disable(@PathParam("id") long id) {
        return PersonDto.of(people.setEnabled(staff(), id, false));
    }

    @POST
    @Path("{id}/enable")
    public PersonDto enable(@PathParam("id") long id) {
        return PersonDto.of(people.setEnabled(staff(), id, true));
    }

    @POST
    @Path("{id}/password-reset")
    @Operation(summary = "Issues a new one-time password (the old one stops working)")
    public PersonRequests.PasswordReset resetPassword(@PathParam("id") long id) {
        return new PersonRequests.PasswordReset(people.resetPassword(staff(), id));
    }

    @POST
    @Path("{id}/posts")
    public PersonDto addPost(@PathParam("id") long id, PersonRequests.AddPostRequest request) {
        if (request == null) {
            throw new ValidationFailure("body", "api.emptyBody");
        }
        return PersonDto.of(people.addPost(staff(), id, unit(request.unitCode()).getId(),
                position(request.positionCode()).getId()));
    }

    @DELETE
    @Path("{id}/posts/{postId}")
    public PersonDto removePost(@PathParam("id") long id, @PathParam("postId") long postId) {
        return PersonDto.of(people.removePost(staff(), id, postId));
    }

    @POST
    @Path("{id}/roles")
    public PersonDto grant(@PathParam("id") long id, PersonRequests.GrantRoleRequest request) {
        if (request == null) {
            throw new ValidationFailure("body", "api.emptyBody");
        }
        return PersonDto.of(people.grant(staff(), id, enumValue(Role.class, request.role(), "role"),
                unit(request.scopeCode()).getId()));
    }

    @DELETE
    @Path("{id}/roles/{grantId}")
    public PersonDto revoke(@PathParam("id") long id, @PathParam("grantId") long grantId) {
        return PersonDto.of(people.revoke(staff(), id, grantId));
    }

    private Actor staff() {
        Actor actor = currentActor.require();
        if (!actor.isStaff()) {
            throw new AccessDeniedException("people are managed by officers");
        }
        return actor;
    }

    private OrgUnit unit(String code) {
        return organisation.findByCode(code).orElseThrow(() -> new ValidationFailure("unit", "import.error.unknownUnit", code));
    }

    private JobPosition position(String code) {
        return organisation.findPosition(code)
                .orElseThrow(() -> new ValidationFailure("position", "import.error.unknownPosition", code));
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailure(field, "api.badValue", value);
        }
    }
}
