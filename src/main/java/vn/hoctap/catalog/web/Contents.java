package vn.hoctap.catalog.web;

import vn.hoctap.catalog.CourseDefinition;

import java.util.Set;
import java.util.function.UnaryOperator;

import static vn.hoctap.shared.Text.escapeHtml;

/**
 * A course's table of contents as HTML, written in one pass: the lesson player and the course
 * page show it on every request, and as Facelets markup each lesson cost a dozen expression
 * evaluations (bean lookups included) — most of a lesson page's rendering time.
 */
final class Contents {

    private Contents() {
    }

    /**
     * The player's contents: every lesson a link, the one shown marked current, ticks on those done.
     *
     * @param msg the reader's texts by bundle key
     */
    static String forPlayer(String contextPath, CourseDefinition d, Set<String> done, String current, UnaryOperator<String> msg) {
        StringBuilder html = new StringBuilder(256 + 160 * d.lessonCount());
        String base = escapeHtml(contextPath + "/learn/lesson.xhtml?c=" + d.code() + "&l=");
        String tick = tick(msg);
        html.append("<ol class=\"modules\">");
        for (CourseDefinition.Module m : d.modules()) {
            html.append("<li><h2>").append(escapeHtml(m.title())).append("</h2><ol class=\"toc\">");
            for (CourseDefinition.Lesson l : m.lessons()) {
                boolean isDone = done.contains(l.key());
                boolean isCurrent = l.key().equals(current);
                html.append("<li class=\"").append(isDone ? "done" : "").append(isCurrent ? " current" : "").append("\">")
                        .append("<a href=\"").append(base).append(escapeHtml(l.key())).append('"')
                        .append(isCurrent ? " aria-current=\"page\"" : "").append('>').append(escapeHtml(l.title())).append("</a>");
                if (isDone) {
                    html.append(tick);
                }
                html.append("</li>");
            }
            html.append("</ol></li>");
        }
        return html.append("</ol>").toString();
    }

    /**
     * The course page's contents: each lesson's kind and minutes; links and ticks once the reader
     * is enrolled ({@code done} null: not enrolled).
     */
    static String forCoursePage(String contextPath, CourseDefinition d, Set<String> done, UnaryOperator<String> msg) {
        StringBuilder html = new StringBuilder(256 + 200 * d.lessonCount());
        String base = escapeHtml(contextPath + "/learn/lesson.xhtml?c=" + d.code() + "&l=");
        String tick = tick(msg);
        String minutes = escapeHtml(msg.apply("course.minutesUnit"));
        html.append("<ol class=\"modules\">");
        for (CourseDefinition.Module m : d.modules()) {
            html.append("<li><h3>").append(escapeHtml(m.title())).append("</h3><ol class=\"toc\">");
            for (CourseDefinition.Lesson l : m.lessons()) {
                boolean isDone = done != null && done.contains(l.key());
                html.append("<li class=\"").append(isDone ? "done" : "").append("\">");
                if (done != null) {
                    html.append("<a href=\"").append(base).append(escapeHtml(l.key())).append("\">")
                            .append(escapeHtml(l.title())).append("</a>");
                } else {
                    html.append("<span>").append(escapeHtml(l.title())).append("</span>");
                }
                html.append("<span class=\"muted\"> · ").append(escapeHtml(msg.apply(l.kindKey())));
                if (l.minutes() > 0) {
                    html.append(", ").append(l.minutes()).append(' ').append(minutes);
                }
                html.append("</span>");
                if (isDone) {
                    html.append(tick);
                }
                html.append("</li>");
            }
            html.append("</ol></li>");
        }
        return html.append("</ol>").toString();
    }

    private static String tick(UnaryOperator<String> msg) {
        return "<span class=\"tick\" aria-label=\"" + escapeHtml(msg.apply("course.lessonDone")) + "\"> ✓</span>";
    }
}
