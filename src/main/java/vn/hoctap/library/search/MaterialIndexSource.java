package vn.hoctap.library.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.Material;
import vn.hoctap.library.MaterialVersion;
import vn.hoctap.platform.search.IndexedSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The library index: published materials, with the text of their published version. */
@ApplicationScoped
public class MaterialIndexSource implements IndexedSource {

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return LibraryService.INDEX;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public Map<String, Analyzer> analyzers() {
        return MaterialDocuments.analyzers();
    }

    @Override
    public FacetsConfig facetsConfig() {
        return MaterialDocuments.FACETS;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Document> document(long id) {
        Material m = em.find(Material.class, id);
        if (m == null || m.getPublishedVersion() == null) {
            return Optional.empty();
        }
        MaterialVersion v = m.getPublishedVersion();
        @SuppressWarnings("unchecked")
        List<Object> text = em.createNativeQuery("SELECT content FROM material_text WHERE version_id = ?")
                .setParameter(1, v.getId()).getResultList();
        return Optional.of(MaterialDocuments.of(new MaterialDocuments.Source(m.getId(), m.getTitle(), m.getDescription(),
                m.getSubjects(), v.getKind().name(), m.getAudience().name(), m.getLicence().name(), m.getLanguage(),
                m.getPublishedAt(), text.isEmpty() || text.get(0) == null ? null : text.get(0).toString())));
    }

    @Override
    @Transactional
    public List<Long> ids(long afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT id FROM material WHERE published_version_id IS NOT NULL"
                + " AND id > ? ORDER BY id LIMIT ?").setParameter(1, afterId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }
}
