package vn.hoctap.catalog.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.CourseArchive;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.CourseFormat;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.web.ContentDisposition;
import vn.hoctap.shared.AccessDeniedException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Courses as files for authors: {@code GET /author/courses/export?c=…} downloads the published
 * version as a ZIP of the course format (the same files as {@code content/courses/<code>/});
 * {@code POST /author/courses/new} creates a course and opens its editor;
 * {@code POST /author/courses/import} publishes an uploaded ZIP — a new course or a new version —
 * after checking every rule of the format; a new version needs the right to edit the course
 * ({@link vn.hoctap.catalog.CourseDrafts}). Problems go back to the page, listed.
 */
@WebServlet("/author/courses/*")
@MultipartConfig(maxFileSize = 25L * 1024 * 1024, maxRequestSize = 26L * 1024 * 1024)
public class CourseFilesServlet extends HttpServlet {

    static final String PROBLEMS = "hoctap.course.import.problems";

    @Inject
    CatalogService catalog;

    @Inject
    CurrentActor currentActor;

    @Inject
    vn.hoctap.catalog.CourseDrafts drafts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/export".equals(request.getPathInfo()) || currentActor.get() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<PublishedCourse> course = catalog.published(String.valueOf(request.getParameter("c")));
        if (course.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/zip");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", ContentDisposition.of("attachment",
                course.get().code() + "-v" + course.get().number() + ".zip"));
        CourseArchive.write(CourseFormat.write(course.get().definition()), course.get().code(), response.getOutputStream());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Actor actor = currentActor.get();
        String page = request.getContextPath() + "/author/courses.xhtml";
        if (actor == null || !vn.hoctap.platform.web.SameOrigin.check(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if ("/new".equals(request.getPathInfo())) {
            create(actor, request, response, page);
            return;
        }
        if (!"/import".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Part file;
        try {
            file = request.getPart("file");
        } catch (IllegalStateException e) {
            response.sendRedirect(page + "?problem=course.archive.tooBig");
            return;
        }
        if (file == null || file.getSize() == 0) {
            response.sendRedirect(page + "?problem=course.archive.noFile");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            CourseDefinition d = CourseFormat.read(CourseArchive.read(in));
            CatalogService.Outcome outcome = drafts.importFiles(actor, d);
            response.sendRedirect(page + "?outcome=" + outcome.name() + "&c=" + URLEncoder.encode(d.code(), StandardCharsets.UTF_8));
        } catch (CourseArchive.Refused e) {
            response.sendRedirect(page + "?problem=" + e.key());
        } catch (CourseFormat.Invalid e) {
            request.getSession().setAttribute(PROBLEMS, e.problems());
            response.sendRedirect(page + "?problem=course.archive.invalid");
        } catch (AccessDeniedException e) {
            response.sendRedirect(page + "?problem=course.archive.notYours");
        }
    }

    /** {@code POST /author/courses/new} (code, title): a new course, straight into its editor. */
    private void create(Actor actor, HttpServletRequest request, HttpServletResponse response, String page) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String code = request.getParameter("code");
        try {
            drafts.create(actor, code, request.getParameter("title"));
            response.sendRedirect(request.getContextPath() + "/author/course.xhtml?c=" + URLEncoder.encode(code.strip(), StandardCharsets.UTF_8));
        } catch (vn.hoctap.shared.ValidationFailure e) {
            response.sendRedirect(page + "?problem=" + e.problems().get(0).key() + "#new");
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
