package vn.hoctap.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import vn.hoctap.assessment.Question;
import vn.hoctap.assessment.QuestionType;
import vn.hoctap.assessment.QuizSettings;
import vn.hoctap.library.Audience;
import vn.hoctap.library.Level;
import vn.hoctap.shared.Hashes;
import vn.hoctap.shared.SafeHtml;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The course format of {@code content/courses/} (documented in {@code content/courses/FORMAT.md}
 * and the README): {@code course.yaml}, lesson texts in Markdown, {@code quiz.yaml}. Reads a
 * folder into a {@link CourseDefinition}, checking every rule with a message that names the file
 * and the lesson or question, and writes a definition back to the same files.
 */
public final class CourseFormat {

    /** Reads the files of one course folder by relative path. */
    @FunctionalInterface
    public interface Files {
        Optional<String> read(String relative) throws IOException;
    }

    /** A course folder that breaks the format; every problem found, not just the first. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        public Invalid(String code, List<String> problems) {
            super(code + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,78}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** How a version stores its definition. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    record CourseYaml(String code, String title, String titleEn, String summary, String topic, String audience,
                      String level, BigDecimal hours, String language, Long cover, Boolean inOrder, List<ModuleYaml> modules) {
    }

    record ModuleYaml(String title, List<LessonYaml> lessons) {
    }

    record LessonYaml(String key, String title, Integer minutes, Boolean optional, String text, String link,
                      Object material, Integer materialVersion, QuizYaml quiz) {
    }

    record QuizYaml(Integer draw, Integer passPercent, Integer timeLimitMinutes, Integer attempts) {
    }

    record BankYaml(List<QuestionYaml> questions) {
    }

    record QuestionYaml(String key, String type, String prompt, List<OptionYaml> options, Boolean answer,
                        List<String> answers, List<PairYaml> pairs, String feedback) {
    }

    record OptionYaml(String text, Boolean correct) {
    }

    record PairYaml(String left, String right) {
    }

    private CourseFormat() {
    }

    /** Reads and checks one course folder whose material lessons name materials by id. */
    public static CourseDefinition read(Files files) throws IOException, Invalid {
        return read(files, key -> Optional.empty());
    }

