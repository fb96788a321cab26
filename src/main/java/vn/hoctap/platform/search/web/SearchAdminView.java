package vn.hoctap.platform.search.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.platform.search.LuceneIndex;
import vn.hoctap.platform.search.SearchIndexes;
import vn.hoctap.platform.search.SearchOutbox;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The search indexes of this node, for administrators: how big, how current, and a rebuild button. */
@Named
@ViewScoped
public class SearchAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SearchIndexes indexes;

    @Inject
    SearchOutbox outbox;

    @Resource
    transient ManagedExecutorService executor;

    @Inject
    vn.hoctap.platform.security.AccountDirectory accounts;

    public record Row(String name, int documents, long position, long behind, boolean rebuilding, long rebuilt,
                      long lastMillis) implements Serializable {
    }

    public List<Row> getRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        long max = outbox.maxId();
        for (String name : indexes.names()) {
            var index = indexes.index(name);
            if (index.isPresent()) {
                LuceneIndex i = index.get();
                var progress = indexes.rebuildProgress(name);
                rows.add(new Row(name, i.documents(), i.position(), Math.max(0, max - i.position()),
                        progress.map(p -> !p.finished()).orElse(false), progress.map(SearchIndexes.Rebuild::done).orElse(0L),
                        progress.filter(SearchIndexes.Rebuild::finished).map(SearchIndexes.Rebuild::millis).orElse(0L)));
            }
        }
        return rows;
    }

    public void rebuild(String name) {
        if (!isAdmin()) {
            FacesMessages.error("org.error.notAllowed");
            return;
        }
        indexes.requestRebuild(name);
        executor.submit(() -> indexes.rebuild(name));
        FacesMessages.info("search.rebuildStarted");
    }

    public boolean isAdmin() {
        java.security.Principal me = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return me != null && accounts.activeGroups(me.getName()).map(g -> g.contains("admin")).orElse(false);
    }
}
