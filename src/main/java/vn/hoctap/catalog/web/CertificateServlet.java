package vn.hoctap.catalog.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.catalog.Certificate;
import vn.hoctap.catalog.CertificateService;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.web.ContentDisposition;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code /learn/certificate?code=…}: the certificate as PDF ({@code &format=badge}: as a signed
 * Open Badges 3.0 credential), for the person it names and for administrators; anyone else gets "not found" (the public sees the verification page).
 */
@WebServlet("/learn/certificate")
public class CertificateServlet extends HttpServlet {

    @Inject
    CertificateService certificates;

    @Inject
    CurrentActor currentActor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.get();
        Optional<Certificate> found = certificates.find(request.getParameter("code"));
        if (actor == null || found.isEmpty()
                || (!actor.has(Role.ADMIN) && !Long.valueOf(found.get().personId()).equals(actor.personId()))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Certificate c = found.get();
        if ("badge".equals(request.getParameter("format"))) {
            response.setContentType("application/vc+jwt");
            response.setHeader("Cache-Control", "private, no-store");
            response.setHeader("Content-Disposition", ContentDisposition.of("attachment", "chung-nhan-" + c.code() + ".jwt"));
            response.getOutputStream().write(certificates.badge(c).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", ContentDisposition.of("attachment", "chung-nhan-" + c.code() + ".pdf"));
        certificates.pdf(c, response.getOutputStream());
    }
}
