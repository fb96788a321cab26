package vn.hoctap.catalog.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course format's problems in Vietnamese for the author's page. {@code CourseFormat} words them
 * in English (they also go to the server log and tests); each wording it uses has its Vietnamese
 * here, places ("module 2, lesson x", "question q3") included. A wording not listed stays as it is.
 */
public final class FormatProblemText {

    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        rule("^course\\.yaml: module (\\d+), lesson ([^:]*): ", "course.yaml, phần $1, bài $2: ");
        rule("^course\\.yaml: module (\\d+) title is required$", "course.yaml, phần $1: thiếu tiêu đề (title)");
        rule("^course\\.yaml: module (\\d+) has no lessons$", "course.yaml, phần $1: chưa có bài học nào");
        rule("^quiz\\.yaml: question ([^:]*): ", "quiz.yaml, câu hỏi $1: ");
        rule("code must be lower-case letters, digits and '-'", "mã (code) chỉ gồm chữ thường không dấu, chữ số và dấu '-'");
        rule("key must be lower-case letters, digits and '-'", "khóa (key) chỉ gồm chữ thường không dấu, chữ số và dấu '-'");
        rule("hours is required \\(0 or more\\)", "cần có số giờ (hours), từ 0 trở lên");
        rule("a course needs at least one module", "khóa học cần ít nhất một phần (modules)");
        rule("the key is used twice", "khóa (key) này bị dùng hai lần");
        rule("(\\S+) does not exist$", "không có tệp $1");
        rule("passPercent must be 0–100", "điểm đạt (passPercent) phải từ 0 đến 100");
        rule("draw, attempts and the time limit cannot be negative", "số câu, số lần làm và thời gian không được âm");
        rule("a quiz needs questions in quiz\\.yaml", "bài kiểm tra cần có câu hỏi trong quiz.yaml");
        rule("link must start with https://", "liên kết (link) phải bắt đầu bằng https://");
        rule("a text lesson needs text: \\(a Markdown file\\)", "bài đọc cần có tệp Markdown (text:)");
        rule("material (\\d+) is not published in the library", "học liệu số $1 chưa được xuất bản trong thư viện, người học chưa xem được");
        rule("material (\\d+) has no published version (\\d+)", "học liệu số $1 không có phiên bản $2 đã xuất bản");
        rule("cover (\\d+) is not a published image in the library", "ảnh bìa (học liệu số $1) phải là một ảnh đã xuất bản trong thư viện");
        rule("materialVersion must be a version number, 1 or more", "phiên bản ghim (materialVersion) phải là số từ 1 trở lên");
        rule("every question needs its own key", "mỗi câu hỏi cần một khóa (key) riêng");
        rule("a single-choice question needs 2 or more options, exactly one correct",
                "câu chọn một đáp án cần từ 2 phương án, đúng một phương án đúng");
        rule("a multiple-choice question needs 3 or more options, 2 or more correct",
                "câu chọn nhiều đáp án cần từ 3 phương án, ít nhất 2 phương án đúng");
        rule("a true/false question needs answer: true or false", "câu đúng/sai cần answer: true hoặc false");
        rule("a short-answer question needs answers", "câu trả lời ngắn cần danh sách đáp án (answers)");
        rule("a matching question needs 2 or more pairs with left and right", "câu ghép nối cần từ 2 cặp, mỗi cặp có left và right");
        rule("every option needs a text", "mỗi phương án cần có nội dung (text)");
        rule("(\\w+): unknown value '([^']*)'", "giá trị '$2' của $1 không hợp lệ");
        rule("(\\w+) is required$", "thiếu $1");
        rule("^(course|quiz)\\.yaml: (.*) \\(line (\\d+)\\)$", "$1.yaml, dòng $3: lỗi cú pháp YAML — $2");
    }

    private FormatProblemText() {
    }

    private static void rule(String regex, String vietnamese) {
        RULES.put(Pattern.compile(regex), vietnamese);
    }

    /**
     * A problem as the course editor shows it: the same words, without the files the editor's
     * author never sees (course.yaml, quiz.yaml).
     */
    public static String forEditor(String problem, boolean vietnamese) {
        String s = vietnamese ? vietnamese(problem) : problem;
        s = s.replaceFirst("^(course|quiz)\\.yaml[,:] ", "");
        if (vietnamese) {
            s = s.replace("thiếu prompt", "chưa có nội dung câu hỏi").replace("thiếu title", "chưa có tên")
                    .replace("thiếu tiêu đề (title)", "chưa có tên").replace("thiếu topic", "chưa có chủ đề")
                    .replace("bài đọc cần có tệp Markdown (text:)", "bài đọc chưa có nội dung")
                    .replace("bài kiểm tra cần có câu hỏi trong quiz.yaml", "bài kiểm tra cần có câu hỏi trong ngân hàng câu hỏi")
                    .replace(" (text)", "").replace("liên kết (link)", "liên kết");
        }
        return s;
    }

    static String vietnamese(String problem) {
        String s = problem;
        for (Map.Entry<Pattern, String> r : RULES.entrySet()) {
            Matcher m = r.getKey().matcher(s);
            if (m.find()) {
                s = m.replaceFirst(r.getValue());
            }
        }
        return s;
    }
}
