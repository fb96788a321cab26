package vn.hoctap.catalog.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.CourseDrafts;
import vn.hoctap.catalog.CourseFormat;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.LocaleSelection;
import vn.hoctap.platform.i18n.Messages;
import vn.hoctap.shared.NotFoundException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The course editor's page ({@code /author/course.xhtml?c=…}) and the preview of its draft as a
 * learner sees it ({@code /author/preview.xhtml?c=…&l=…}, nothing recorded). The editor itself is
 * {@code static/js/course-editor.js}, talking to {@code /api/author/courses}; this view checks
 * that the course may be edited and hands the script its texts in the reader's language.
 */
@Named
@RequestScoped
public class CourseEditorView {

    /** The bundle keys the script uses. */
    private static final List<String> PREFIXES = List.of("editor.", "library.audience.", "library.level.",
            "library.language.", "quiz.type.");

    @Inject
    CourseDrafts drafts;

    @Inject
    CurrentActor currentActor;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    vn.hoctap.library.LibraryService library;

    private String c;
    private String l;
    private CourseDrafts.Draft draft;
    private CourseDefinition.Lesson lesson;
    private LessonMaterial material;

    /** {@code f:viewAction}: 404 for a course the reader may not edit (as if there were none). */
    public void load() throws IOException {
        try {
            draft = drafts.open(currentActor.require(), c);
        } catch (NotFoundException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        CourseDefinition d = draft.course();
        lesson = (l == null ? java.util.Optional.<CourseDefinition.Lesson>empty() : d.lesson(l))
                .orElse(d.lessons().isEmpty() ? null : d.lessons().get(0));
        material = LessonMaterial.of(library, currentActor.require(), lesson);
    }

    /** What the previewed material lesson shows (its authors also see a material not yet published); null for other lessons. */
    public LessonMaterial getMaterial() {
        return material;
    }

    public String getTextsJson() throws JsonProcessingException {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, localeSelection.getLocale());
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (PREFIXES.stream().anyMatch(key::startsWith)) {
                texts.put(key, bundle.getString(key));
            }
        }
        return CourseFormat.JSON.writeValueAsString(texts);
    }

    /** The lessons before and after the one previewed. */
    public CourseDefinition.Lesson getPrevious() {
        List<CourseDefinition.Lesson> all = draft.course().lessons();
        int i = all.indexOf(lesson);
        return i > 0 ? all.get(i - 1) : null;
    }

    public CourseDefinition.Lesson getNext() {
        List<CourseDefinition.Lesson> all = draft.course().lessons();
        int i = all.indexOf(lesson);
        return i >= 0 && i < all.size() - 1 ? all.get(i + 1) : null;
    }

    /** How many questions a learner gets in the previewed quiz. */
    public int getDrawn() {
        int bank = draft.course().questions().size();
        return lesson == null || lesson.quiz() == null ? bank : lesson.quiz().drawn(bank);
    }

    public String getQuizRules() {
        java.util.Locale locale = localeSelection.getLocale();
        String time = lesson.quiz().isTimed() ? Messages.get(locale, "preview.timeLimit", lesson.quiz().timeLimitMinutes())
                : Messages.get(locale, "preview.noLimit");
        return Messages.get(locale, "preview.quizRules", lesson.quiz().passPercent(), time);
    }

    public String getQuestionsIntro() {
        return Messages.get(localeSelection.getLocale(), "preview.questions", getDrawn());
    }

    /** A question's right answer in words, as the results page words it. */
    public String answer(vn.hoctap.assessment.Question q) {
        return ResultView.expected(q);
    }

    public CourseDrafts.Draft getDraft() {
        return draft;
    }

    public CourseDefinition.Lesson getLesson() {
        return lesson;
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
}
