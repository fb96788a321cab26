package vn.hoctap.library;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.AccountSnapshots;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.AdminBootstrap;
import vn.hoctap.library.ingest.UploadService;
import vn.hoctap.platform.content.ContentSource;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.StartupLock;
import vn.hoctap.shared.Hashes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Imports the materials shipped in {@code content/materials/}: each folder holds a
 * {@code material.yaml} (the description) and the file it names. The folder name is the
 * material's key ({@code material.content_key}). At start-up a new folder becomes a published
 * material; a file none of the material's versions has becomes its next published version; a
 * changed {@code material.yaml} a new description (one an administrator edited is kept until the
 * shipped one changes). A material an administrator withdrew stays withdrawn until its file
 * changes. Each folder is imported in a transaction of its own, under a lock between nodes; the
 * uploads are made in the name of the start-up administrator ({@link AdminBootstrap#USERNAME}),
 * their author in the library.
 */
@ApplicationScoped
public class ContentMaterials {

    private static final Logger LOG = Logger.getLogger(ContentMaterials.class.getName());
    static final String FOLDER = "materials";
    /** Keys: lower-case words of letters and digits joined by '-', with a letter (an all-digit one would read as an id). */
    static final Pattern KEY = Pattern.compile("(?=[a-z0-9-]*[a-z])[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,150}");

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

    /** This bean through its proxy, so that each folder gets its own transaction. */
    @Inject
    ContentMaterials self;

    @PersistenceContext
    EntityManager em;

    /**
     * After the administrator exists (200), before the shipped courses that show these materials
     * (220). The transaction here only holds the lock between nodes; each folder commits on its own.
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
        if (!lock.acquire("content-materials", 120)) {
            LOG.warning("content/materials not imported: another node held the lock for two minutes");
            return;
        }
        try {
            Optional<Actor> admin = accounts.get(AdminBootstrap.USERNAME).map(AccountSnapshots.Snapshot::actor)
                    .filter(LibraryAccess::canUpload);
            if (admin.isEmpty()) {
                LOG.warning("content/materials not imported: the '" + AdminBootstrap.USERNAME
                        + "' account, in whose name they are uploaded, is missing or may not upload");
                return;
            }
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (String folder : folders) {
                try {
                    counts.merge(self.importFolder(admin.get(), folder), 1, Integer::sum);
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

    /** One folder, in a transaction of its own: a folder that fails leaves the others imported. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = IOException.class)
    public Outcome importFolder(Actor admin, String folder) throws IOException {
        if (!KEY.matcher(folder).matches() || folder.length() > 100) {
            throw new IOException("the folder name is the material's key: lower-case letters, digits and '-', up to 100");
        }
        String base = FOLDER + "/" + folder + "/";
        String yamlText = content.read(base + "material.yaml").orElseThrow(() -> new IOException("no material.yaml"));
        MaterialYaml yaml = YAML_READER.readValue(yamlText, MaterialYaml.class);
        if (yaml.file() == null || !FILE_NAME.matcher(yaml.file()).matches()) {
            throw new IOException("material.yaml must name the file beside it ('file:', letters, digits, '.', '_', '-')");
        }
        MaterialForm form = LibraryService.check(yaml.form()); // refused here, before anything is stored
        byte[] bytes;
        try (InputStream in = content.open(base + yaml.file()).orElseThrow(() -> new IOException("no file " + yaml.file()))) {
            bytes = in.readAllBytes();
        }
        String fileSha = Hashes.sha256Hex(bytes);
        Material material = byKey(folder);
        Outcome outcome = Outcome.UNCHANGED;
        if (material == null || material.getVersions().stream().noneMatch(v -> v.getSha256().equals(fileSha))) {
            UploadService.Session upload = uploads.uploadWhole(admin, yaml.file(), bytes.length,
                    material == null ? null : material.getId(), new ByteArrayInputStream(bytes));
            if ("library.upload.duplicate".equals(upload.resultKey())) {
                throw new IOException("the library already has this file, as material " + upload.resultMaterialId()
                        + " (" + upload.resultArgs() + "): not imported twice");
            }
            if (!"COMPLETE".equals(upload.status()) || upload.resultMaterialId() == null) {
                throw new IOException("the library did not take the file: " + upload.resultKey() + " " + upload.resultArgs());
            }
            outcome = material == null ? Outcome.CREATED : Outcome.NEW_VERSION;
            material = em.find(Material.class, upload.resultMaterialId());
            material.setContentKey(folder);
        }
        String yamlSha = Hashes.sha256Hex(yamlText.getBytes(StandardCharsets.UTF_8));
        if (!yamlSha.equals(material.getContentHash())) {
            library.describe(admin, material.getId(), material.getVersion(), form);
            material.setContentHash(yamlSha);
            if (outcome == Outcome.UNCHANGED) {
                outcome = Outcome.DESCRIBED;
            }
        }
        if (outcome == Outcome.CREATED || outcome == Outcome.NEW_VERSION) {
            library.publish(admin, material.getId());
        }
        return outcome;
    }

    /** The material shipped from {@code key}, locked: a node starting at the same time waits for this one. */
    private Material byKey(String key) {
        return em.createQuery("SELECT m FROM Material m WHERE m.contentKey = :key", Material.class)
                .setParameter("key", key).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }
}
