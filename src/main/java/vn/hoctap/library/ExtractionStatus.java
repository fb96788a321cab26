package vn.hoctap.library;

/**
 * Where the text extraction of a version stands. NOT_SEARCHABLE keeps the file (encrypted,
 * damaged, a picture or a video without text) with the reason in the note.
 */
public enum ExtractionStatus {
    PENDING, RUNNING, DONE, NOT_SEARCHABLE;

    public String messageKey() {
        return "library.extraction." + name();
    }
}
