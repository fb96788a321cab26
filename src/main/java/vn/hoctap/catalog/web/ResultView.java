package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.assessment.Answer;
import vn.hoctap.assessment.Attempt;
import vn.hoctap.assessment.Grading;
import vn.hoctap.assessment.Question;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.LearningService;
import vn.hoctap.catalog.Progress;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.NotFoundException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A graded attempt ({@code /learn/result.xhtml?a=…}): the score against the pass mark, and for each
 * question the learner's answer, the right answer and why.
 */
@Named
@RequestScoped
public class ResultView {

    @Inject
    LearningService learning;

    @Inject
    CatalogService catalog;

    @Inject
    CurrentActor currentActor;

    private long a;
    private Attempt attempt;
    private Progress progress;
    private CourseDefinition.Lesson lesson;

    /** One question of the result. */
    public record Line(int number, String prompt, String given, String expected, boolean correct, String feedback) {
    }

    public void load() throws IOException {
        long person = currentActor.require().personId();
        try {
            attempt = learning.attempt(person, a);
        } catch (NotFoundException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        if (!attempt.isSubmitted()) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        String code = learning.courseCodeOf(attempt);
        progress = learning.progress(person, code).orElseThrow();
        lesson = progress.course().definition().lesson(attempt.quiz()).orElse(null);
    }

    public List<Line> getLines() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < attempt.items().size(); i++) {
            Question q = attempt.items().get(i).question();
            Answer given = attempt.answers().get(i);
            lines.add(new Line(i + 1, q.prompt(), describe(q, given), expected(q), attempt.isCorrect(i), q.feedback()));
        }
        return lines;
    }

    public int getPointsToPass() {
        return Grading.pointsToPass(attempt.maxScore(), attempt.passPercent());
    }

    static String describe(Question q, Answer a) {
        if (a == null || a.isEmpty()) {
            return FacesMessages.text("quiz.unanswered");
        }
        return switch (q.type()) {
            case SHORT -> a.text();
            case TRUEFALSE -> FacesMessages.text(a.choices().get(0) == 1 ? "quiz.true" : "quiz.false");
            case MATCHING -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < q.pairs().size() && i < a.choices().size(); i++) {
                    int r = a.choices().get(i);
                    parts.add(q.pairs().get(i).left() + " → " + (r < 0 ? "—" : q.pairs().get(r).right()));
                }
                yield String.join("; ", parts);
            }
            default -> String.join("; ", a.choices().stream().map(i -> q.options().get(i).text()).toList());
        };
    }

    /** The right answer in words (also for an author's preview of a draft, whose questions may be unfinished: "—"). */
    static String expected(Question q) {
        String expected = switch (q.type()) {
            case SHORT -> q.answers().isEmpty() ? "" : q.answers().get(0);
            case TRUEFALSE -> q.answer() == null ? "" : FacesMessages.text(q.answer() ? "quiz.true" : "quiz.false");
            case MATCHING -> String.join("; ", q.pairs().stream().map(p -> p.left() + " → " + p.right()).toList());
            default -> String.join("; ", q.options().stream().filter(Question.Option::correct).map(Question.Option::text)
                    .filter(java.util.Objects::nonNull).toList());
        };
        return expected == null || expected.isBlank() ? "—" : expected;
    }

    public long getA() {
        return a;
    }

    public void setA(long a) {
        this.a = a;
    }

    public Attempt getAttempt() {
        return attempt;
    }

    public Progress getProgress() {
        return progress;
    }

    public CourseDefinition.Lesson getLesson() {
        return lesson;
    }

    public PublishedCourse getCourse() {
        return progress.course();
    }
}
