package vn.hoctap.library.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.Material;
import vn.hoctap.library.ingest.UploadService;
import vn.hoctap.shared.Times;

import java.time.LocalDateTime;
import java.util.List;

/** An author's desk: the upload area and their materials with where each one stands. */
@Named
@RequestScoped
public class AuthorHomeView {

    @Inject
    LibraryService library;

    @Inject
    UploadService uploads;

    @Inject
    CurrentActor currentActor;

    private List<Material> mine;

    public List<Material> getMine() {
        if (mine == null) {
            mine = library.mine(currentActor.require());
        }
        return mine;
    }

    public List<Material> getReviewQueue() {
        return library.reviewQueue(currentActor.require());
    }

    public long getMaxMegabytes() {
        return uploads.maxBytes() / (1024 * 1024);
    }

    public String date(LocalDateTime t) {
        return Times.display(t);
    }
}
