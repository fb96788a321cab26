package vn.hoctap.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import vn.hoctap.library.ingest.FileKind;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One file of a material: which bytes (by SHA-256 in the blob store), their detected type, and
 * what extraction found in them. Versions are immutable once uploaded, apart from extraction.
 */
@Entity
@Table(name = "material_version")
public class MaterialVersion implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "material_id")
    private Material material;

    @Column(nullable = false)
    private int number;

    @Column(name = "blob_sha256", nullable = false)
    private String sha256;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FileKind kind;

    @Column(nullable = false)
    private long size;

    @Enumerated(EnumType.STRING)
    @Column(name = "extraction_status", nullable = false)
    private ExtractionStatus extractionStatus = ExtractionStatus.PENDING;

    @Column(name = "extraction_note")
    private String extractionNote;

    @Column(name = "extraction_attempts", nullable = false)
    private int extractionAttempts;

    @Column(name = "text_chars")
    private Long textChars;

    @Column(name = "text_truncated", nullable = false)
    private boolean textTruncated;

    @Column(name = "meta_title")
    private String metaTitle;

    @Column(name = "meta_author")
    private String metaAuthor;

    @Column(name = "meta_language")
    private String metaLanguage;

    private Integer pages;

    @Column(name = "duration_seconds")
    private Integer durationSeconds;

    private Integer width;

    private Integer height;

    @Column(name = "uploaded_by", nullable = false)
    private Long uploadedBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** When this version was first published; a course may pin a version that was. */
    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    protected MaterialVersion() {
    }

    MaterialVersion(Material material, int number, String sha256, String fileName, String mediaType, FileKind kind,
                    long size, Long uploadedBy) {
        this.material = material;
        this.number = number;
        this.sha256 = sha256;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.kind = kind;
        this.size = size;
        this.uploadedBy = uploadedBy;
    }

    @PrePersist
    void onCreate() {
        createdAt = Times.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public Material getMaterial() {
        return material;
    }

    public int getNumber() {
        return number;
    }

    public String getSha256() {
        return sha256;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public FileKind getKind() {
        return kind;
    }

    public long getSize() {
        return size;
    }

    public ExtractionStatus getExtractionStatus() {
        return extractionStatus;
    }

    public String getExtractionNote() {
        return extractionNote;
    }

    /** Why the content is not searchable, as a bundle key ({@code library.reason.*}), or null. */
    public String getExtractionReasonKey() {
        if (extractionStatus != ExtractionStatus.NOT_SEARCHABLE || extractionNote == null) {
            return null;
        }
        String cause = extractionNote.split("[:\\s]", 2)[0];
        return switch (cause) {
            case "encrypted", "damaged", "bomb", "timeout", "crashed", "empty", "missing" -> "library.reason." + cause;
            default -> "library.reason.damaged";
        };
    }

    public int getExtractionAttempts() {
        return extractionAttempts;
    }

    public Long getTextChars() {
        return textChars;
    }

    public boolean isTextTruncated() {
        return textTruncated;
    }

    public String getMetaTitle() {
        return metaTitle;
    }

    public String getMetaAuthor() {
        return metaAuthor;
    }

    public String getMetaLanguage() {
        return metaLanguage;
    }

    public Integer getPages() {
        return pages;
    }

    public Integer getDurationSeconds() {
        return durationSeconds;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public Long getUploadedBy() {
        return uploadedBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getPublishedAt() {
        return publishedAt;
    }

    /** Whether a reviewer ever published this version (it may have been followed by a newer one). */
    public boolean isEverPublished() {
        return publishedAt != null;
    }

    void withdraw() {
        publishedAt = null;
    }

    void markPublished(LocalDateTime at) {
        if (publishedAt == null) {
            publishedAt = at;
        }
    }

    void recordExtraction(ExtractionStatus status, String note, Long chars, boolean truncated) {
        this.extractionStatus = status;
        this.extractionNote = note == null || note.length() <= 500 ? note : note.substring(0, 500);
        this.textChars = chars;
        this.textTruncated = truncated;
    }

    void recordMetadata(String title, String author, String language, Integer pages, Integer durationSeconds,
                        Integer width, Integer height) {
        this.metaTitle = cut(title, 500);
        this.metaAuthor = cut(author, 300);
        this.metaLanguage = cut(language, 20);
        this.pages = pages;
        this.durationSeconds = durationSeconds;
        this.width = width;
        this.height = height;
    }

    void countAttempt() {
        extractionAttempts++;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** How much of the extracted text a preview shows. */
    public static final int PREVIEW_CHARS = 20_000;

    /** A Markdown file: its preview is shown formatted, not as plain text. */
    public boolean isMarkdown() {
        return "text/markdown".equals(mediaType);
    }

    /** Whether the preview shows only the start of the extracted text. */
    public boolean isPreviewCut() {
        return textChars != null && textChars > PREVIEW_CHARS;
    }

    /** Where the file is served, below the context path ({@code /files/<id>/<file name>}). */
    public String getFileLink() {
        return "/files/" + id + "/" + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "12,4 MB" style, for pages. */
    public String getSizeLabel() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.forLanguageTag("vi"), "%.0f KB", size / 1024.0);
        }
        return String.format(java.util.Locale.forLanguageTag("vi"), "%.1f MB", size / (1024.0 * 1024));
    }
}
