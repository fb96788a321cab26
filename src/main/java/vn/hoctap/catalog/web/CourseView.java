package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.Certificate;
import vn.hoctap.catalog.CertificateService;
import vn.hoctap.catalog.LearningService;
import vn.hoctap.catalog.Progress;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A course's page ({@code /courses/course.xhtml?c=…}): what it teaches, its modules and lessons,
 * and for a signed-in person their progress, "enrol" or "continue", and the certificate.
 */
@Named
@RequestScoped
public class CourseView {

    @Inject
    CatalogService catalog;

    @Inject
    LearningService learning;

    @Inject
    CertificateService certificates;

    @Inject
    CurrentActor currentActor;

    @Inject
    vn.hoctap.platform.i18n.LocaleSelection localeSelection;

    private String c;
    private PublishedCourse course;
    private Progress progress;
    private Certificate certificate;

    /** {@code f:viewAction}: the published course, or 404. */
    public void load() throws IOException {
        Optional<PublishedCourse> found = c == null ? Optional.empty() : catalog.published(c);
        if (found.isEmpty()) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        course = found.get();
        Actor actor = currentActor.get();
        if (actor != null && actor.personId() != null) {
            progress = learning.progress(actor.personId(), c).orElse(null);
            if (progress != null) {
                course = progress.course();
                if (progress.enrolment().isCompleted()) {
                    certificate = certificates.forEnrolment(progress.enrolment().id()).orElse(null);
                }
            }
        }
    }

    /** Hours as people write them: "4", "1,5". */
    public static String hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString().replace('.', ',');
    }

    public String getHours() {
        return hours(course.definition().creditedMinutes());
    }

    public int getLessonCount() {
        return course.definition().lessons().size();
    }

    public boolean isSignedIn() {
        return currentActor.get() != null;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    /** The modules and lessons, with links and ticks once enrolled, as HTML (see {@link Contents}). */
    public String getContentsHtml() {
        return Contents.forCoursePage(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(),
                course.definition(), progress == null ? null : progress.done(),
                key -> vn.hoctap.platform.i18n.Messages.get(localeSelection.getLocale(), key));
    }

    /** Where the course's cover image is served (below the context path), or null. */
    public String getCover() {
        return course == null ? null : catalog.covers().get(course.courseId());
    }

    public PublishedCourse getCourse() {
        return course;
    }

    public Progress getProgress() {
        return progress;
    }

    public Certificate getCertificate() {
        return certificate;
    }
}
