package vn.hoctap.training.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;
import vn.hoctap.training.Assignments;
import vn.hoctap.training.Compliance;
import vn.hoctap.training.ComplianceService;
import vn.hoctap.training.ComplianceStatus;
import vn.hoctap.training.Programme;
import vn.hoctap.training.ProgrammeForm;
import vn.hoctap.training.ProgrammeService;
import vn.hoctap.training.ProgrammeStatus;
import vn.hoctap.training.Reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code /api/programmes}: mandatory programmes and their compliance figures for the province's
 * other systems, scoped like the pages — an agency officer's credentials see their agency only.
 */
@Path("programmes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "training")
public class ProgrammeResource {

    @Inject
    ProgrammeService programmes;

    @Inject
    ComplianceService compliance;

    @Inject
    OrganisationService organisation;

    @Inject
    CurrentActor currentActor;

    @Inject
    vn.hoctap.training.Reminders reminders;

    @Inject
    Reports reports;

    public record ReportDto(long id, LocalDate asOf, LocalDateTime frozenAt, int people, String sha256) {
        static ReportDto of(Reports.Report r) {
            return new ReportDto(r.id(), r.asOf(), r.frozenAt(), r.people(), r.sha256());
        }
    }

    public record CourseDto(String code, String title) {
    }

    public record ProgrammeDto(String code, String name, String description, String owner, ProgrammeStatus status,
                               List<CourseDto> courses, int required, LocalDate periodStart, LocalDate periodEnd,
                               LocalDate deadline, Integer recertMonths, long version, ProgrammeForm rule) {
    }

    public record CountsDto(long assigned, long completed, long completedLate, long inProgress, long notStarted, long overdue,
                            double rate) {
        static CountsDto of(Compliance.Counts c) {
            return new CountsDto(c.assigned(), c.completed(), c.completedLate(), c.pastDeadline() ? 0 : c.inProgress(),
                    c.pastDeadline() ? 0 : c.notStarted(), c.overdue(), c.rate());
        }
    }

    public record LineDto(long unitId, String unitCode, String unitName, boolean direct, CountsDto counts) {
    }

    public record ComplianceDto(String programme, LocalDate deadline, long unitId, String unitName, CountsDto total,
                                List<LineDto> units) {
        static ComplianceDto of(Compliance.Dashboard d) {
            return new ComplianceDto(d.programme().code(), d.programme().deadline(), d.nodeId(), d.nodeName(), CountsDto.of(d.total()),
                    d.lines().stream().map(l -> new LineDto(l.unitId(), l.code(), l.name(), l.direct(), CountsDto.of(l.counts())))
                            .toList());
        }
    }

    public record PersonDto(long personId, String fullName, String username, String staffCode, String unit,
                            int coursesDone, int required, ComplianceStatus status, LocalDateTime completedAt) {
    }

    public record PeopleDto(List<PersonDto> items, long total, int offset, int limit) {
    }

    public record OutcomeDto(int assigned, int left, int moved, int active) {
        static OutcomeDto of(Assignments.Outcome o) {
            return new OutcomeDto(o.assigned(), o.left(), o.moved(), o.active());
        }
    }

    @GET
    @Operation(summary = "The programmes the caller may see")
    public List<ProgrammeDto> list() {
        Actor actor = currentActor.require();
        return programmes.visible(actor).stream().map(this::dto).toList();
    }

    @POST
    @Path("reminders/run")
    @Operation(summary = "Sends the reminders, overdue notices, digests and escalations due now (province administrators); "
            + "a notice already sent is not sent again")
    public vn.hoctap.training.Reminders.Result runReminders() {
        if (!vn.hoctap.identity.AccessPolicy.isProvinceAdmin(currentActor.require())) {
            throw new vn.hoctap.shared.AccessDeniedException("province administrators only");
        }
        vn.hoctap.training.Reminders.Result r = reminders.run();
        return r == null ? new vn.hoctap.training.Reminders.Result(0, 0, 0, 0, 0) : r;
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One programme with its audience rule")
    public ProgrammeDto get(@PathParam("code") String code) {
        return dto(programmes.get(currentActor.require(), code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a draft programme (administrators; agency officers for their agency)")
    public Response create(ProgrammeForm form) {
        if (form == null) {
            throw new ValidationFailure(null, "training.error.body");
        }
        Programme p = programmes.create(currentActor.require(), form);
        return Response.status(Response.Status.CREATED).entity(dto(p)).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a programme; give the version you read. A published one is re-assigned at once")
    public ProgrammeDto update(@PathParam("code") String code, @QueryParam("version") long version, ProgrammeForm form) {
        if (form == null) {
            throw new ValidationFailure(null, "training.error.body");
        }
        return dto(programmes.update(currentActor.require(), code, version, form));
    }

    @POST
    @Path("{code}/publish")
    @Operation(summary = "Publishes a programme: everyone who matches is assigned")
    public OutcomeDto publish(@PathParam("code") String code) {
        return OutcomeDto.of(programmes.publish(currentActor.require(), code));
    }

    @POST
    @Path("{code}/copy")
    @Operation(summary = "A draft for the next year: same courses and audience, dates a year later")
    public Response copy(@PathParam("code") String code) {
        return Response.status(Response.Status.CREATED).entity(dto(programmes.copyToNextYear(currentActor.require(), code))).build();
    }

    @POST
    @Path("{code}/reassign")
    @Operation(summary = "Re-evaluates the audience now")
    public OutcomeDto reassign(@PathParam("code") String code) {
        return OutcomeDto.of(programmes.reassign(currentActor.require(), code));
    }

    @GET
    @Path("{code}/compliance")
    @Operation(summary = "Compliance of a unit (by code; default: the caller's scope) and of each unit directly under it")
    public ComplianceDto compliance(@PathParam("code") String code, @QueryParam("unit") String unit) {
        return ComplianceDto.of(compliance.dashboard(currentActor.require(), code, unitId(unit)));
    }

    @GET
    @Path("{code}/people")
    @Operation(summary = "The people assigned under a unit, optionally of one status (COMPLETED, COMPLETED_LATE, IN_PROGRESS, "
            + "NOT_STARTED, OVERDUE) and matching q (name, user name, staff code or phone, with or without diacritics)")
    public PeopleDto people(@PathParam("code") String code, @QueryParam("unit") String unit, @QueryParam("status") ComplianceStatus status,
                            @QueryParam("q") String q, @QueryParam("offset") @DefaultValue("0") int offset,
                            @QueryParam("limit") @DefaultValue("100") int limit) {
        var page = compliance.people(currentActor.require(), code, unitId(unit), status, q, Math.max(0, offset),
                Math.max(1, Math.min(limit, 1000)));
        return new PeopleDto(page.items().stream().map(p -> new PersonDto(p.personId(), p.fullName(), p.username(), p.staffCode(),
                p.unitName(), p.coursesDone(), p.required(), p.status(), p.completedAt())).toList(), page.total(), page.offset(), page.limit());
    }

    @GET
    @Path("{code}/reports")
    @Operation(summary = "The programme's frozen reports")
    public List<ReportDto> reports(@PathParam("code") String code) {
        return reports.list(programmes.get(currentActor.require(), code)).stream().map(ReportDto::of).toList();
    }

    @POST
    @Path("{code}/reports")
    @Operation(summary = "Freezes today's figures (the programme's owners); answers today's report if it exists")
    public ReportDto freeze(@PathParam("code") String code) {
        return ReportDto.of(reports.freezeNow(currentActor.require(), code));
    }

    @GET
    @Path("{code}/reports/{id}")
    @Operation(summary = "A frozen report's figures for a unit (default: the caller's scope) and the units under it")
    public ComplianceDto report(@PathParam("code") String code, @PathParam("id") long id, @QueryParam("unit") String unit) {
        return ComplianceDto.of(reports.view(currentActor.require(), code, id, unitId(unit)).dashboard());
    }

    private Long unitId(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return organisation.findByCode(code).orElseThrow(() -> new NotFoundException("unit " + code)).getId();
    }

    private ProgrammeDto dto(Programme p) {
        return new ProgrammeDto(p.code(), p.name(), p.description(), p.ownerName(), p.status(),
                p.courses().stream().map(c -> new CourseDto(c.code(), c.title())).toList(), p.required(), p.periodStart(),
                p.periodEnd(), p.deadline(), p.recertMonths(), p.version(), programmes.form(p));
    }
}
