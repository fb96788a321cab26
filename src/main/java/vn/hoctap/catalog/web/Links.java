package vn.hoctap.catalog.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The addresses of the learner's course pages, in one place. */
final class Links {

    private Links() {
    }

    static String course(String base, String code) {
        return base + "/courses/course.xhtml?c=" + enc(code);
    }

    static String lesson(String base, String code, String lesson) {
        return base + "/learn/lesson.xhtml?c=" + enc(code) + "&l=" + enc(lesson);
    }

    static String question(String base, String code, String lesson, int position) {
        return base + "/learn/quiz.xhtml?c=" + enc(code) + "&l=" + enc(lesson) + "&q=" + position;
    }

    static String result(String base, long attempt) {
        return base + "/learn/result.xhtml?a=" + attempt;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
