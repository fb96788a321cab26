package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.assessment.Attempt;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.LearningService;
import vn.hoctap.catalog.LessonKind;
import vn.hoctap.catalog.Progress;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.library.LibraryService;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The lesson player ({@code /learn/lesson.xhtml?c=…&l=…}): the table of contents with ticks, the
 * lesson, previous / next, and "done" — a plain form post that is committed at once. A quiz lesson
 * shows its rules, the attempts so far and "start" or "continue".
 */
@Named
@RequestScoped
public class LessonView {

    @Inject
    LearningService learning;

    @Inject
    CurrentActor currentActor;

    @Inject
    LibraryService library;

    @Inject
    vn.hoctap.platform.i18n.LocaleSelection localeSelection;

    private String c;
    private String l;
    private String problem;
    private Progress progress;
    private CourseDefinition.Lesson lesson;
    private List<Attempt> attempts = List.of();
    private LessonMaterial material;

    /** {@code f:viewAction}: the lesson of an enrolled learner; others go to the course page. */
    public void load() throws IOException {
        long person = currentActor.require().personId();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Optional<Progress> p = c == null ? Optional.empty() : learning.progress(person, c);
        if (p.isEmpty()) {
            external.redirect(Links.course(external.getRequestContextPath(), c));
            return;
        }
        progress = p.get();
        lesson = (l == null ? Optional.<CourseDefinition.Lesson>empty() : progress.course().definition().lesson(l))
                .orElse(progress.resume());
        if (!progress.isOpen(lesson)) {
            problem = "learn.locked";
            lesson = progress.resume();
        }
        learning.opened(progress, lesson.key());
        if (lesson.kind() == LessonKind.QUIZ) {
            attempts = learning.attempts(progress, lesson.key());
        }
        material = LessonMaterial.of(library, currentActor.get(), lesson);
    }

    /** Whether the lesson shown is done. */
    public boolean isLessonDone() {
        return progress.done().contains(lesson.key());
    }

    /** The table of contents with ticks and the current lesson, as HTML (see {@link Contents}). */
    public String getContentsHtml() {
        return Contents.forPlayer(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(),
                progress.course().definition(), progress.done(), lesson.key(),
                key -> vn.hoctap.platform.i18n.Messages.get(localeSelection.getLocale(), key));
    }

    /** What a material lesson shows; null for other lessons. */
    public LessonMaterial getMaterial() {
        return material;
    }

    public boolean isQuizOpen() {
        return attempts.stream().anyMatch(a -> !a.isSubmitted());
    }

    public boolean isQuizPassed() {
        return attempts.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed()));
    }

    public boolean isAttemptsLeft() {
        return lesson.quiz() == null || !lesson.quiz().isLimited() || attempts.size() < lesson.quiz().attempts();
    }

    public int getPointsToPass() {
        return vn.hoctap.assessment.Grading.pointsToPass(getQuestionCount(), lesson.quiz().passPercent());
    }

    public int getQuestionCount() {
        return lesson.quiz().drawn(progress.course().definition().questions().size());
    }

    public CourseDefinition.Lesson getPrevious() {
        return progress.before(lesson.key()).orElse(null);
    }

    public CourseDefinition.Lesson getNext() {
        return progress.after(lesson.key()).orElse(null);
    }

    public int getPosition() {
        return progress.course().definition().lessons().indexOf(lesson) + 1;
    }

    /** When the page was served, so "done" can tell how long the lesson was open. */
    public long getOpenedAt() {
        return System.currentTimeMillis();
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public String getL() {
        return l;
    }

    public void setL(String l) {
        this.l = l;
    }

    public String getProblem() {
        return problem;
    }

    public void setProblem(String problem) {
        this.problem = problem != null && (problem.startsWith("learn.") || problem.startsWith("quiz.")) ? problem : null;
    }

    public Progress getProgress() {
        return progress;
    }

    public CourseDefinition.Lesson getLesson() {
        return lesson;
    }

    public List<Attempt> getAttempts() {
        return attempts;
    }
}
