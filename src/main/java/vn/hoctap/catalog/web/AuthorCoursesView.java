package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.CourseDrafts;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.shared.Times;

import java.util.List;

/**
 * Courses for authors ({@code /author/courses.xhtml}): a new course, the courses the reader may
 * edit in the browser, every published course with its version and a download of its files, and
 * the upload of a course as a ZIP of the course format.
 */
@Named
@RequestScoped
public class AuthorCoursesView {

    @Inject
    CatalogService catalog;

    @Inject
    vn.hoctap.platform.i18n.LocaleSelection localeSelection;

    @Inject
    CourseDrafts drafts;

    @Inject
    CurrentActor currentActor;

    private List<CourseDrafts.Summary> editable;
    private String problem;
    private String outcome;
    private String c;
    private List<String> problems = List.of();

    public void load() {
        Object listed = FacesContext.getCurrentInstance().getExternalContext().getSessionMap().remove(CourseFilesServlet.PROBLEMS);
        if (listed instanceof List<?> list) {
            boolean vietnamese = !"en".equals(localeSelection.getLanguage());
            problems = list.stream().map(String::valueOf)
                    .map(p -> vietnamese ? FormatProblemText.vietnamese(p) : p).toList();
        }
    }

    public List<PublishedCourse> getCourses() {
        return catalog.published();
    }

    /** The courses the reader may edit in the browser. */
    public List<CourseDrafts.Summary> getEditable() {
        if (editable == null) {
            editable = drafts.editable(currentActor.require());
        }
        return editable;
    }

    public boolean isMayCreate() {
        return CourseDrafts.mayCreate(currentActor.require());
    }

    public String date(java.time.LocalDateTime utc) {
        return Times.display(utc);
    }

    public String getProblem() {
        return problem;
    }

    public void setProblem(String problem) {
        this.problem = problem != null && (problem.startsWith("course.archive.") || problem.startsWith("course.editor.")) ? problem : null;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome != null && outcome.matches("[A-Z_]+") ? outcome : null;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public List<String> getProblems() {
        return problems;
    }
}
