package vn.hoctap.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.staffimport.StaffSheets;

import java.io.IOException;
import java.util.List;

/** {@code /admin/import-template.xlsx}: the staff template, listing the codes the officer may use. */
@WebServlet("/admin/import-template.xlsx")
public class ImportTemplateServlet extends HttpServlet {

    @Inject
    CurrentActor currentActor;

    @Inject
    OrganisationService organisation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.require();
        List<OrgUnit> units = organisation.tree().stream()
                .filter(OrgUnit::isActive)
                .filter(u -> AccessPolicy.canUseUnit(actor, u.getPath()))
                .sorted(java.util.Comparator.comparing(OrgUnit::getPath))
                .toList();
        List<JobPosition> positions = organisation.positions().stream().filter(JobPosition::isActive).toList();
        byte[] xlsx = StaffSheets.template(units, positions);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"mau-nhap-can-bo.xlsx\"; filename*=UTF-8''m%E1%BA%ABu-nh%E1%BA%ADp-c%C3%A1n-b%E1%BB%99.xlsx");
        response.setContentLength(xlsx.length);
        response.getOutputStream().write(xlsx);
    }
}
