package vn.hoctap.catalog;

import org.junit.jupiter.api.Test;
import vn.hoctap.assessment.QuestionType;
import vn.hoctap.shared.SafeHtml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The course format, and the courses that ship in content/courses/ against it. */
class CourseFormatTest {

    static final Path COURSES = Path.of("content", "courses");

    static List<Path> shippedCourses() throws IOException {
        try (Stream<Path> folders = Files.list(COURSES)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    static CourseFormat.Files folder(Path dir) {
        return vn.hoctap.it.CourseFolders.folder(dir);
    }

    /** A shipped course as the import reads it: shipped materials by their stand-in ids. */
    static CourseDefinition read(Path dir) throws Exception {
        return vn.hoctap.it.CourseFolders.read(dir);
    }

    static CourseFormat.Files files(Map<String, String> files) {
        return relative -> Optional.ofNullable(files.get(relative));
    }

    @Test
    void everyShippedCourseReadsAndHasSubstance() throws Exception {
        List<Path> courses = shippedCourses();
        assertTrue(courses.size() >= 5, "the five first courses ship");
        for (Path dir : courses) {
            CourseDefinition d = read(dir);
            assertEquals(dir.getFileName().toString(), d.code(), "folder name is the code");
            long substantial = d.lessons().stream()
                    .filter(l -> l.kind() == LessonKind.TEXT && l.markdown().split("\\s+").length >= 400).count();
            assertTrue(substantial >= 4, d.code() + ": at least four lessons of substance, found " + substantial);
            assertTrue(d.questions().size() >= 15, d.code() + ": a quiz of at least 15 questions");
            assertTrue(d.lessons().stream().anyMatch(l -> l.kind() == LessonKind.QUIZ), d.code() + ": has a quiz lesson");
            Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
            d.questions().forEach(q -> types.add(q.type()));
            assertEquals(EnumSet.allOf(QuestionType.class), types, d.code() + ": every question type is used");
            assertTrue(d.creditedMinutes() > 0);
            d.lessons().stream().filter(l -> l.html() != null).forEach(l -> {
                assertFalse(l.html().contains("<script"), l.key());
                assertTrue(l.html().contains("<p>"), l.key() + " renders paragraphs");
            });
        }
    }

    @Test
    void aCourseWrittenOutReadsBackTheSame() throws Exception {
        for (Path dir : shippedCourses()) {
            CourseDefinition original = read(dir);
            Map<String, String> written = CourseFormat.write(original);
            CourseDefinition again = CourseFormat.read(files(written));
            assertEquals(original, again, dir + " round-trips through the format");
            assertEquals(CourseFormat.hash(original), CourseFormat.hash(again));
            assertEquals(original, CourseFormat.fromJson(CourseFormat.toJson(original)), "and through the stored JSON");
        }
    }

    @Test
    void problemsAreAllReportedWithWhereTheyAre() {
        Map<String, String> files = new HashMap<>();
        files.put("course.yaml", """
                code: Bad Code
                title: "Khoá thử"
                topic: "Thử"
                audience: NOBODY
                hours: 1
                modules:
                  - title: "Phần 1"
                    lessons:
                      - key: bai-mot
                        title: "Bài một"
                        text: lessons/missing.md
                      - key: bai-mot
                        title: "Bài hai"
                        link: "ftp://example.org"
                      - key: hoc-lieu
                        title: "Học liệu"
                        material: 5
                        materialVersion: 0
                      - key: kiem-tra
                        title: "Kiểm tra"
                        quiz: { draw: 5, passPercent: 150 }
                """);
        files.put("quiz.yaml", """
                questions:
                  - key: q1
                    type: single
                    prompt: "Một?"
                    options:
                      - text: "A"
                        correct: true
                      - text: "B"
                        correct: true
                  - key: q1
                    type: riddle
                    prompt: "Hai?"
                """);
        CourseFormat.Invalid e = assertThrows(CourseFormat.Invalid.class, () -> CourseFormat.read(files(files)));
        String all = String.join("\n", e.problems());
        for (String expected : List.of("code must be", "audience: unknown value 'NOBODY'", "lessons/missing.md does not exist",
                "the key is used twice", "link must start with https://", "materialVersion must be a version number", "passPercent must be 0–100",
                "exactly one correct", "every question needs its own key", "type: unknown value 'riddle'")) {
            assertTrue(all.contains(expected), "expected '" + expected + "' in:\n" + all);
        }
    }

    @Test
    void aMaterialLessonFollowsTheLatestVersionOrPinsOne() throws Exception {
        Map<String, String> files = Map.of("course.yaml", """
                code: hoc-lieu
                title: "Khoá dùng học liệu"
                topic: "Thử"
                hours: 1
                cover: 31
                modules:
                  - title: "Phần 1"
                    lessons:
                      - key: moi-nhat
                        title: "Theo bản mới nhất"
                        material: 12
                      - key: ghim
                        title: "Ghim bản 2"
                        material: 12
                        materialVersion: 2
                """);
        CourseDefinition d = CourseFormat.read(files(files));
        assertEquals(31L, d.cover(), "the cover is an image from the library");
        assertEquals(LessonKind.MATERIAL, d.lessons().get(0).kind());
        assertEquals(12L, d.lessons().get(0).materialId());
        assertNull(d.lessons().get(0).materialVersion());
        assertEquals(2, d.lessons().get(1).materialVersion());
        assertEquals(d, CourseFormat.read(files(CourseFormat.write(d))), "the pin survives export");
        assertTrue(CourseFormat.write(d).get("course.yaml").contains("materialVersion: 2"));
    }

    @Test
    void aTypoInAFieldNameIsAnErrorNotSilence() {
        Map<String, String> files = Map.of("course.yaml", "code: x1\ntitel: \"Sai chính tả\"\n");
        CourseFormat.Invalid e = assertThrows(CourseFormat.Invalid.class, () -> CourseFormat.read(files(files)));
        assertTrue(e.problems().get(0).contains("titel"), e.problems().toString());
    }

    @Test
    void lessonHtmlKeepsFormattingAndDropsWhatRuns() {
        String html = SafeHtml.fromMarkdown("## Mật khẩu\n\nDùng **mật khẩu mạnh**.\n\n<script>alert(1)</script>\n\n"
                + "[Cổng](https://dichvucong.gov.vn) [x](javascript:alert(1))\n\n- một\n- hai\n");
        assertTrue(html.contains("<h2>Mật khẩu</h2>"), html);
        assertTrue(html.contains("<strong>mật khẩu mạnh</strong>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("rel=\"noopener noreferrer\""), html);
        assertTrue(html.contains("<li>một</li>"), html);
        String editor = SafeHtml.sanitise("<p onclick=\"x()\">Chào <img src=x onerror=y()><iframe src=//evil></iframe></p>");
        assertEquals("<p>Chào </p>", editor);
        assertNotNull(SafeHtml.fromMarkdown(null));
    }

    @Test
    void aCourseTravelsAsAZipAndComesBackTheSame() throws Exception {
        CourseDefinition original = read(shippedCourses().get(0));
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        CourseArchive.write(CourseFormat.write(original), original.code(), zip);
        CourseDefinition back = CourseFormat.read(CourseArchive.read(new java.io.ByteArrayInputStream(zip.toByteArray())));
        assertEquals(original, back);
    }

    @Test
    void hostileOrWrongArchivesAreRefusedWithTheirReason() throws Exception {
        assertEquals("course.archive.badPath", refusal(Map.of("../../etc/course.yaml", "code: x")));
        assertEquals("course.archive.noDescriptor", refusal(Map.of("readme.md", "# Không có mô tả")));
        CourseArchive.Refused notZip = assertThrows(CourseArchive.Refused.class,
                () -> CourseArchive.read(new java.io.ByteArrayInputStream("không phải zip".getBytes(StandardCharsets.UTF_8))));
        assertEquals("course.archive.noDescriptor", notZip.key(), "nothing readable: no course.yaml");
        java.io.ByteArrayOutputStream latin = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(latin)) {
            z.putNextEntry(new java.util.zip.ZipEntry("course.yaml"));
            z.write("title: \"Kh\u00f3a\"".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            z.closeEntry();
        }
        assertEquals("course.archive.notUtf8", assertThrows(CourseArchive.Refused.class,
                () -> CourseArchive.read(new java.io.ByteArrayInputStream(latin.toByteArray()))).key());
    }

    static String refusal(Map<String, String> entries) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return assertThrows(CourseArchive.Refused.class,
                () -> CourseArchive.read(new java.io.ByteArrayInputStream(out.toByteArray()))).key();
    }

    @Test
    void shippedCoursesNameShippedMaterialsByKey() throws Exception {
        long handout = vn.hoctap.it.CourseFolders.shippedMaterialId("nhan-dien-lua-dao-truc-tuyen").orElseThrow();
        Path dir = COURSES.resolve("dien-thoai-an-toan");
        CourseDefinition d = read(dir);
        assertTrue(d.lessons().stream().anyMatch(l -> Long.valueOf(handout).equals(l.materialId())), "the key became the material's id");
        CourseDefinition without = CourseFormat.read(folder(dir), key -> Optional.empty());
        assertEquals(d.lessons().size() - 1, without.lessons().size(), "an optional lesson whose material is missing is left out");
        Map<String, String> files = new java.util.LinkedHashMap<>(CourseFormat.write(d));
        assertTrue(files.get("course.yaml").contains("material: " + handout), "an export writes the id");
        files.put("course.yaml", files.get("course.yaml").replaceAll("optional: true(\\s+)material: " + handout,
                "material: khong-co-hoc-lieu-nay"));
        CourseFormat.Invalid e = assertThrows(CourseFormat.Invalid.class, () -> CourseFormat.read(files(files), key -> Optional.empty()));
        assertTrue(String.join(" ", e.problems()).contains("khong-co-hoc-lieu-nay"), e.problems().toString());
    }
}
