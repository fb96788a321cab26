package vn.hoctap.library.ingest;

/** What a material is, for filters, previews and icons. */
public enum FileKind {
    PDF, DOCUMENT, PRESENTATION, SPREADSHEET, EBOOK, TEXT, IMAGE, AUDIO, VIDEO;

    public String messageKey() {
        return "library.kind." + name();
    }

    public boolean isMedia() {
        return this == AUDIO || this == VIDEO;
    }
}
