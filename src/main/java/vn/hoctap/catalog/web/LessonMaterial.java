package vn.hoctap.catalog.web;

import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.LessonKind;
import vn.hoctap.identity.Actor;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.MaterialVersion;

/**
 * What a material lesson shows ({@code WEB-INF/includes/catalog/lesson-material.xhtml}): the
 * library version (pinned, or the published one), and for office documents the browser cannot
 * show, their extracted text, read only when the page asks for it.
 */
public final class LessonMaterial {

    private final LibraryService library;
    private final MaterialVersion version;
    private String text;
    private String html;

    private LessonMaterial(LibraryService library, MaterialVersion version) {
        this.library = library;
        this.version = version;
    }

    /** The material of {@code lesson} as {@code actor} may see it; null for a lesson of another kind. */
    static LessonMaterial of(LibraryService library, Actor actor, CourseDefinition.Lesson lesson) {
        if (lesson == null || lesson.kind() != LessonKind.MATERIAL || lesson.materialId() == null) {
            return null;
        }
        return new LessonMaterial(library, library.shownInCourse(actor, lesson.materialId(), lesson.materialVersion()).orElse(null));
    }

    /** The version shown, or null when the reader may not see it (not published, withdrawn). */
    public MaterialVersion getVersion() {
        return version;
    }

    public String getText() {
        if (text == null && version != null) {
            text = library.previewText(version.getId()).orElse("");
        }
        return text;
    }

    /** A Markdown version's text, formatted; empty for other files. */
    public String getHtml() {
        if (html == null) {
            html = version == null ? "" : library.previewHtml(version);
        }
        return html;
    }
}
