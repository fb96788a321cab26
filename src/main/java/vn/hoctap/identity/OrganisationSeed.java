package vn.hoctap.identity;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.content.ContentSource;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.StartupLock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Imports the organisation tree and the job positions shipped in {@code content/organisation/}.
 * Only what is missing (by code) is created: once a node exists, administrators own it, and a
 * restart never undoes their edits.
 */
@ApplicationScoped
public class OrganisationSeed {

    private static final Logger LOG = Logger.getLogger(OrganisationSeed.class.getName());

    @Inject
    ContentSource content;

    @Inject
    OrganisationService organisation;

    @Inject
    StartupLock lock;

    @Transactional
    public void onSchemaReady(@Observes @Priority(100) SchemaReady ready) {
        lock.acquire("seed", 60);
        try {
            int positions = importPositions();
            int units = importTree();
            if (positions + units > 0) {
                LOG.info("Organisation content imported: " + units + " units, " + positions + " job positions");
            }
        } finally {
            lock.release("seed");
        }
    }

    private int importPositions() {
        JsonObject doc = read("organisation/positions.json").orElse(null);
        if (doc == null) {
            return 0;
        }
        int created = 0;
        for (JsonValue v : doc.getJsonArray("positions")) {
            JsonObject p = v.asJsonObject();
            if (organisation.findPosition(p.getString("code")).isEmpty()) {
                organisation.savePosition(Actor.system(), null, p.getString("code"), p.getString("name"),
                        p.getString("description", null), true);
                created++;
            }
        }
        return created;
    }

    private int importTree() {
        JsonObject doc = read("organisation/organisation.json").orElse(null);
        if (doc == null) {
            return 0;
        }
        AtomicInteger created = new AtomicInteger();
        importNode(doc.getJsonObject("root"), null, created);
        return created.get();
    }

    private void importNode(JsonObject node, OrgUnit parent, AtomicInteger created) {
        String code = node.getString("code");
        OrgUnit unit = organisation.findByCode(code).orElse(null);
        if (unit == null) {
            Integer population = node.containsKey("population") ? node.getInt("population") : null;
            unit = organisation.create(Actor.system(), parent == null ? null : parent.getId(),
                    OrgUnitKind.valueOf(node.getString("kind")), code, node.getString("name"), population,
                    node.getBoolean("learningCity", false));
            created.incrementAndGet();
        }
        if (node.containsKey("children")) {
            for (JsonValue child : node.getJsonArray("children")) {
                importNode(child.asJsonObject(), unit, created);
            }
        }
    }

    private Optional<JsonObject> read(String path) {
        try {
            Optional<InputStream> in = content.open(path);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = in.get(); JsonReader reader = Json.createReader(stream)) {
                return Optional.of(reader.readObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("content/" + path, e);
        }
    }
}
