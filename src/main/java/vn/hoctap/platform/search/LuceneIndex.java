package vn.hoctap.platform.search;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One Lucene index on this node: the writer, near-real-time searchers, and the facet state of the
 * current reader. Its commit data records how far in the outbox it is and which mapping built it.
 */
public final class LuceneIndex implements AutoCloseable {

    static final String POSITION = "outboxPosition";
    static final String SCHEMA = "schemaVersion";
    static final String INSTALLATION = "installation";

    private final IndexedSource source;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long position;
    private volatile FacetState facets;

    private record FacetState(DirectoryReader reader, SortedSetDocValuesReaderState state) {
    }

    public LuceneIndex(IndexedSource source, Path folder, String installation) throws IOException {
        this.source = source;
        this.installation = installation;
        this.directory = FSDirectory.open(folder);
        PerFieldAnalyzerWrapper analyzer = new PerFieldAnalyzerWrapper(
                new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED), source.analyzers());
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        this.position = Long.parseLong(data.getOrDefault(POSITION, "-1"));
        this.schemaMatches = String.valueOf(source.schemaVersion()).equals(data.get(SCHEMA));
        this.sameDatabase = installation.equals(data.get(INSTALLATION));
    }

    private final String installation;
    private final boolean schemaMatches;
    private final boolean sameDatabase;

    public IndexedSource source() {
        return source;
    }

    /** Outbox position of the last commit; -1 for an index that was never built. */
    public long position() {
        return position;
    }

    public boolean isCurrentSchema() {
        return schemaMatches;
    }

    /** Whether the index was built from this database (not from one since restored or replaced). */
    public boolean isSameDatabase() {
        return sameDatabase;
    }

    public void put(long id, Document document) throws IOException {
        writer.updateDocument(new Term(source.idField(), Long.toString(id)), source.facetsConfig().build(document));
    }

    public void delete(long id) throws IOException {
        writer.deleteDocuments(new Term(source.idField(), Long.toString(id)));
    }

    /** After a bulk load: one segment answers queries fastest. */
    public void optimize() throws IOException {
        writer.forceMerge(1);
    }

    public void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Commits, recording the outbox position reached, and makes the changes searchable. */
    public void commit(long newPosition) throws IOException {
        writer.setLiveCommitData(Map.of(POSITION, Long.toString(newPosition),
                SCHEMA, Integer.toString(source.schemaVersion()), INSTALLATION, installation).entrySet());
        writer.commit();
        position = newPosition;
        searchers.maybeRefresh();
    }

    /** The current searcher (refreshed by every commit, not by every search). */
    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** The facet ordinals of the searcher's reader, computed once per reader. */
    public SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
        FacetState current = facets;
        if (current == null || current.reader() != reader) {
            synchronized (this) {
                current = facets;
                if (current == null || current.reader() != reader) {
                    current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader,
                            source.facetsConfig()));
                    facets = current;
                }
            }
        }
        return current.state();
    }

    public int documents() throws IOException {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
