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
import vn.hoctap.platform.web.SameOrigin;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;
import vn.hoctap.training.ComplianceSheets;
import vn.hoctap.training.ReportPdf;
import vn.hoctap.training.Reports;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Frozen reports: {@code GET /admin/compliance/report?p=…&r=…&u=…&format=xlsx|pdf} downloads one as
 * seen from the officer's part of the tree; {@code POST /admin/compliance/freeze?p=…} freezes
 * today's figures (the programme's owners) and goes back to the dashboard.
 */
@WebServlet({"/admin/compliance/report", "/admin/compliance/freeze"})
public class ReportServlet extends HttpServlet {

    @Inject
    CurrentActor currentActor;

    @Inject
    Reports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.require();
        Reports.Frozen f;
        try {
            f = reports.view(actor, String.valueOf(request.getParameter("p")), Long.parseLong(request.getParameter("r")),
                    parse(request.getParameter("u")));
        } catch (NotFoundException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Locale locale = LocaleSelection.of(request);
        boolean pdf = "pdf".equals(request.getParameter("format"));
        String file = Text.fold(f.dashboard().programme().code() + "-" + f.report().asOf() + "-" + f.dashboard().nodeName())
                .replaceAll("[^a-z0-9]+", "-") + (pdf ? ".pdf" : ".xlsx");
        response.setContentType(pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.of("attachment", file));
        response.setHeader("Cache-Control", "private, no-store");
        if (pdf) {
            ReportPdf.write(f, key -> Messages.get(locale, key), Times::display, response.getOutputStream());
        } else {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put(Messages.get(locale, "training.report.asOf"), f.report().asOf().toString());
            facts.put(Messages.get(locale, "training.report.frozenAt"), Times.display(f.report().frozenAt()));
            facts.put(Messages.get(locale, "training.report.sha"), f.report().sha256());
            ComplianceSheets.write(f.dashboard(), f.people(), facts, key -> Messages.get(locale, key), Times::display,
                    response.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.require();
        String code = String.valueOf(request.getParameter("p"));
        if (!SameOrigin.check(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            reports.freezeNow(actor, code);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/admin/compliance.xhtml?p=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&frozen=1#reports");
    }

    private static Long parse(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
