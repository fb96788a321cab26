package vn.hoctap.catalog.web;

import org.junit.jupiter.api.Test;
import vn.hoctap.catalog.CourseFormat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every problem the course format reports reads in Vietnamese on the author's page. */
class FormatProblemTextTest {

    @Test
    void everyProblemOfABrokenCourseIsInVietnamese() {
        Map<String, String> files = Map.of("course.yaml", """
                code: Bad Code
                title: "Khóa thử"
                audience: NOBODY
                modules:
                  - title: "Phần 1"
                    lessons:
                      - key: bai-mot
                        title: "Bài một"
                        text: lessons/missing.md
                      - key: bai-mot
                        link: "ftp://example.org"
                      - key: kiem-tra
                        title: "Kiểm tra"
                        quiz: { draw: 5, passPercent: 150 }
                      - key: doc
                        title: "Đọc"
                  - title: "Phần 2"
                    lessons: []
                """, "quiz.yaml", """
                questions:
                  - key: q1
                    type: single
                    prompt: "Một?"
                    options:
                      - text: "A"
                  - key: q2
                    type: multiple
                    prompt: "Hai?"
                    options:
                      - text: ""
                  - key: q3
                    type: truefalse
                    prompt: "Ba?"
                  - key: q4
                    type: short
                    prompt: "Bốn?"
                  - key: q5
                    type: matching
                    prompt: "Năm?"
                  - key: q5
                    type: riddle
                """);
        CourseFormat.Invalid e = assertThrows(CourseFormat.Invalid.class,
                () -> CourseFormat.read(relative -> Optional.ofNullable(files.get(relative))));
        List<String> english = e.problems();
        for (String problem : english) {
            String vi = FormatProblemText.vietnamese(problem);
            for (String word : List.of(" must ", " needs ", " is required", " unknown ", " does not ", " has no ",
                    " used twice", "every ")) {
                assertFalse(vi.contains(word), "still English: " + vi + "  (from: " + problem + ")");
            }
        }
        assertEquals("course.yaml, phần 1, bài bai-mot: không có tệp lessons/missing.md",
                FormatProblemText.vietnamese("course.yaml: module 1, lesson bai-mot: lessons/missing.md does not exist"));
        assertEquals("quiz.yaml, câu hỏi q5: giá trị 'riddle' của type không hợp lệ",
                FormatProblemText.vietnamese("quiz.yaml: question q5: type: unknown value 'riddle'"));
    }

    @Test
    void yamlSyntaxErrorsSayTheLine() {
        assertEquals("course.yaml, dòng 3: lỗi cú pháp YAML — mapping values are not allowed here",
                FormatProblemText.vietnamese("course.yaml: mapping values are not allowed here (line 3)"));
    }
}
