package vn.hoctap.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.Role;
import vn.hoctap.library.ingest.FileTypes;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.search.SearchOutbox;
import vn.hoctap.platform.storage.BlobStore;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.SafeHtml;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;
import vn.hoctap.shared.ValidationFailure;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The library's materials: created from accepted uploads, described by their authors, reviewed
 * and published, versioned. Every change that affects what learners find is recorded in the
 * search outbox in the same transaction, and administrative steps in the audit log.
 */
@ApplicationScoped
public class LibraryService {

    public static final String INDEX = "materials";

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchOutbox outbox;

    @Inject
    AuditService audit;

    /** What became of an accepted file: a new material, a new version, or a file the library has. */
    public record Received(Material material, MaterialVersion version, Long duplicateOfMaterialId,
                           String duplicateTitle) {
        public boolean isDuplicate() {
            return duplicateOfMaterialId != null;
        }
    }

    /**
     * Keeps an accepted file (already in the blob store) as a new material, or as the next
     * version of {@code materialId}. Identical bytes already in the library are not stored again:
     * the answer points to the material that has them.
     */
    @Transactional
    public Received receive(Actor actor, BlobStore.Blob blob, FileTypes.Accepted type, String fileName, Long materialId) {
        if (!LibraryAccess.canUpload(actor)) {
            throw new AccessDeniedException("upload");
        }
        em.createNativeQuery("INSERT IGNORE INTO stored_file (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, blob.sha256()).setParameter(2, blob.size()).setParameter(3, type.mediaType())
                .setParameter(4, Timestamp.valueOf(Times.nowUtc())).executeUpdate();
        List<MaterialVersion> same = em.createQuery(
                        "SELECT v FROM MaterialVersion v WHERE v.sha256 = :sha ORDER BY v.id", MaterialVersion.class)
                .setParameter("sha", blob.sha256()).setMaxResults(1).getResultList();
        if (!same.isEmpty()) {
            Material existing = same.get(0).getMaterial();
            return new Received(null, null, existing.getId(), existing.getTitle());
        }
        Person author = em.find(Person.class, actor.personId());
        Material material;
        if (materialId == null) {
            material = new Material(titleFromFileName(fileName), author, defaultOwner(actor, author));
            material.setAttribution(author.getFullName());
            em.persist(material);
            em.flush(); // material and version point at each other: the material row must exist first
        } else {
            material = editable(actor, materialId);
        }
        MaterialVersion version = new MaterialVersion(material, material.nextVersionNumber(), blob.sha256(),
                cleanFileName(fileName), type.mediaType(), type.kind(), blob.size(), actor.personId());
        em.persist(version);
        em.flush();
        material.addVersion(version);
        material.newVersionUploaded();
        em.flush();
        audit.record(new AuditEvent(actor.personId(), actor.username(),
                materialId == null ? "material.upload" : "material.version", "material", material.getId().toString(),
                material.getTitle(), ownerPath(material), null,
                Map.of("version", version.getNumber(), "file", version.getFileName(), "sha256", blob.sha256())));
        return new Received(material, version, null, null);
    }

    @Transactional
    public Material describe(Actor actor, long id, long expectedVersion, MaterialForm form) {
        Material material = editable(actor, id);
        if (material.getVersion() != expectedVersion) {
            throw new ValidationFailure("version", "error.concurrentChange");
        }
        MaterialForm clean = check(form);
        Map<String, Object> before = material.snapshot();
        material.setTitle(clean.title());
        material.setDescription(clean.description());
        material.setSubjects(clean.subjects());
        material.setAudience(clean.audience());
        material.setLevel(clean.level());
        material.setLanguage(clean.language());
        material.setLicence(clean.licence());
        material.setAttribution(clean.attribution());
        changed(actor, "material.describe", material, before);
        return material;
    }

    @Transactional
    public Material submit(Actor actor, long id) {
        Material material = editable(actor, id);
        if (!material.hasUnpublishedVersion()) {
            throw new ValidationFailure("status", "library.error.nothingToReview");
        }
        Map<String, Object> before = material.snapshot();
        material.submit();
        changed(actor, "material.submit", material, before);
        return material;
    }

    @Transactional
    public Material publish(Actor actor, long id) {
        Material material = find(id);
        if (!LibraryAccess.canReview(actor, material)) {
            throw new AccessDeniedException("review");
        }
        if (material.getLatestVersion() == null) {
            throw new ValidationFailure("status", "library.error.nothingToReview");
        }
        Map<String, Object> before = material.snapshot();
        material.publish(actor.personId());
        changed(actor, "material.publish", material, before);
        return material;
    }

    @Transactional
    public Material returnToAuthor(Actor actor, long id, String comment) {
        Material material = find(id);
        if (!LibraryAccess.canReview(actor, material)) {
            throw new AccessDeniedException("review");
        }
        if (Text.isBlank(comment)) {
            throw new ValidationFailure("comment", "library.error.commentRequired");
        }
        Map<String, Object> before = material.snapshot();
        material.returnToAuthor(actor.personId(), comment.length() > 2000 ? comment.substring(0, 2000) : comment);
        changed(actor, "material.return", material, before);
        return material;
    }

    @Transactional
    public Material unpublish(Actor actor, long id) {
        Material material = find(id);
        if (!LibraryAccess.canReview(actor, material) && !LibraryAccess.canEdit(actor, material)) {
            throw new AccessDeniedException("unpublish");
        }
        Map<String, Object> before = material.snapshot();
        material.unpublish();
        changed(actor, "material.unpublish", material, before);
        return material;
    }

    /** A material the actor may see; others are "not found". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Material get(Actor actor, long id) {
        Material material = find(id);
        if (!LibraryAccess.canView(actor, material)) {
            throw new NotFoundException("material " + id);
        }
        return material;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MaterialVersion version(Actor actor, long versionId) {
        MaterialVersion version = em.find(MaterialVersion.class, versionId);
        if (version == null || !LibraryAccess.canViewVersion(actor, version)) {
            throw new NotFoundException("version " + versionId);
        }
        return version;
    }

    /**
     * The version a course lesson shows of material {@code id}: version number {@code pinned} when
     * the lesson pins one, otherwise the published version; the material's authors and reviewers
     * (previewing a course) see its latest version before it is published. Empty when the actor may
     * see none of these.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MaterialVersion> shownInCourse(Actor actor, long id, Integer pinned) {
        Material material = em.find(Material.class, id);
        if (material == null) {
            return Optional.empty();
        }
        Optional<MaterialVersion> version = pinned == null
                ? Optional.ofNullable(material.getPublishedVersion()).or(() -> Optional.ofNullable(material.getLatestVersion()))
                : material.getVersions().stream().filter(v -> v.getNumber() == pinned).findFirst();
        return version.filter(v -> LibraryAccess.canViewVersion(actor, v));
    }

    /**
     * Why learners of a course could not see material {@code id} (version {@code pinned}), if they
     * could not: it is not published, or the pinned version was never published. In English, as the
     * course format words its problems.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> courseReferenceProblem(long id, Integer pinned) {
        Material material = em.find(Material.class, id);
        if (material == null || material.getPublishedVersion() == null) {
            return Optional.of("material " + id + " is not published in the library");
        }
        if (pinned != null && material.getVersions().stream().noneMatch(v -> v.getNumber() == pinned && v.isEverPublished())) {
            return Optional.of("material " + id + " has no published version " + pinned);
        }
        return Optional.empty();
    }

    /** The published version of material {@code id} when it is an image (a course's cover). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MaterialVersion> publishedImage(long id) {
        Material material = em.find(Material.class, id);
        return Optional.ofNullable(material == null ? null : material.getPublishedVersion())
                .filter(v -> v.getKind() == vn.hoctap.library.ingest.FileKind.IMAGE);
    }

    /** The materials the actor authored, newest first. */
    public List<Material> mine(Actor actor) {
        return em.createQuery("SELECT m FROM Material m WHERE m.author.id = :me ORDER BY m.updatedAt DESC", Material.class)
                .setParameter("me", actor.personId()).setMaxResults(500).getResultList();
    }

    /** Materials waiting for a decision that the actor may review, oldest first. */
    public List<Material> reviewQueue(Actor actor) {
        List<Material> submitted = em.createQuery(
                        "SELECT m FROM Material m WHERE m.status = :s ORDER BY m.updatedAt", Material.class)
                .setParameter("s", MaterialStatus.SUBMITTED).setMaxResults(1000).getResultList();
        return submitted.stream().filter(m -> LibraryAccess.canReview(actor, m)).toList();
    }

    /** The text extraction found in a version, cut to {@code maxChars}, if any. */
    public Optional<String> text(long versionId, int maxChars) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT SUBSTRING(content, 1, ?) FROM material_text WHERE version_id = ?")
                .setParameter(1, maxChars).setParameter(2, versionId).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(rows.get(0).toString());
    }

