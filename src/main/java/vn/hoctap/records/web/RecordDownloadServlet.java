package vn.hoctap.records.web;

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
import vn.hoctap.records.AttachmentStore;
import vn.hoctap.records.RecordService;
import vn.hoctap.records.TranscriptPdf;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's record to take away: {@code /records/transcript.pdf?person=…} (the PDF transcript),
 * {@code /records/statements.json?person=…} (every statement, as xAPI JSON) and
 * {@code /records/certificate?person=…&sha2=…} (a certificate file). The person, or staff who
 * manage them; anyone else gets "not found". Without {@code person}: the signed-in person's own.
 */
@WebServlet("/records/*")
public class RecordDownloadServlet extends HttpServlet {

    @Inject
    RecordService records;

    @Inject
    AttachmentStore attachments;

    @Inject
    CurrentActor currentActor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.get();
        if (actor == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            long person = request.getParameter("person") == null ? actor.personId()
                    : Long.parseLong(request.getParameter("person"));
            response.setHeader("Cache-Control", "private, no-store");
            switch (path) {
                case "/transcript.pdf" -> transcript(actor, person, request, response);
                case "/statements.json" -> {
                    RecordService.PersonRecord record = records.record(actor, person);
                    response.setContentType("application/json");
                    response.setHeader("Content-Disposition", ContentDisposition.of("attachment",
                            "hoc-tap-" + slug(record.fullName()) + ".json"));
                    records.exportJson(actor, person, response.getOutputStream());
                }
                case "/certificate" -> certificate(actor, person, request.getParameter("sha2"), response);
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (NotFoundException | NumberFormatException | AccessDeniedException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        }
    }

    private void transcript(Actor actor, long person, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        RecordService.PersonRecord record = records.record(actor, person);
        Locale locale = LocaleSelection.of(request);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", ContentDisposition.of("attachment",
                "ho-so-hoc-tap-" + slug(record.fullName()) + ".pdf"));
        new TranscriptPdf(key -> Messages.get(locale, key)).write(record, actor.fullName(), response.getOutputStream());
    }

    private void certificate(Actor actor, long person, String sha2, HttpServletResponse response) throws IOException {
        if (sha2 == null || !sha2.matches("[0-9a-fA-F]{64,128}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<AttachmentStore.Attachment> found = records.certificate(actor, person, sha2, attachments);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AttachmentStore.Attachment a = found.get();
        response.setContentType(a.contentType());
        response.setContentLengthLong(a.length());
        String extension = a.contentType().contains("pdf") ? ".pdf" : a.contentType().startsWith("image/")
                ? "." + a.contentType().substring(6).replace("jpeg", "jpg") : "";
        response.setHeader("Content-Disposition", ContentDisposition.of("attachment", "chung-chi" + extension));
        try (InputStream in = attachments.open(a)) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static String slug(String name) {
        String s = Text.fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "nguoi-hoc" : s;
    }
}
