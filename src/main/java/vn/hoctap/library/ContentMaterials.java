package vn.hoctap.library;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.AccountSnapshots;
import vn.hoctap.identity.Actor;
import vn.hoctap.library.ingest.UploadService;
import vn.hoctap.platform.content.ContentSource;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.StartupLock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the materials shipped in {@code content/materials/}: each folder holds a
 * {@code material.yaml} (the description) and the file it names. At start-up a new folder becomes
 * a published material, a changed file its next published version and a changed description a new
 * description; a material an administrator withdrew stays withdrawn until its file changes. The
 * folder name finds the material again ({@code material.content_key}). The uploads are made in the
 * name of the start-up administrator ({@code admin}), who is their author in the library.
 */
@ApplicationScoped
public class ContentMaterials {

    private static final Logger LOG = Logger.getLogger(ContentMaterials.class.getName());
    static final String FOLDER = "materials";
    static final String ADMIN = "admin";

    /** What a folder's {@code material.yaml} says. */
    record MaterialYaml(String title, String description, List<String> subjects, Audience audience,
                        vn.hoctap.library.Level level, String language, Licence licence, String attribution, String file) {

        MaterialForm form() {
            return new MaterialForm(title, description, subjects == null ? java.util.Set.of() : new LinkedHashSet<>(subjects),
                    audience, level, language == null ? "vi" : language, licence, attribution);
        }
    }

    enum Outcome { CREATED, NEW_VERSION, DESCRIBED, UNCHANGED }

    private static final ObjectMapper YAML_READER = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Inject
    ContentSource content;

    @Inject
    LibraryService library;

    @Inject
    UploadService uploads;

    @Inject
    AccountSnapshots accounts;

    @Inject
    StartupLock lock;

    @PersistenceContext
    EntityManager em;

    /**
     * After the administrator exists (200). One transaction, as for the shipped courses: the
     * content is tested with the code, so a broken folder is a bug to log, not a state to keep.
     */
    @Transactional
    public void onSchemaReady(@Observes @Priority(210) SchemaReady ready) {
        List<String> folders;
        try {
            folders = content.folders(FOLDER);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "content/materials cannot be read", e);
            return;
        }
        if (folders.isEmpty()) {
            return;
        }
        Optional<Actor> admin = accounts.get(ADMIN).map(AccountSnapshots.Snapshot::actor);
        if (admin.isEmpty()) {
            LOG.warning("content/materials not imported: there is no '" + ADMIN + "' account to upload them as");
            return;
        }
        lock.acquire("content-materials", 120);
        try {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (String folder : folders) {
                try {
                    counts.merge(importFolder(admin.get(), folder), 1, Integer::sum);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.SEVERE, "content/materials/" + folder + " was not imported: " + e.getMessage(), e);
                }
            }
            LOG.info("Materials from content/: " + counts.getOrDefault(Outcome.CREATED, 0) + " created, "
                    + counts.getOrDefault(Outcome.NEW_VERSION, 0) + " with a new version, "
                    + counts.getOrDefault(Outcome.DESCRIBED, 0) + " described anew, "
                    + counts.getOrDefault(Outcome.UNCHANGED, 0) + " unchanged");
        } finally {
            lock.release("content-materials");
        }
    }

    Outcome importFolder(Actor admin, String folder) throws IOException {
        String base = FOLDER + "/" + folder + "/";
        MaterialYaml yaml = YAML_READER.readValue(content.read(base + "material.yaml")
                .orElseThrow(() -> new IOException("no material.yaml")), MaterialYaml.class);
        if (yaml.file() == null || yaml.file().contains("/")) {
            throw new IOException("material.yaml must name the file beside it ('file:')");
        }
        byte[] bytes;
        try (InputStream in = content.open(base + yaml.file()).orElseThrow(() -> new IOException("no file " + yaml.file()))) {
            bytes = in.readAllBytes();
        }
        Material existing = byKey(folder);
        Outcome outcome = Outcome.UNCHANGED;
        if (existing == null || !sha256(bytes).equals(existing.getLatestVersion().getSha256())) {
            UploadService.Session upload = uploads.uploadWhole(admin, yaml.file(), bytes.length,
                    existing == null ? null : existing.getId(), new ByteArrayInputStream(bytes));
            if (!"COMPLETE".equals(upload.status()) || upload.resultMaterialId() == null
                    || "library.upload.duplicate".equals(upload.resultKey())) {
                throw new IOException("the library did not take the file: " + upload.resultKey() + " " + upload.resultArgs());
            }
            outcome = existing == null ? Outcome.CREATED : Outcome.NEW_VERSION;
            existing = em.find(Material.class, upload.resultMaterialId());
            existing.setContentKey(folder);
        }
        MaterialForm form = LibraryService.check(yaml.form()); // as the library keeps it, to compare
        if (!sameDescription(existing, form)) {
            library.describe(admin, existing.getId(), existing.getVersion(), form);
            if (outcome == Outcome.UNCHANGED) {
                outcome = Outcome.DESCRIBED;
            }
        }
        if (outcome == Outcome.CREATED || outcome == Outcome.NEW_VERSION) {
            library.publish(admin, existing.getId());
        }
        return outcome;
    }

    private Material byKey(String key) {
        return em.createQuery("SELECT m FROM Material m WHERE m.contentKey = :key", Material.class)
                .setParameter("key", key).getResultStream().findFirst().orElse(null);
    }

    private static boolean sameDescription(Material m, MaterialForm f) {
        return Objects.equals(m.getTitle(), f.title()) && Objects.equals(m.getDescription(), f.description())
                && m.getSubjects().equals(new java.util.TreeSet<>(f.subjects())) && m.getAudience() == f.audience()
                && m.getLevel() == f.level() && Objects.equals(m.getLanguage(), f.language()) && m.getLicence() == f.licence()
                && Objects.equals(m.getAttribution(), f.attribution());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
