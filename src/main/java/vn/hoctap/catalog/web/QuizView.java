package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.assessment.Answer;
import vn.hoctap.assessment.Attempt;
import vn.hoctap.assessment.Grading;
import vn.hoctap.assessment.Question;
import vn.hoctap.assessment.QuestionType;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.LearningService;
import vn.hoctap.catalog.Progress;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.Times;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One question of the attempt in progress ({@code /learn/quiz.xhtml?c=…&l=…&q=…}), one per page so
 * that it fits a small screen and each answer is saved before the next is shown. The form posts to
 * {@link LearnActionServlet}; its script also saves an answer as soon as it changes.
 */
@Named
@RequestScoped
public class QuizView {

    @Inject
    LearningService learning;

    @Inject
    CurrentActor currentActor;

    private String c;
    private String l;
    private int q;
    private Progress progress;
    private CourseDefinition.Lesson lesson;
    private Attempt attempt;

    /** A choice as shown: its value is the question's own index. */
    public record Choice(int value, String text, boolean checked) {
    }

    /** A left-hand item of a matching question and the right-hand item chosen for it (-1: none). */
    public record Left(int index, String text, int chosen) {
    }

    /** A dot of the question map. */
    public record Dot(int position, boolean answered, boolean current) {
        public int getNumber() {
            return position + 1;
        }
    }

    public void load() throws IOException {
        long person = currentActor.require().personId();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String base = external.getRequestContextPath();
        Optional<Progress> p = c == null ? Optional.empty() : learning.progress(person, c);
        if (p.isEmpty() || l == null) {
            external.redirect(Links.course(base, c));
            return;
        }
        progress = p.get();
        lesson = progress.course().definition().lesson(l).orElse(null);
        List<Attempt> attempts = lesson == null ? List.of() : learning.attempts(progress, l);
        Optional<Attempt> open = attempts.stream().filter(a -> !a.isSubmitted()).findFirst();
        if (open.isEmpty()) {
            // Time ran out while away: the last attempt was graded; show its result.
            Optional<Attempt> last = attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
            if (last.isPresent() && last.get().submittedAt() != null && last.get().deadlineAt() != null
                    && !last.get().submittedAt().isBefore(last.get().deadlineAt())) {
                learning.attempt(person, last.get().id());
                external.redirect(Links.result(base, last.get().id()));
            } else {
                external.redirect(Links.lesson(base, c, l));
            }
            return;
        }
        attempt = open.get();
        q = Math.max(0, Math.min(q, attempt.items().size() - 1));
    }

    public Grading.Item getItem() {
        return attempt.items().get(q);
    }

    public Question getQuestion() {
        return getItem().question();
    }

    public boolean isChoice() {
        QuestionType t = getQuestion().type();
        return t == QuestionType.SINGLE || t == QuestionType.TRUEFALSE;
    }

    public boolean isMultiple() {
        return getQuestion().type() == QuestionType.MULTIPLE;
    }

    public boolean isShort() {
        return getQuestion().type() == QuestionType.SHORT;
    }

    public boolean isMatching() {
        return getQuestion().type() == QuestionType.MATCHING;
    }

    private Answer saved() {
        return attempt.answers().getOrDefault(q, Answer.choices(List.of()));
    }

    public List<Choice> getChoices() {
        Question question = getQuestion();
        List<Choice> choices = new ArrayList<>();
        for (int i : getItem().order()) {
            String text = switch (question.type()) {
                case TRUEFALSE -> FacesMessages.text(i == 1 ? "quiz.true" : "quiz.false");
                case MATCHING -> question.pairs().get(i).right();
                default -> question.options().get(i).text();
            };
            choices.add(new Choice(i, text, saved().choices().contains(i)));
        }
        return choices;
    }

    public List<Left> getLefts() {
        List<Left> lefts = new ArrayList<>();
        List<Integer> chosen = saved().choices();
        List<Question.Pair> pairs = getQuestion().pairs();
        for (int i = 0; i < pairs.size(); i++) {
            lefts.add(new Left(i, pairs.get(i).left(), i < chosen.size() ? chosen.get(i) : -1));
        }
        return lefts;
    }

    public String getText() {
        return saved().text() == null ? "" : saved().text();
    }

    public List<Dot> getDots() {
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < attempt.items().size(); i++) {
            dots.add(new Dot(i, attempt.isAnswered(i), i == q));
        }
        return dots;
    }

    public boolean isFirst() {
        return q == 0;
    }

    public boolean isLast() {
        return q == attempt.items().size() - 1;
    }

    public Long getSecondsLeft() {
        return attempt.secondsLeft(Times.nowUtc());
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

    public int getQ() {
        return q;
    }

    public void setQ(int q) {
        this.q = q;
    }

    public Progress getProgress() {
        return progress;
    }

    public CourseDefinition.Lesson getLesson() {
        return lesson;
    }

    public Attempt getAttempt() {
        return attempt;
    }
}
