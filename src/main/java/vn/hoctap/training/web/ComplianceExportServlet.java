package vn.hoctap.training.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.LocaleSelection;
import vn.hoctap.platform.i18n.Messages;
import vn.hoctap.platform.web.ContentDisposition;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;
import vn.hoctap.training.Compliance;
import vn.hoctap.training.ComplianceService;
import vn.hoctap.training.ComplianceSheets;

import java.io.IOException;
import java.util.Locale;

/** {@code /admin/compliance/export?p=…&u=…}: the dashboard of a node and its people as XLSX, in the officer's language. */
@WebServlet("/admin/compliance/export")
public class ComplianceExportServlet extends HttpServlet {

    @Inject
    CurrentActor currentActor;

    @Inject
    ComplianceService compliance;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.require();
        String code = request.getParameter("p");
        Long node = parse(request.getParameter("u"));
        Compliance.Dashboard d;
        try {
            d = compliance.dashboard(actor, code == null ? "" : code, node);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Locale locale = LocaleSelection.of(request);
        String file = Text.fold(d.programme().code() + "-" + d.nodeName()).replaceAll("[^a-z0-9]+", "-") + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.of("attachment", file));
        response.setHeader("Cache-Control", "private, no-store");
        ComplianceSheets.write(d, compliance.page(actor, code, d.nodeId(), null, 0, (int) d.total().assigned()),
                key -> Messages.get(locale, key), Times::display, response.getOutputStream());
    }

    private static Long parse(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