    /**
     * Reads and checks one course folder. A lesson's {@code material:} is a library material's id,
     * or (in {@code content/courses/}, where ids differ from one database to the next) the key of a
     * material shipped in {@code content/materials/}, which {@code shipped} turns into its id. An
     * optional lesson naming a shipped material this library does not have is left out; a
     * required one is a problem.
     */
    public static CourseDefinition read(Files files, Function<String, Optional<Long>> shipped) throws IOException, Invalid {
        String descriptor = files.read("course.yaml").orElseThrow(() -> new IOException("course.yaml is missing"));
        List<String> problems = new ArrayList<>();
        CourseYaml c;
        try {
            c = YAML.readValue(descriptor, CourseYaml.class);
        } catch (JsonProcessingException e) {
            throw new Invalid("?", List.of("course.yaml: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        String code = c.code() == null ? "?" : c.code();
        if (c.code() == null || !CODE.matcher(c.code()).matches()) {
            problems.add("course.yaml: code must be lower-case letters, digits and '-'");
        }
        require(problems, "course.yaml: title", c.title());
        require(problems, "course.yaml: topic", c.topic());
        Audience audience = parse(problems, "course.yaml: audience", Audience.class, c.audience(), Audience.EVERYONE);
        Level level = parse(problems, "course.yaml: level", Level.class, c.level(), Level.BASIC);
        int minutes = 0;
        if (c.hours() == null || c.hours().signum() < 0) {
            problems.add("course.yaml: hours is required (0 or more)");
        } else {
            minutes = c.hours().multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValue();
        }
        List<Question> bank = readBank(files, problems);
        List<CourseDefinition.Module> modules = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (c.modules() == null || c.modules().isEmpty()) {
            problems.add("course.yaml: a course needs at least one module");
        } else {
            for (int m = 0; m < c.modules().size(); m++) {
                ModuleYaml module = c.modules().get(m);
                String where = "course.yaml: module " + (m + 1);
                require(problems, where + " title", module.title());
                List<CourseDefinition.Lesson> lessons = new ArrayList<>();
                if (module.lessons() == null || module.lessons().isEmpty()) {
                    problems.add(where + " has no lessons");
                } else {
                    for (LessonYaml l : module.lessons()) {
                        CourseDefinition.Lesson lesson = lesson(files, l, where, keys, bank, shipped, problems);
                        if (lesson != null) {
                            lessons.add(lesson);
                        }
                    }
                }
                modules.add(new CourseDefinition.Module(nfc(module.title()), lessons));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(code, problems);
        }
        return new CourseDefinition(c.code(), nfc(c.title()), nfc(c.titleEn()), nfc(c.summary()), nfc(c.topic()),
                audience, level, minutes, c.language() == null ? "vi" : c.language(), c.cover(), Boolean.TRUE.equals(c.inOrder()),
                modules, bank);
    }

    /** The lesson, or null for an optional lesson whose shipped material this library does not have. */
    private static CourseDefinition.Lesson lesson(Files files, LessonYaml l, String where, Set<String> keys, List<Question> bank,
                                                  Function<String, Optional<Long>> shipped, List<String> problems) throws IOException {
        String at = where + ", lesson " + (l.key() == null ? "?" : l.key());
        if (l.key() == null || !CODE.matcher(l.key()).matches()) {
            problems.add(at + ": key must be lower-case letters, digits and '-'");
        } else if (!keys.add(l.key())) {
            problems.add(at + ": the key is used twice");
        }
        require(problems, at + ": title", l.title());
        String markdown = null;
        if (l.text() != null) {
            markdown = files.read(l.text()).map(CourseFormat::nfc).orElse(null);
            if (markdown == null) {
                problems.add(at + ": " + l.text() + " does not exist");
            }
        }
        LessonKind kind;
        QuizSettings quiz = null;
        Long materialId = null;
        if (l.quiz() != null) {
            kind = LessonKind.QUIZ;
            try {
                QuizYaml q = l.quiz();
                quiz = new QuizSettings(q.draw() == null ? 0 : q.draw(), q.passPercent() == null ? 70 : q.passPercent(),
                        q.timeLimitMinutes(), q.attempts() == null ? 0 : q.attempts());
            } catch (IllegalArgumentException e) {
                problems.add(at + ": " + e.getMessage());
            }
            if (bank.isEmpty()) {
                problems.add(at + ": a quiz needs questions in quiz.yaml");
            }
        } else if (l.link() != null) {
            kind = LessonKind.LINK;
            if (!l.link().startsWith("https://") && !l.link().startsWith("http://")) {
                problems.add(at + ": link must start with https://");
            }
        } else if (l.material() != null) {
            kind = LessonKind.MATERIAL;
            String named = l.material().toString();
            materialId = named.matches("\\d{1,18}") ? Long.valueOf(named) : shipped.apply(named).orElse(null);
            if (materialId == null) {
                if (Boolean.TRUE.equals(l.optional())) {
                    return null;
                }
                problems.add(at + ": material '" + named + "' is neither a material's id nor a material shipped in content/materials/");
            }
            if (l.materialVersion() != null && l.materialVersion() < 1) {
                problems.add(at + ": materialVersion must be a version number, 1 or more");
            }
        } else {
            kind = LessonKind.TEXT;
            if (l.text() == null) {
                problems.add(at + ": a text lesson needs text: (a Markdown file)");
            }
        }
        return new CourseDefinition.Lesson(l.key(), nfc(l.title()), kind, l.minutes() == null ? 0 : l.minutes(),
                Boolean.TRUE.equals(l.optional()), markdown, markdown == null ? null : SafeHtml.fromMarkdown(markdown),
                l.link(), materialId, kind == LessonKind.MATERIAL ? l.materialVersion() : null, quiz);
    }

    private static List<Question> readBank(Files files, List<String> problems) throws IOException {
        Optional<String> text = files.read("quiz.yaml");
        if (text.isEmpty()) {
            return List.of();
        }
        BankYaml bank;
        try {
            bank = YAML.readValue(text.get(), BankYaml.class);
        } catch (JsonProcessingException e) {
            problems.add("quiz.yaml: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
            return List.of();
        }
        List<Question> questions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (QuestionYaml q : bank.questions() == null ? List.<QuestionYaml>of() : bank.questions()) {
            String at = "quiz.yaml: question " + (q.key() == null ? "#" + (questions.size() + 1) : q.key());
            if (q.key() == null || !keys.add(q.key())) {
                problems.add(at + ": every question needs its own key");
            }
            QuestionType type = parse(problems, at + ": type", QuestionType.class, q.type(), null);
            require(problems, at + ": prompt", q.prompt());
            List<Question.Option> options = q.options() == null ? List.of() : q.options().stream()
                    .map(o -> new Question.Option(nfc(o.text()), Boolean.TRUE.equals(o.correct()))).toList();
            List<Question.Pair> pairs = q.pairs() == null ? List.of() : q.pairs().stream()
                    .map(p -> new Question.Pair(nfc(p.left()), nfc(p.right()))).toList();
            List<String> answers = q.answers() == null ? List.of() : q.answers().stream().map(CourseFormat::nfc).toList();
            Question question = new Question(q.key(), type, nfc(q.prompt()), options, q.answer(), answers, pairs, nfc(q.feedback()));
            if (type != null) {
                check(question, at, problems);
            }
            questions.add(question);
        }
        return questions;
    }

    /** The rules a question of each type must meet. */
    static void check(Question q, String at, List<String> problems) {
        long correct = q.options().stream().filter(Question.Option::correct).count();
        switch (q.type()) {
            case SINGLE -> {
                if (q.options().size() < 2 || correct != 1) {
                    problems.add(at + ": a single-choice question needs 2 or more options, exactly one correct");
                }
            }
            case MULTIPLE -> {
                if (q.options().size() < 3 || correct < 2) {
                    problems.add(at + ": a multiple-choice question needs 3 or more options, 2 or more correct");
                }
            }
            case TRUEFALSE -> {
                if (q.answer() == null) {
                    problems.add(at + ": a true/false question needs answer: true or false");
                }
            }
            case SHORT -> {
                if (q.answers().isEmpty() || q.answers().stream().anyMatch(a -> a == null || a.isBlank())) {
                    problems.add(at + ": a short-answer question needs answers");
                }
            }
            case MATCHING -> {
                if (q.pairs().size() < 2 || q.pairs().stream().anyMatch(p -> p.left() == null || p.right() == null)) {
                    problems.add(at + ": a matching question needs 2 or more pairs with left and right");
                }
            }
        }
        if (q.options().stream().anyMatch(o -> o.text() == null || o.text().isBlank())) {
            problems.add(at + ": every option needs a text");
        }
    }

    /** The files of a course folder, path → content, ready to write or zip. */
    public static Map<String, String> write(CourseDefinition d) {
        Map<String, String> files = new LinkedHashMap<>();
        List<ModuleYaml> modules = new ArrayList<>();
        int n = 0;
        for (CourseDefinition.Module m : d.modules()) {
            List<LessonYaml> lessons = new ArrayList<>();
            for (CourseDefinition.Lesson l : m.lessons()) {
                n++;
                String text = null;
                if (l.markdown() != null) {
                    text = String.format(Locale.ROOT, "lessons/%02d-%s.md", n, l.key());
                    files.put(text, l.markdown());
                }
                QuizYaml quiz = l.quiz() == null ? null : new QuizYaml(l.quiz().draw(), l.quiz().passPercent(),
                        l.quiz().timeLimitMinutes(), l.quiz().attempts() == 0 ? null : l.quiz().attempts());
                lessons.add(new LessonYaml(l.key(), l.title(), l.minutes(), l.optional() ? Boolean.TRUE : null, text,
                        l.link(), l.materialId(), l.materialVersion(), quiz));
            }
            modules.add(new ModuleYaml(m.title(), lessons));
        }
        BigDecimal hours = BigDecimal.valueOf(d.creditedMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        CourseYaml course = new CourseYaml(d.code(), d.title(), d.titleEn(), d.summary(), d.topic(), d.audience().name(),
                d.level().name(), hours.scale() < 0 ? hours.setScale(0) : hours, d.language(), d.cover(), d.inOrder() ? Boolean.TRUE : null, modules);
        List<QuestionYaml> questions = d.questions().stream().map(q -> new QuestionYaml(q.key(), q.type().name().toLowerCase(Locale.ROOT),
                q.prompt(), q.options().isEmpty() ? null : q.options().stream()
                        .map(o -> new OptionYaml(o.text(), o.correct() ? Boolean.TRUE : null)).toList(),
                q.answer(), q.answers().isEmpty() ? null : q.answers(),
                q.pairs().isEmpty() ? null : q.pairs().stream().map(p -> new PairYaml(p.left(), p.right())).toList(),
                q.feedback())).toList();
        try {
            files.put("course.yaml", YAML.writeValueAsString(course));
            if (!questions.isEmpty()) {
                files.put("quiz.yaml", YAML.writeValueAsString(new BankYaml(questions)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** A fingerprint of everything a version holds: the same definition, the same hash. */
    public static String hash(CourseDefinition d) {
        try {
            return Hashes.sha256Hex(JSON.writeValueAsBytes(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(CourseDefinition d) {
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CourseDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, CourseDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored course version does not parse", e);
        }
    }

    private static void require(List<String> problems, String what, String value) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is required");
        }
    }

    private static <E extends Enum<E>> E parse(List<String> problems, String what, Class<E> type, String value, E fallback) {
        if (value == null) {
            if (fallback == null) {
                problems.add(what + " is required");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(what + ": unknown value '" + value + "'");
            return fallback;
        }
    }

    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }
}
