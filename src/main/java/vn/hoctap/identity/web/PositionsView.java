package vn.hoctap.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.ValidationFailure;

import java.io.Serializable;
import java.util.List;

/** The catalogue of job positions: everyone on the staff pages reads it; province administrators edit it. */
@Named
@ViewScoped
public class PositionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganisationService organisation;

    @Inject
    CurrentActor currentActor;

    private List<JobPosition> positions;
    private Long editingId;
    private String code;
    private String name;
    private String description;
    private boolean active = true;

    @PostConstruct
    void init() {
        positions = organisation.positions();
    }

    public void edit(JobPosition position) {
        editingId = position.getId();
        code = position.getCode();
        name = position.getName();
        description = position.getDescription();
        active = position.isActive();
    }

    public void startNew() {
        editingId = null;
        code = null;
        name = null;
        description = null;
        active = true;
    }

    public void save() {
        try {
            organisation.savePosition(currentActor.require(), editingId, code, name, description, active);
            positions = organisation.positions();
            startNew();
            FacesMessages.info("admin.saved");
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        } catch (AccessDeniedException e) {
            FacesMessages.error("org.error.notAllowed");
        }
    }

    public boolean isEditable() {
        return AccessPolicy.isProvinceAdmin(currentActor.require());
    }

    public boolean isEditing() {
        return editingId != null;
    }

    public List<JobPosition> getPositions() {
        return positions;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
