package vn.hoctap.library;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.Person;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A learning material in the shared library: its description, licence and review state, and its
 * versions (files). Learners see the published version; the author works on the latest.
 *
 * <p>Invariants: versions are numbered 1, 2, … and never deleted; the published version, when
 * there is one, is one of them; a material is PUBLISHED exactly when it has a published version.
 */
@Entity
@Table(name = "material")
public class Material implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience = Audience.EVERYONE;

    @Enumerated(EnumType.STRING)
    private Level level;

    @Column(nullable = false)
    private String language = "vi";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Licence licence = Licence.CC_BY;

    private String attribution;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_unit_id")
    private OrgUnit ownerUnit;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private Person author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MaterialStatus status = MaterialStatus.DRAFT;

    @Column(name = "review_comment")
    private String reviewComment;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Column(name = "reviewed_at")
    private LocalDateTime reviewedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "latest_version_id")
    private MaterialVersion latestVersion;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "published_version_id")
    private MaterialVersion publishedVersion;

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @ElementCollection
    @CollectionTable(name = "material_subject", joinColumns = @JoinColumn(name = "material_id"))
    @Column(name = "subject")
    private Set<String> subjects = new TreeSet<>();

    @OneToMany(mappedBy = "material")
    @OrderBy("number DESC")
    private List<MaterialVersion> versions = new ArrayList<>();

    @Version
    private long version;

    /** The folder of {@code content/materials/} this material ships from; null for uploads. */
    @Column(name = "content_key")
    private String contentKey;

    /** SHA-256 of the shipped {@code material.yaml} last imported into this material's description. */
    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected Material() {
    }

    public Material(String title, Person author, OrgUnit ownerUnit) {
        this.title = Text.clean(title);
        this.author = author;
        this.ownerUnit = ownerUnit;
    }

    /** A new file for this material: the next version number; it becomes the latest. */
    MaterialVersion addVersion(MaterialVersion version) {
        versions.add(0, version);
        latestVersion = version;
        return version;
    }

    int nextVersionNumber() {
        return versions.stream().mapToInt(MaterialVersion::getNumber).max().orElse(0) + 1;
    }

    void submit() {
        status = MaterialStatus.SUBMITTED;
        reviewComment = null;
    }

    void publish(Long reviewerId) {
        publishedVersion = latestVersion;
        status = MaterialStatus.PUBLISHED;
        reviewedBy = reviewerId;
        reviewedAt = Times.nowUtc();
        publishedAt = reviewedAt;
        reviewComment = null;
        latestVersion.markPublished(reviewedAt);
    }

    void returnToAuthor(Long reviewerId, String comment) {
        status = publishedVersion == null ? MaterialStatus.RETURNED : MaterialStatus.PUBLISHED;
        reviewedBy = reviewerId;
        reviewedAt = Times.nowUtc();
        reviewComment = Text.clean(comment);
    }

    /** A new version waits for review again; learners keep the published one meanwhile. */
    void newVersionUploaded() {
        if (status == MaterialStatus.RETURNED || status == MaterialStatus.SUBMITTED) {
            status = MaterialStatus.DRAFT;
        }
    }

    /** Withdrawn: no version is public any more, and none comes back unless a reviewer publishes it again. */
    void unpublish() {
        publishedVersion = null;
        status = MaterialStatus.DRAFT;
        versions.forEach(MaterialVersion::withdraw);
    }

    /** Whether the latest file still waits for a reviewer's decision. */
    public boolean hasUnpublishedVersion() {
        return latestVersion != null && (publishedVersion == null || !publishedVersion.getId().equals(latestVersion.getId()));
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", title);
        s.put("description", description);
        s.put("subjects", List.copyOf(subjects));
        s.put("audience", audience.name());
        s.put("level", level == null ? null : level.name());
        s.put("language", language);
        s.put("licence", licence.name());
        s.put("attribution", attribution);
        s.put("status", status.name());
        s.put("publishedVersion", publishedVersion == null ? null : publishedVersion.getNumber());
        return s;
    }

    @PrePersist
    void onCreate() {
        createdAt = Times.nowUtc();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Times.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = Text.clean(title);
    }

    public String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    public Audience getAudience() {
        return audience;
    }

    void setAudience(Audience audience) {
        this.audience = audience;
    }

    public Level getLevel() {
        return level;
    }

    void setLevel(Level level) {
        this.level = level;
    }

    public String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    public Licence getLicence() {
        return licence;
    }

    void setLicence(Licence licence) {
        this.licence = licence;
    }

    public String getAttribution() {
        return attribution;
    }

    void setAttribution(String attribution) {
        this.attribution = Text.clean(attribution);
    }

    public OrgUnit getOwnerUnit() {
        return ownerUnit;
    }

    void setOwnerUnit(OrgUnit ownerUnit) {
        this.ownerUnit = ownerUnit;
    }

    public Person getAuthor() {
        return author;
    }

    public MaterialStatus getStatus() {
        return status;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public LocalDateTime getReviewedAt() {
        return reviewedAt;
    }

    public MaterialVersion getLatestVersion() {
        return latestVersion;
    }

    public MaterialVersion getPublishedVersion() {
        return publishedVersion;
    }

    public LocalDateTime getPublishedAt() {
        return publishedAt;
    }

    public Set<String> getSubjects() {
        return subjects;
    }

    void setSubjects(Set<String> subjects) {
        this.subjects.clear();
        this.subjects.addAll(subjects);
    }

    public List<MaterialVersion> getVersions() {
        return versions;
    }

    public String getContentKey() {
        return contentKey;
    }

    public void setContentKey(String contentKey) {
        this.contentKey = contentKey;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public long getVersion() {
        return version;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}
