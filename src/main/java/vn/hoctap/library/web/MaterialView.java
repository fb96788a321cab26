package vn.hoctap.library.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.library.LibraryAccess;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.Material;
import vn.hoctap.library.MaterialVersion;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Times;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.util.List;

/**
 * A material's page: what it is, its licence, a preview that suits its kind, the download, its
 * versions; and for its author and reviewers, the workflow buttons. Materials the reader may not
 * see are "not found".
 */
@Named
@RequestScoped
public class MaterialView {

    @Inject
    LibraryService library;

    @Inject
    CurrentActor currentActor;

    @Inject
    HttpServletRequest request;

    @Inject
    CatalogService catalog;

    private Material material;
    private MaterialVersion shown;
    private String comment;

    private boolean missing;
    private String previewText;
    private String previewHtml;
    private List<CatalogService.MaterialUse> uses;

    /** Reads {@code id} (and {@code v}): the query string on a GET, hidden fields on a POST. */
    @jakarta.annotation.PostConstruct
    void load() {
        try {
            long id = Long.parseLong(request.getParameter("id"));
            material = library.get(currentActor.get(), id);
            String v = request.getParameter("v");
            if (v != null && !v.isBlank()) {
                shown = library.version(currentActor.get(), Long.parseLong(v));
                if (!shown.getMaterial().getId().equals(material.getId())) {
                    throw new NotFoundException("version");
                }
            } else {
                shown = material.getPublishedVersion() != null ? material.getPublishedVersion() : material.getLatestVersion();
            }
        } catch (NumberFormatException | NotFoundException e) {
            missing = true;
        }
    }

    /** {@code f:viewAction}: 404 for what does not exist or is not the reader's to see. */
    public void check() throws IOException {
        if (missing) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void submit() throws IOException {
        act(() -> library.submit(actor(), material.getId()), "library.submitted");
    }

    public void publish() throws IOException {
        act(() -> library.publish(actor(), material.getId()), "library.published");
    }

    public void returnToAuthor() throws IOException {
        act(() -> library.returnToAuthor(actor(), material.getId(), comment), "library.returned");
    }

    public void unpublish() throws IOException {
        act(() -> library.unpublish(actor(), material.getId()), "library.unpublished");
    }

    private void act(Runnable action, String doneKey) throws IOException {
        try {
            action.run();
            FacesMessages.info(doneKey);
            FacesMessages.keepOverRedirect();
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/library/material.xhtml?id=" + material.getId());
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        } catch (AccessDeniedException e) {
            FacesMessages.error("library.error.notAllowed");
        }
    }

    private Actor actor() {
        return currentActor.require();
    }

    public Material getMaterial() {
        return material;
    }

    public MaterialVersion getShown() {
        return shown;
    }

    public boolean isShowingPublished() {
        return shown != null && material.getPublishedVersion() != null
                && material.getPublishedVersion().getId().equals(shown.getId());
    }

    public boolean isEditable() {
        return LibraryAccess.canEdit(currentActor.get(), material);
    }

    public boolean isReviewable() {
        return LibraryAccess.canReview(currentActor.get(), material);
    }

    /** All versions for its authors and reviewers; for everyone else those ever published (a course may pin one). */
    public List<MaterialVersion> getVisibleVersions() {
        Actor actor = currentActor.get();
        return material.getVersions().stream().filter(v -> LibraryAccess.canViewVersion(actor, v)).toList();
    }

    /** The published courses whose lessons show this material. */
    public List<CatalogService.MaterialUse> getUses() {
        if (uses == null) {
            uses = catalog.usesOf(material.getId());
        }
        return uses;
    }

    public String fileUrl(MaterialVersion v) {
        return request.getContextPath() + v.getFileLink();
    }

    public String getPreviewText() {
        if (previewText == null && shown != null) {
            previewText = library.previewText(shown.getId()).orElse("");
        }
        return previewText;
    }

    /** A Markdown version's preview, formatted; empty for other files. */
    public String getPreviewHtml() {
        if (previewHtml == null) {
            previewHtml = shown == null ? "" : library.previewHtml(shown);
        }
        return previewHtml;
    }

    public String date(java.time.LocalDateTime t) {
        return Times.display(t);
    }

    public String duration(Integer seconds) {
        if (seconds == null) {
            return "";
        }
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