    /** The id of the material shipped from {@code content/materials/<key>/}, once imported. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> shippedMaterialId(String key) {
        return em.createQuery("SELECT m.id FROM Material m WHERE m.contentKey = :key", Long.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /**
     * A Markdown version's preview, formatted (safe HTML) from its text as written — not squeezed
     * like {@link #previewText}, where blank runs and trailing spaces carry meaning; empty for
     * other files.
     */
    public String previewHtml(MaterialVersion version) {
        return version.isMarkdown() ? text(version.getId(), MaterialVersion.PREVIEW_CHARS).map(SafeHtml::fromMarkdown).orElse("") : "";
    }

    /** The extracted text as a preview shows it: blank runs squeezed, cut to {@link MaterialVersion#PREVIEW_CHARS}. */
    public Optional<String> previewText(long versionId) {
        return text(versionId, MaterialVersion.PREVIEW_CHARS)
                .map(t -> t.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip())
                .filter(t -> !t.isEmpty());
    }

    public List<String> subjectsInUse() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT DISTINCT subject FROM material_subject ORDER BY subject LIMIT 500")
                .getResultList();
        return rows.stream().map(Object::toString).toList();
    }

    Material find(long id) {
        Material material = em.find(Material.class, id);
        if (material == null) {
            throw new NotFoundException("material " + id);
        }
        return material;
    }

    private Material editable(Actor actor, long id) {
        Material material = find(id);
        if (!LibraryAccess.canEdit(actor, material)) {
            throw new NotFoundException("material " + id);
        }
        return material;
    }

    private void changed(Actor actor, String action, Material material, Map<String, Object> before) {
        outbox.record(INDEX, material.getId());
        audit.record(new AuditEvent(actor.personId(), actor.username(), action, "material",
                material.getId().toString(), material.getTitle(), ownerPath(material), before, material.snapshot()));
    }

    private static String ownerPath(Material material) {
        return material.getOwnerUnit() == null ? null : material.getOwnerUnit().getPath();
    }

    /** The unit a new material belongs to: where the uploader is an author, else their main post. */
    private static OrgUnit defaultOwner(Actor actor, Person author) {
        return author.getRoleGrants().stream().filter(g -> g.getRole() == Role.AUTHOR).map(g -> g.getScope())
                .findFirst()
                .or(() -> author.getPosts().stream().map(p -> p.getUnit()).findFirst())
                .or(() -> Optional.ofNullable(author.getHomeUnit()))
                .orElse(null);
    }

    static MaterialForm check(MaterialForm form) {
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        String title = Text.clean(form.title());
        if (title == null || title.length() > 300) {
            problems.add(new ValidationFailure.Problem("title", "library.error.title"));
        }
        String description = form.description() == null ? null : form.description().strip();
        if (description != null && description.length() > 5000) {
            problems.add(new ValidationFailure.Problem("description", "library.error.description"));
        }
        Set<String> subjects = new LinkedHashSet<>();
        if (form.subjects() != null) {
            for (String s : form.subjects()) {
                String clean = Text.clean(s);
                if (clean != null) {
                    subjects.add(clean.length() > 100 ? clean.substring(0, 100) : clean);
                }
            }
        }
        if (subjects.size() > 20) {
            problems.add(new ValidationFailure.Problem("subjects", "library.error.subjects"));
        }
        if (form.licence() == null) {
            problems.add(new ValidationFailure.Problem("licence", "library.error.licence"));
        }
        String attribution = Text.clean(form.attribution());
        if (attribution == null && form.licence() != null && form.licence() != Licence.CC0) {
            problems.add(new ValidationFailure.Problem("attribution", "library.error.attribution"));
        }
        String language = form.language() == null ? "vi" : form.language();
        if (!MaterialForm.LANGUAGES.contains(language)) {
            problems.add(new ValidationFailure.Problem("language", "library.error.language"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        return new MaterialForm(title, description, subjects, form.audience() == null ? Audience.EVERYONE : form.audience(),
                form.level(), language, form.licence(), attribution);
    }

    /** "bai-giang_chuyen-doi-so.pdf" → "bai giang chuyen doi so": a starting title the author edits. */
    static String titleFromFileName(String fileName) {
        String name = cleanFileName(fileName);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").trim();
        if (name.isEmpty()) {
            name = "Học liệu";
        }
        return name.length() > 300 ? name.substring(0, 300) : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The last path segment, NFC, without control characters; what downloads are called. */
    static String cleanFileName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.isEmpty()) {
            name = "tep";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
