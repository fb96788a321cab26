package vn.hoctap.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.staffimport.ImportPlan;
import vn.hoctap.identity.staffimport.ImportProgress;
import vn.hoctap.identity.staffimport.ImportResult;
import vn.hoctap.identity.staffimport.SheetReader;
import vn.hoctap.identity.staffimport.StaffImportService;
import vn.hoctap.platform.i18n.Messages;
import vn.hoctap.shared.AccessDeniedException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/imports/staff}: the staff import for scripts. The body is the XLSX or CSV file
 * itself. Without {@code commit=true} it only checks the file and answers the preview; with it,
 * it writes everything or nothing and answers the counts and the new accounts' one-time passwords.
 */
@Path("imports/staff")
@RequestScoped
@Tag(name = "people")
public class StaffImportResource {

    @Inject
    StaffImportService imports;

    @Inject
    CurrentActor currentActor;

    @Context
    HttpHeaders headers;

    public record ProblemDto(int row, String column, String code, String message) {
    }

    public record PreviewDto(boolean canCommit, long created, long updated, long unchanged, List<ProblemDto> problems) {
    }

    public record ResultDto(int created, int updated, int unchanged, long millis, List<ImportResult.Credential> credentials) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Checks (and with commit=true imports) a staff spreadsheet sent as the request body")
    public Response importStaff(InputStream body, @HeaderParam("X-File-Name") @DefaultValue("staff.csv") String fileName,
                                @QueryParam("commit") @DefaultValue("false") boolean commit) throws IOException {
        Actor actor = currentActor.require();
        if (!actor.isStaff()) {
            throw new AccessDeniedException("imports are for officers");
        }
        Locale locale = headers.getAcceptableLanguages().stream().anyMatch(l -> "en".equals(l.getLanguage()))
                ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        byte[] bytes = body.readNBytes(SheetReader.MAX_BYTES + 1);
        SheetReader.Sheet sheet;
        ImportPlan plan;
        try {
            sheet = SheetReader.read(fileName, bytes);
            plan = imports.planAgain(actor, fileName, sheet);
        } catch (SheetReader.Unreadable e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(new PreviewDto(false, 0, 0, 0, List.of(new ProblemDto(0, null, e.key(),
                            Messages.get(locale, e.key(), e.args()))))).build();
        }
        if (!commit || !plan.canCommit()) {
            return Response.status(plan.canCommit() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON).entity(preview(plan, locale)).build();
        }
        try {
            ImportResult result = imports.commit(actor, plan, sheet, new ImportProgress());
            return Response.ok(new ResultDto(result.created(), result.updated(), result.unchanged(), result.millis(),
                    result.credentials()), MediaType.APPLICATION_JSON).build();
        } catch (StaffImportService.PlanChanged changed) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(preview(changed.plan(), locale)).build();
        }
    }

    private static PreviewDto preview(ImportPlan plan, Locale locale) {
        return new PreviewDto(plan.canCommit(), plan.count(ImportPlan.Action.NEW), plan.count(ImportPlan.Action.UPDATE),
                plan.count(ImportPlan.Action.UNCHANGED), plan.allProblems().stream()
                .map(p -> new ProblemDto(p.row(), p.column() == null ? null : p.column().name(), p.key(),
                        Messages.get(locale, p.key(), p.args())))
                .toList());
    }
}
