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
import vn.hoctap.shared.SafeHtml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
        return 2; // 2: Markdown files indexed as their text, without the marks
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
    @Transactional
    public Optional<Document> document(long id) {
        return Optional.ofNullable(documents(List.of(id)).get(id));
    }

    /** A page of materials in three queries: materials with their published versions, subjects, texts. */
    @Override
    @Transactional
    public Map<Long, Document> documents(List<Long> ids) {
        List<Material> materials = em.createQuery("SELECT m FROM Material m JOIN FETCH m.publishedVersion"
                        + " WHERE m.id IN :ids ORDER BY m.id", Material.class)
                .setParameter("ids", ids)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "m.subjects")
                .getResultList();
        Map<Long, String> texts = new HashMap<>();
        if (!materials.isEmpty()) {
            List<Long> versionIds = materials.stream().map(m -> m.getPublishedVersion().getId()).toList();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT version_id, content FROM material_text WHERE version_id IN ("
                    + versionIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")").getResultList();
            rows.forEach(r -> texts.put(((Number) r[0]).longValue(), r[1] == null ? null : r[1].toString()));
        }
        Map<Long, Document> docs = new LinkedHashMap<>();
        for (Material m : materials) {
            MaterialVersion v = m.getPublishedVersion();
            docs.put(m.getId(), MaterialDocuments.of(new MaterialDocuments.Source(m.getId(), m.getTitle(), m.getDescription(),
                    m.getSubjects(), v.getKind().name(), m.getAudience().name(), m.getLicence().name(), m.getLanguage(),
                    m.getPublishedAt(), v.isMarkdown() ? SafeHtml.textOfMarkdown(texts.get(v.getId())) : texts.get(v.getId()))));
        }
        return docs;
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
