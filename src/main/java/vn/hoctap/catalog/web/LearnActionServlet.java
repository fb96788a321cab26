package vn.hoctap.catalog.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.assessment.Answer;
import vn.hoctap.assessment.Attempt;
import vn.hoctap.assessment.Grading;
import vn.hoctap.assessment.Question;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.LearningService;
import vn.hoctap.catalog.Progress;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a learner does in a course, as plain form posts that work without JavaScript on any phone:
 * {@code enrol}, {@code done} (a lesson), {@code start} (a quiz attempt), {@code answer} (save one
 * answer, then go to another question or submit) and {@code submit}. Each commits at once and
 * redirects to the page to show next (post/redirect/get), so a reload never posts twice. The
 * quiz page's script posts {@code answer} with {@code go=stay} the moment an answer changes: 204.
 * The session cookie is SameSite=Lax and the origin is checked: no cross-site posts.
 */
@WebServlet("/learn/act")
public class LearnActionServlet extends HttpServlet {

    @Inject
    LearningService learning;

    @Inject
    CurrentActor currentActor;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.get();
        if (actor == null) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        if (!vn.hoctap.platform.web.SameOrigin.check(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String code = request.getParameter("c");
        String lesson = request.getParameter("l");
        String base = request.getContextPath();
        try {
            switch (String.valueOf(request.getParameter("action"))) {
                case "enrol" -> {
                    learning.enrol(actor.personId(), code);
                    Progress p = learning.progress(actor.personId(), code).orElseThrow();
                    response.sendRedirect(Links.lesson(base, code, p.resume().key()));
                }
                case "retake" -> {
                    learning.retake(actor.personId(), code);
                    Progress p = learning.progress(actor.personId(), code).orElseThrow();
                    response.sendRedirect(Links.lesson(base, code, p.resume().key()));
                }
                case "done" -> {
                    Progress p = learning.lessonDone(actor.personId(), code, lesson, spent(request));
                    Optional<CourseDefinition.Lesson> next = p.after(lesson);
                    if (p.enrolment().isCompleted() && p.allRequiredDone() && next.isEmpty()) {
                        response.sendRedirect(Links.course(base, code) + "&completed=1");
                    } else {
                        response.sendRedirect(next.map(l -> Links.lesson(base, code, l.key())).orElse(Links.course(base, code)));
                    }
                }
                case "start" -> {
                    Optional<Attempt> a = learning.startQuiz(actor.personId(), code, lesson);
                    response.sendRedirect(a.map(x -> Links.question(base, code, lesson, x.firstOpen()))
                            .orElse(Links.lesson(base, code, lesson) + "&problem=quiz.noAttemptsLeft"));
                }
                case "answer" -> answer(actor, request, response, code, lesson);
                case "submit" -> {
                    Attempt a = learning.submit(actor.personId(), longParam(request, "a"));
                    response.sendRedirect(Links.result(base, a.id()));
                }
                default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        } catch (ValidationFailure e) {
            String key = e.problems().isEmpty() ? "learn.failed" : e.problems().get(0).key();
            if ("stay".equals(request.getParameter("go"))) {
                response.sendError(HttpServletResponse.SC_CONFLICT, key);
            } else {
                String back = lesson == null ? Links.course(base, code) : Links.lesson(base, code, lesson);
                response.sendRedirect(back + "&problem=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
            }
        } catch (NotFoundException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void answer(Actor actor, HttpServletRequest request, HttpServletResponse response, String code, String lesson)
            throws IOException {
        long attemptId = longParam(request, "a");
        int position = Integer.parseInt(request.getParameter("q"));
        Attempt attempt = learning.attempt(actor.personId(), attemptId);
        String base = request.getContextPath();
        if (attempt.isSubmitted()) {
            // The time ran out meanwhile: what was saved has been graded.
            if ("stay".equals(request.getParameter("go"))) {
                response.sendError(HttpServletResponse.SC_CONFLICT, "quiz.alreadySubmitted");
            } else {
                response.sendRedirect(Links.result(base, attemptId));
            }
            return;
        }
        if (position < 0 || position >= attempt.items().size()) {
            throw new NotFoundException("question " + position);
        }
        Answer given = readAnswer(attempt.items().get(position), request);
        if (!given.isEmpty() || attempt.isAnswered(position)) {
            attempt = learning.answer(actor.personId(), attemptId, position, given);
        }
        String go = String.valueOf(request.getParameter("go"));
        switch (go) {
            case "stay" -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            case "submit" -> {
                Attempt graded = learning.submit(actor.personId(), attemptId);
                response.sendRedirect(Links.result(base, graded.id()));
            }
            case "prev" -> response.sendRedirect(Links.question(base, code, lesson, Math.max(0, position - 1)));
            case "next" -> response.sendRedirect(Links.question(base, code, lesson,
                    Math.min(attempt.items().size() - 1, position + 1)));
            default -> {
                int target = go.startsWith("q") ? Integer.parseInt(go.substring(1)) : position;
                response.sendRedirect(Links.question(base, code, lesson, Math.max(0, Math.min(attempt.items().size() - 1, target))));
            }
        }
    }

    /** The answer in the question's own indexes; the form carries those, whatever order it showed. */
    static Answer readAnswer(Grading.Item item, HttpServletRequest request) {
        Question q = item.question();
        return switch (q.type()) {
            case SHORT -> Answer.text(request.getParameter("text") == null ? "" : request.getParameter("text").strip());
            case MATCHING -> {
                List<Integer> chosen = new ArrayList<>();
                boolean any = false;
                for (int i = 0; i < q.pairs().size(); i++) {
                    String v = request.getParameter("match" + i);
                    int right = v == null || v.isBlank() ? -1 : Integer.parseInt(v);
                    any |= right >= 0;
                    chosen.add(right);
                }
                yield any ? Answer.choices(chosen) : Answer.choices(List.of());
            }
            default -> {
                String[] values = request.getParameterValues("choice");
                List<Integer> chosen = new ArrayList<>();
                if (values != null) {
                    for (String v : values) {
                        int i = Integer.parseInt(v);
                        if (i >= 0 && i < q.choiceCount() && !chosen.contains(i)) {
                            chosen.add(i);
                        }
                    }
                }
                yield Answer.choices(chosen);
            }
        };
    }

    /** Time on the lesson page, from the moment the page was served (capped: a tab left open is not study). */
    private static Duration spent(HttpServletRequest request) {
        String opened = request.getParameter("opened");
        if (opened == null) {
            return null;
        }
        try {
            long millis = System.currentTimeMillis() - Long.parseLong(opened);
            return millis <= 0 ? null : Duration.ofMillis(Math.min(millis, Duration.ofHours(2).toMillis())).withNanos(0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long longParam(HttpServletRequest request, String name) {
        return Long.parseLong(request.getParameter(name));
    }
}
