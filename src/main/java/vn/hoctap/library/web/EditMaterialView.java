package vn.hoctap.library.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.library.Audience;
import vn.hoctap.library.LibraryAccess;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.Level;
import vn.hoctap.library.Licence;
import vn.hoctap.library.Material;
import vn.hoctap.library.MaterialForm;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Describing a material (title, subjects, audience, level, language, licence, attribution) and
 * sending it for review; a new version is uploaded on the same page.
 */
@Named
@RequestScoped
public class EditMaterialView {

    @Inject
    LibraryService library;

    @Inject
    CurrentActor currentActor;

    @Inject
    HttpServletRequest request;

    private Material material;
    private boolean missing;

    private long version;
    private String title;
    private String description;
    private String subjects;
    private Audience audience;
    private Level level;
    private String language;
    private Licence licence;
    private String attribution;

    @PostConstruct
    void load() {
        try {
            material = library.get(currentActor.require(), Long.parseLong(request.getParameter("id")));
            if (!LibraryAccess.canEdit(currentActor.require(), material)) {
                throw new NotFoundException("material");
            }
            version = material.getVersion();
            title = material.getTitle();
            description = material.getDescription();
            subjects = String.join(", ", material.getSubjects());
            audience = material.getAudience();
            level = material.getLevel();
            language = material.getLanguage();
            licence = material.getLicence();
            attribution = material.getAttribution();
        } catch (NumberFormatException | NotFoundException e) {
            missing = true;
        }
    }

    public void check() throws IOException {
        if (missing) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void save() throws IOException {
        if (store()) {
            redirect("library.saved");
        }
    }

    public void saveAndSubmit() throws IOException {
        if (store()) {
            try {
                library.submit(currentActor.require(), material.getId());
                redirect("library.submitted");
            } catch (ValidationFailure e) {
                FacesMessages.problems(e);
            }
        }
    }

    private boolean store() {
        try {
            long expected = Long.parseLong(request.getParameter("version"));
            material = library.describe(currentActor.require(), material.getId(), expected, new MaterialForm(title,
                    description, new LinkedHashSet<>(Arrays.stream(subjects == null ? new String[0] : subjects.split("[,;]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList())),
                    audience, level, language, licence, attribution));
            return true;
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
            return false;
        } catch (NumberFormatException e) {
            FacesMessages.error("error.concurrentChange");
            return false;
        }
    }

    private void redirect(String key) throws IOException {
        FacesMessages.info(key);
        FacesMessages.keepOverRedirect();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/library/material.xhtml?id=" + material.getId());
    }

    public Material getMaterial() {
        return material;
    }

    public Audience[] getAudiences() {
        return Audience.values();
    }

    public Level[] getLevels() {
        return Level.values();
    }

    public Licence[] getLicences() {
        return Licence.values();
    }

    public List<String> getLanguages() {
        return List.of("vi", "en", "th", "hmn", "blt", "other");
    }

    public long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSubjects() {
        return subjects;
    }

    public void setSubjects(String subjects) {
        this.subjects = subjects;
    }

    public Audience getAudience() {
        return audience;
    }

    public void setAudience(Audience audience) {
        this.audience = audience;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Licence getLicence() {
        return licence;
    }

    public void setLicence(Licence licence) {
        this.licence = licence;
    }

    public String getAttribution() {
        return attribution;
    }

    public void setAttribution(String attribution) {
        this.attribution = attribution;
    }
}
