package vn.hoctap.catalog;

/** What a lesson is made of. */
public enum LessonKind {
    TEXT, MATERIAL, LINK, QUIZ;

    public String messageKey() {
        return "course.lessonKind." + name();
    }
}
