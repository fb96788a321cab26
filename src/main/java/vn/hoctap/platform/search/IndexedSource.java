package vn.hoctap.platform.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something a feature keeps searchable (materials, later courses). The feature says how one
 * record becomes a Lucene document; the platform keeps the index in step with MariaDB through
 * the outbox ({@link SearchOutbox}) and can rebuild it from scratch at any time.
 */
public interface IndexedSource {

    /** The index's name: its folder under the index directory and its key in the outbox. */
    String name();

    /** Raise it when the mapping changes: an index built by another version is rebuilt. */
    int schemaVersion();

    Map<String, Analyzer> analyzers();

    FacetsConfig facetsConfig();

    /** The document for a record, or empty if the record should not be in the index (anymore). */
    Optional<Document> document(long id);

    /**
     * The documents for several records at once (rebuilds load pages of them): by default one by
     * one; a source can do it in a few queries.
     */
    default Map<Long, Document> documents(List<Long> ids) {
        Map<Long, Document> docs = new java.util.LinkedHashMap<>();
        for (long id : ids) {
            document(id).ifPresent(d -> docs.put(id, d));
        }
        return docs;
    }

    /** The ids of every record that belongs in the index, in pages (for rebuilds). */
    List<Long> ids(long afterId, int limit);

    /** The field holding the record id (a StringField). */
    default String idField() {
        return "id";
    }
}
