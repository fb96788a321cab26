package vn.hoctap.identity.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.PeopleService;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.PersonForm;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One person, for an officer: their details, posts and roles, enabling and password resets.
 * {@code ?id=new} creates a person. Someone outside the officer's scope is "not found".
 */
@Named
@ViewScoped
public class PersonView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleService people;

    @Inject
    OrganisationService organisation;

    @Inject
    CurrentActor currentActor;

    private String id;
    private Person person;
    private long version;

    private String username;
    private String fullName;
    private String phone;
    private String email;
    private String staffCode;
    private AccountType type = AccountType.STAFF;
    private OrgUnit homeUnit;

    private OrgUnit postUnit;
    private Long postPositionId;
    private Role grantRole;
    private OrgUnit grantScope;

    private String oneTimePassword;

    /** {@code f:viewAction}: loads the person, or answers 404. */
    public void load() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Object shown = external.getFlash().get("oneTimePassword");
        if (shown != null) {
            oneTimePassword = shown.toString();
        }
        if (isNew()) {
            return;
        }
        try {
            person = people.get(currentActor.require(), Long.parseLong(id));
        } catch (NumberFormatException | NotFoundException e) {
            external.responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        copyFromPerson();
    }

    private void copyFromPerson() {
        version = person.getVersion();
        username = person.getUsername();
        fullName = person.getFullName();
        phone = person.getPhone();
        email = person.getEmail();
        staffCode = person.getStaffCode();
        type = person.getAccountType();
        homeUnit = person.getHomeUnit();
    }

    public void save() throws IOException {
        PersonForm form = new PersonForm(username, fullName, phone, email, staffCode, type,
                homeUnit == null ? null : homeUnit.getId(), postUnit == null ? null : postUnit.getId(), postPositionId);
        try {
            if (isNew()) {
                PeopleService.NewAccount created = people.create(currentActor.require(), form);
                ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
                external.getFlash().put("oneTimePassword", created.oneTimePassword());
                FacesMessages.info("admin.person.created", created.person().getFullName());
                FacesMessages.keepOverRedirect();
                external.redirect(external.getRequestContextPath() + "/admin/person.xhtml?id=" + created.person().getId());
                return;
            }
            person = people.update(currentActor.require(), person.getId(), version, form);
            copyFromPerson();
            FacesMessages.info("admin.saved");
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        }
    }

    public void addPost() {
        if (postUnit == null || postPositionId == null) {
            FacesMessages.error("person.error.positionRequired");
            return;
        }
        act(() -> people.addPost(currentActor.require(), person.getId(), postUnit.getId(), postPositionId));
        postUnit = null;
        postPositionId = null;
    }

    public void removePost(long postId) {
        act(() -> people.removePost(currentActor.require(), person.getId(), postId));
    }

    public void grant() {
        if (grantRole == null || grantScope == null) {
            FacesMessages.error("person.error.cannotGrant");
            return;
        }
        act(() -> people.grant(currentActor.require(), person.getId(), grantRole, grantScope.getId()));
        grantRole = null;
        grantScope = null;
    }

    public void revoke(long grantId) {
        act(() -> people.revoke(currentActor.require(), person.getId(), grantId));
    }

    public void toggleEnabled() {
        boolean enable = !person.isEnabled();
        act(() -> people.setEnabled(currentActor.require(), person.getId(), enable));
    }

    public void resetPassword() {
        try {
            oneTimePassword = people.resetPassword(currentActor.require(), person.getId());
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        }
    }

    private void act(java.util.function.Supplier<Person> change) {
        try {
            person = change.get();
            copyFromPerson();
            FacesMessages.info("admin.saved");
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        } catch (AccessDeniedException | NotFoundException e) {
            FacesMessages.error("person.error.outsideScope");
        }
    }

    public List<OrgUnit> completeScopedUnit(String typed) {
        List<String> scopes = AccessPolicy.managesEverywhere(currentActor.require()) ? null
                : AccessPolicy.peopleScopes(currentActor.require());
        return organisation.searchUnits(typed, scopes, 20);
    }

    public List<OrgUnit> completeGrantScope(String typed) {
        List<String> scopes = currentActor.require().grants().stream()
                .filter(g -> !g.role().grantable().isEmpty()).map(g -> g.scopePath()).toList();
        return organisation.searchUnits(typed, scopes, 20);
    }

    public List<OrgUnit> completeLocality(String typed) {
        return organisation.searchUnits(typed, null, 50).stream().filter(u -> u.getKind().isLocality()).toList();
    }

    public List<JobPosition> getPositions() {
        return organisation.positions().stream().filter(JobPosition::isActive).toList();
    }

    public List<Role> getGrantableRoles() {
        return new ArrayList<>(AccessPolicy.grantableRoles(currentActor.require()));
    }

    public boolean canUse(OrgUnit unit) {
        return AccessPolicy.canUseUnit(currentActor.require(), unit.getPath());
    }

    public boolean isNew() {
        return "new".equals(id);
    }

    public AccountType[] getTypes() {
        return AccountType.values();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Person getPerson() {
        return person;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getStaffCode() {
        return staffCode;
    }

    public void setStaffCode(String staffCode) {
        this.staffCode = staffCode;
    }

    public AccountType getType() {
        return type;
    }

    public void setType(AccountType type) {
        this.type = type;
    }

    public OrgUnit getHomeUnit() {
        return homeUnit;
    }

    public void setHomeUnit(OrgUnit homeUnit) {
        this.homeUnit = homeUnit;
    }

    public OrgUnit getPostUnit() {
        return postUnit;
    }

    public void setPostUnit(OrgUnit postUnit) {
        this.postUnit = postUnit;
    }

    public Long getPostPositionId() {
        return postPositionId;
    }

    public void setPostPositionId(Long postPositionId) {
        this.postPositionId = postPositionId;
    }

    public Role getGrantRole() {
        return grantRole;
    }

    public void setGrantRole(Role grantRole) {
        this.grantRole = grantRole;
    }

    public OrgUnit getGrantScope() {
        return grantScope;
    }

    public void setGrantScope(OrgUnit grantScope) {
        this.grantScope = grantScope;
    }

    public String getOneTimePassword() {
        return oneTimePassword;
    }

    public void clearOneTimePassword() {
        oneTimePassword = null;
    }
}
