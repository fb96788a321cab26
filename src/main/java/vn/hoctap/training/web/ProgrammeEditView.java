package vn.hoctap.training.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrgUnitKind;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.ValidationFailure;
import vn.hoctap.training.Assignments;
import vn.hoctap.training.Programme;
import vn.hoctap.training.ProgrammeForm;
import vn.hoctap.training.ProgrammeService;
import vn.hoctap.training.ProgrammeStatus;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creating or changing a programme ({@code /admin/programme.xhtml[?p=code]}), and publishing,
 * re-assigning or closing it. A year's programme defaults to 1/1–31/12 with the deadline on 30/11,
 * for all staff of the officer's scope.
 */
@Named
@ViewScoped
public class ProgrammeEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProgrammeService programmes;

    @Inject
    OrganisationService organisation;

    @Inject
    CatalogService catalog;

    @Inject
    CurrentActor currentActor;

    private String p;
    private boolean existing;
    private boolean owned = true;
    private long version;
    private ProgrammeStatus status;
    private String code;
    private String name;
    private String description;
    private String ownerUnitCode;
    private List<String> courseCodes = new ArrayList<>();
    private Integer requiredCount;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private LocalDate deadline;
    private Integer recertMonths;
    private String reportDates;
    private List<String> unitCodes = new ArrayList<>();
    private boolean subunits = true;
    private List<String> positionCodes = new ArrayList<>();
    private List<String> roles = new ArrayList<>();
    private List<String> accountTypes = new ArrayList<>(List.of(AccountType.STAFF.name()));
    private List<String> excludedUnitCodes = new ArrayList<>();
    private List<String> excludedPositionCodes = new ArrayList<>();
    private String excludedUsernames;

    public void load() {
        if (p == null || p.isBlank()) {
            int year = LocalDate.now().getYear();
            periodStart = LocalDate.of(year, 1, 1);
            periodEnd = LocalDate.of(year, 12, 31);
            deadline = LocalDate.of(year, 11, 30);
            reportDates = "30/11/" + year + ", 10/12/" + year;
            List<OrgUnit> owners = getOwnerUnits();
            if (!owners.isEmpty()) {
                ownerUnitCode = owners.get(0).getCode();
            }
            return;
        }
        Programme prog = programmes.get(currentActor.require(), p);
        ProgrammeForm f = programmes.form(prog);
        existing = true;
        owned = ProgrammeService.owns(currentActor.require(), prog);
        version = prog.version();
        status = prog.status();
        code = f.code();
        name = f.name();
        description = f.description();
        ownerUnitCode = f.ownerUnitCode();
        courseCodes = new ArrayList<>(f.courseCodes());
        requiredCount = f.requiredCount();
        periodStart = f.periodStart();
        periodEnd = f.periodEnd();
        deadline = f.deadline();
        recertMonths = f.recertMonths();
        reportDates = String.join(", ", f.reportDates().stream().map(d -> d.format(DAY)).toList());
        unitCodes = new ArrayList<>(f.units().stream().map(ProgrammeForm.UnitChoice::code).toList());
        subunits = f.units().isEmpty() || f.units().stream().allMatch(ProgrammeForm.UnitChoice::subunits);
        positionCodes = new ArrayList<>(f.positionCodes());
        roles = new ArrayList<>(f.roles().stream().map(Enum::name).toList());
        accountTypes = new ArrayList<>(f.accountTypes().stream().map(Enum::name).toList());
        excludedUnitCodes = new ArrayList<>(f.excludedUnits().stream().map(ProgrammeForm.UnitChoice::code).toList());
        excludedPositionCodes = new ArrayList<>(f.excludedPositionCodes());
        excludedUsernames = String.join(", ", f.excludedUsernames());
    }

    private ProgrammeForm form() {
        Set<String> usernames = new LinkedHashSet<>();
        if (excludedUsernames != null) {
            Arrays.stream(excludedUsernames.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(usernames::add);
        }
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        roles.forEach(r -> roleSet.add(Role.valueOf(r)));
        Set<AccountType> types = EnumSet.noneOf(AccountType.class);
        accountTypes.forEach(t -> types.add(AccountType.valueOf(t)));
        return new ProgrammeForm(existing ? p : code, name, description, ownerUnitCode, courseCodes, requiredCount, periodStart,
                periodEnd, deadline, recertMonths, parseDates(),
                unitCodes.stream().map(c -> new ProgrammeForm.UnitChoice(c, subunits)).toList(), positionCodes, roleSet, types,
                excludedUnitCodes.stream().map(c -> new ProgrammeForm.UnitChoice(c, true)).toList(), excludedPositionCodes,
                List.copyOf(usernames));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy");

    /** "30/11/2026, 10/12/2026" → dates; a date that cannot be read is reported with the others. */
    private List<LocalDate> parseDates() {
        List<LocalDate> dates = new ArrayList<>();
        if (reportDates != null) {
            for (String part : reportDates.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    try {
                        dates.add(LocalDate.parse(part.strip(), DAY));
                    } catch (java.time.format.DateTimeParseException e) {
                        dates.add(null);
                    }
                }
            }
        }
        return dates;
    }

    public void save() throws IOException {
        Actor actor = currentActor.require();
        try {
            Programme saved = existing ? programmes.update(actor, p, version, form()) : programmes.create(actor, form());
            FacesMessages.info("training.saved", saved.name());
            FacesMessages.keepOverRedirect();
            redirect("/admin/programme.xhtml?p=" + saved.code());
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        }
    }

    public void publish() throws IOException {
        try {
            Assignments.Outcome o = programmes.publish(currentActor.require(), p);
            FacesMessages.info("training.published", o.active());
            FacesMessages.keepOverRedirect();
            redirect("/admin/compliance.xhtml?p=" + p);
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        }
    }

    public void copyToNextYear() throws IOException {
        try {
            Programme copy = programmes.copyToNextYear(currentActor.require(), p);
            FacesMessages.info("training.copied", copy.name());
            FacesMessages.keepOverRedirect();
            redirect("/admin/programme.xhtml?p=" + copy.code());
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        }
    }

    public void reassign() {
        try {
            Assignments.Outcome o = programmes.reassign(currentActor.require(), p);
            FacesMessages.info("training.reassigned", o.assigned(), o.left(), o.moved(), o.active());
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        }
    }

    public void close() throws IOException {
        programmes.close(currentActor.require(), p);
        FacesMessages.info("training.closed");
        FacesMessages.keepOverRedirect();
        redirect("/admin/programme.xhtml?p=" + p);
    }

    private static void redirect(String path) throws IOException {
        var ec = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        ec.redirect(ec.getRequestContextPath() + path);
    }

    /** Units the officer may own a programme for: the province, agencies and their units, inside their scope. */
    public List<OrgUnit> getOwnerUnits() {
        Actor actor = currentActor.require();
        return organisation.tree().stream()
                .filter(u -> u.getKind() == OrgUnitKind.PROVINCE || u.getKind() == OrgUnitKind.AGENCY)
                .filter(u -> actor.grants().stream().anyMatch(g -> (g.role() == Role.ADMIN || g.role() == Role.AGENCY_OFFICER)
                        && g.covers(u.getPath())))
                .toList();
    }

    /** Units an audience may name: all active units, by their place in the tree. */
    public List<OrgUnit> getUnits() {
        return organisation.tree().stream().filter(OrgUnit::isActive).toList();
    }

    public List<JobPosition> getPositions() {
        return organisation.positions().stream().filter(JobPosition::isActive).toList();
    }

    public List<PublishedCourse> getCourses() {
        return catalog.published();
    }

    public List<Role> getRoleChoices() {
        return List.of(Role.AUTHOR, Role.REVIEWER, Role.CENTRE_STAFF, Role.AGENCY_OFFICER, Role.WARD_OFFICER, Role.ADMIN);
    }

    public AccountType[] getAccountTypeChoices() {
        return AccountType.values();
    }

    /** Whether the officer may change it (computed once in {@link #load}: the buttons ask several times). */
    public boolean isOwned() {
        return owned;
    }

    public String indent(OrgUnit u) {
        return "\u00a0\u00a0".repeat(Math.max(0, u.getDepth())) + u.getName();
    }

    // accessors

    public String getP() { return p; }
    public void setP(String p) { this.p = p; }
    public boolean isExisting() { return existing; }
    public ProgrammeStatus getStatus() { return status; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code == null ? null : code.strip(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getOwnerUnitCode() { return ownerUnitCode; }
    public void setOwnerUnitCode(String ownerUnitCode) { this.ownerUnitCode = ownerUnitCode; }
    public List<String> getCourseCodes() { return courseCodes; }
    public void setCourseCodes(List<String> courseCodes) { this.courseCodes = courseCodes; }
    public Integer getRequiredCount() { return requiredCount; }
    public void setRequiredCount(Integer requiredCount) { this.requiredCount = requiredCount; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
    public String getReportDates() { return reportDates; }
    public void setReportDates(String reportDates) { this.reportDates = reportDates; }
    public Integer getRecertMonths() { return recertMonths; }
    public void setRecertMonths(Integer recertMonths) { this.recertMonths = recertMonths; }
    public List<String> getUnitCodes() { return unitCodes; }
    public void setUnitCodes(List<String> unitCodes) { this.unitCodes = unitCodes; }
    public boolean isSubunits() { return subunits; }
    public void setSubunits(boolean subunits) { this.subunits = subunits; }
    public List<String> getPositionCodes() { return positionCodes; }
    public void setPositionCodes(List<String> positionCodes) { this.positionCodes = positionCodes; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public List<String> getAccountTypes() { return accountTypes; }
    public void setAccountTypes(List<String> accountTypes) { this.accountTypes = accountTypes; }
    public List<String> getExcludedUnitCodes() { return excludedUnitCodes; }
    public void setExcludedUnitCodes(List<String> excludedUnitCodes) { this.excludedUnitCodes = excludedUnitCodes; }
    public List<String> getExcludedPositionCodes() { return excludedPositionCodes; }
    public void setExcludedPositionCodes(List<String> excludedPositionCodes) { this.excludedPositionCodes = excludedPositionCodes; }
    public String getExcludedUsernames() { return excludedUsernames; }
    public void setExcludedUsernames(String excludedUsernames) { this.excludedUsernames = excludedUsernames; }
}
