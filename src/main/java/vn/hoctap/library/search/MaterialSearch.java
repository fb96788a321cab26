package vn.hoctap.library.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import vn.hoctap.library.LibraryService;
import vn.hoctap.platform.search.LuceneIndex;
import vn.hoctap.platform.search.SearchIndexes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Searching the library on this node's index (published materials only: anyone may search). */
@ApplicationScoped
public class MaterialSearch {

    @Inject
    SearchIndexes indexes;

    public MaterialSearcher.Result search(MaterialSearcher.Request request) {
        Optional<LuceneIndex> index = indexes.index(LibraryService.INDEX);
        if (index.isEmpty()) {
            return new MaterialSearcher.Result(0, List.of(), Map.of());
        }
        try {
            IndexSearcher searcher = index.get().acquire();
            try {
                SortedSetDocValuesReaderState state = null;
                if (searcher.getIndexReader().numDocs() > 0) {
                    try {
                        state = index.get().facetState(searcher);
                    } catch (IllegalArgumentException e) {
                        state = null; // no facet values indexed yet
                    }
                }
                return MaterialSearcher.search(searcher, state, request);
            } finally {
                index.get().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
