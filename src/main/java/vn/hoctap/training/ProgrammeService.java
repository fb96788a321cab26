package vn.hoctap.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.PersonRepository;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.records.LearningRecords;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creating, changing, publishing and closing programmes. The province's administrators own
 * programmes for the whole province; an agency officer owns programmes for their own agency only
 * (every unit of the audience inside it). Officers see every published programme — the figures
 * they see are limited to their part of the tree ({@link ComplianceService}) — and drafts they own.
 */
@ApplicationScoped
public class ProgrammeService {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");

    @Inject
    ProgrammeStore store;

    @Inject
    Assignments assignments;

    @Inject
    OrganisationService organisation;

    @Inject
    CatalogService catalog;

    @Inject
    LearningRecords records;

    @Inject
    PersonRepository people;

    @Inject
    AuditService audit;

    /** The programmes the actor may see: published and closed ones, and drafts they own. */
    public List<Programme> visible(Actor actor) {
        if (!actor.isStaff()) {
            return List.of();
        }
        return store.all().stream().filter(p -> p.status() != ProgrammeStatus.DRAFT || owns(actor, p)).toList();
    }

    public Programme get(Actor actor, String code) {
        return store.find(code).filter(p -> actor.isStaff() && (p.status() != ProgrammeStatus.DRAFT || owns(actor, p)))
                .orElseThrow(() -> new NotFoundException("programme " + code));
    }

    /** Whether the actor may change the programme: an administrator or agency officer over its owner unit. */
    public static boolean owns(Actor actor, Programme p) {
        return actor.grants().stream().anyMatch(g -> (g.role() == Role.ADMIN || g.role() == Role.AGENCY_OFFICER)
                && g.covers(p.ownerPath()));
    }

    /** Creates a draft. */
    @Transactional
    public Programme create(Actor actor, ProgrammeForm form) {
        if (form.code() == null || !CODE.matcher(form.code()).matches()) {
            throw new ValidationFailure("code", "training.error.code");
        }
        if (store.find(form.code()).isPresent()) {
            throw new ValidationFailure("code", "training.error.codeTaken");
        }
        Programme p = resolve(actor, form, 0, ProgrammeStatus.DRAFT, 0);
        long id = store.insert(p, actor.personId());
        record(actor, "programme.create", p);
        return store.find(id).orElseThrow();
    }

    /** Changes a programme; a published one is re-assigned at once under its new rule. */
    @Transactional
    public Programme update(Actor actor, String code, long expectedVersion, ProgrammeForm form) {
        Programme old = owned(actor, code);
        Programme p = resolve(actor, form, old.id(), old.status(), expectedVersion);
        if (!store.update(p)) {
            throw new ValidationFailure("version", "error.concurrentChange");
        }
        Programme saved = store.find(old.id()).orElseThrow();
        if (saved.isPublished()) {
            assignments.assignAll(saved);
        }
        record(actor, "programme.update", saved);
        return saved;
    }

    /**
     * A draft for the next period: the same courses and audience, every date a year later, the
     * year in the name and code moved on ("cds-2026" → "cds-2027"), or "-2" added when the code
     * has no year.
     */
    @Transactional
    public Programme copyToNextYear(Actor actor, String code) {
        Programme p = owned(actor, code);
        String year = Integer.toString(p.deadline().getYear());
        String next = Integer.toString(p.deadline().getYear() + 1);
        String base = p.code().contains(year) ? p.code().replace(year, next) : p.code() + "-2";
        String newCode = fit(base, "");
        for (String suffix = "-2"; store.find(newCode).isPresent(); suffix += "-2") {
            newCode = fit(base, suffix); // the code checked is the code used, at most 80 characters
        }
        ProgrammeForm f = form(p);
        ProgrammeForm copy = new ProgrammeForm(newCode,
                p.name().replace(year, next), f.description(), f.ownerUnitCode(), f.courseCodes(), f.requiredCount(),
                f.periodStart().plusYears(1), f.periodEnd().plusYears(1), f.deadline().plusYears(1), f.recertMonths(),
                f.reportDates().stream().map(d -> d.plusYears(1)).toList(), f.units(), f.positionCodes(), f.roles(),
                f.accountTypes(), f.excludedUnits(), f.excludedPositionCodes(), f.excludedUsernames());
        return create(actor, copy);
    }

    /** Publishes the programme: everyone who matches is assigned now, and later as people join or move. */
    @Transactional
    public Assignments.Outcome publish(Actor actor, String code) {
        Programme p = owned(actor, code);
        if (p.status() == ProgrammeStatus.CLOSED) {
            throw new ValidationFailure(null, "training.error.closed");
        }
        store.setStatus(p.id(), ProgrammeStatus.PUBLISHED);
        Assignments.Outcome o = assignments.assignAll(store.find(p.id()).orElseThrow());
        record(actor, "programme.publish", p);
        return o;
    }

    /** Closes the programme: nobody is assigned or leaves any more; its figures stay. */
    @Transactional
    public void close(Actor actor, String code) {
        Programme p = owned(actor, code);
        store.setStatus(p.id(), ProgrammeStatus.CLOSED);
        record(actor, "programme.close", p);
    }

    /** Re-assigns everyone now (after a large import, say) instead of waiting for the sweep. */
    @Transactional
    public Assignments.Outcome reassign(Actor actor, String code) {
        Programme p = owned(actor, code);
        if (!p.isPublished()) {
            throw new ValidationFailure(null, "training.error.notPublished");
        }
        return assignments.assignAll(p);
    }

    private Programme owned(Actor actor, String code) {
        Programme p = store.find(code).orElseThrow(() -> new NotFoundException("programme " + code));
        if (!owns(actor, p)) {
            throw new NotFoundException("programme " + code);
        }
        return p;
    }

    /** Checks the form and turns codes into ids; every problem is reported at once. */
    private Programme resolve(Actor actor, ProgrammeForm f, long id, ProgrammeStatus status, long version) {
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 300) {
            problems.add(new ValidationFailure.Problem("name", "training.error.name"));
        }
        Optional<OrgUnit> owner = Optional.ofNullable(f.ownerUnitCode()).flatMap(organisation::findByCode);
        if (owner.isEmpty()) {
            problems.add(new ValidationFailure.Problem("ownerUnitCode", "training.error.owner"));
        } else if (actor.grants().stream().noneMatch(g -> (g.role() == Role.ADMIN || g.role() == Role.AGENCY_OFFICER)
                && g.covers(owner.get().getPath()))) {
            problems.add(new ValidationFailure.Problem("ownerUnitCode", "training.error.ownerOutsideScope"));
        }
        List<Programme.Course> courses = new ArrayList<>();
        for (String code : new LinkedHashSet<>(f.courseCodes())) {
            Optional<PublishedCourse> c = catalog.published(code);
            if (c.isEmpty()) {
                problems.add(new ValidationFailure.Problem("courseCodes", "training.error.course", code));
            } else {
                String iri = records.activity("courses/" + code);
                courses.add(new Programme.Course(c.get().courseId(), code, c.get().title(), LearningRecords.activityKey(iri)));
            }
        }
        if (f.courseCodes().isEmpty()) {
            problems.add(new ValidationFailure.Problem("courseCodes", "training.error.noCourses"));
        }
        if (f.requiredCount() != null && (f.requiredCount() < 1 || f.requiredCount() > Math.max(1, courses.size()))) {
            problems.add(new ValidationFailure.Problem("requiredCount", "training.error.required", courses.size()));
        }
        if (f.periodStart() == null || f.periodEnd() == null || !f.periodStart().isBefore(f.periodEnd())) {
            problems.add(new ValidationFailure.Problem("periodEnd", "training.error.period"));
        } else if (f.deadline() == null || f.deadline().isBefore(f.periodStart()) || f.deadline().isAfter(f.periodEnd())) {
            problems.add(new ValidationFailure.Problem("deadline", "training.error.deadline"));
        }
        if (f.periodStart() != null && f.periodEnd() != null && f.reportDates().stream()
                .anyMatch(d -> d == null || d.isBefore(f.periodStart()) || d.isAfter(f.periodEnd().plusMonths(3)))) {
            problems.add(new ValidationFailure.Problem("reportDates", "training.error.reportDates"));
        }
        if (f.recertMonths() != null && (f.recertMonths() < 1 || f.recertMonths() > 120)) {
            problems.add(new ValidationFailure.Problem("recertMonths", "training.error.recert"));
        }
        List<AudienceRule.UnitRef> units = units(f.units(), "units", problems);
        List<AudienceRule.UnitRef> excluded = units(f.excludedUnits(), "excludedUnits", problems);
        Set<Long> positions = positions(f.positionCodes(), "positionCodes", problems);
        Set<Long> excludedPositions = positions(f.excludedPositionCodes(), "excludedPositionCodes", problems);
        Set<Long> excludedPeople = new LinkedHashSet<>();
        for (String username : f.excludedUsernames()) {
            people.findByUsername(username).map(Person::getId).ifPresentOrElse(excludedPeople::add,
                    () -> problems.add(new ValidationFailure.Problem("excludedUsernames", "training.error.person", username)));
        }
        AudienceRule rule = new AudienceRule(units, positions, f.roles(), f.accountTypes(), excluded, excludedPositions,
                excludedPeople);
        if (owner.isPresent() && owner.get().getParent() != null && !rule.within(owner.get().getPath())) {
            problems.add(new ValidationFailure.Problem("units", "training.error.unitsOutsideOwner", owner.get().getName()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        String description = f.description() == null || f.description().isBlank() ? null : f.description().strip();
        return new Programme(id, f.code(), name, description, owner.get().getId(), owner.get().getPath(), owner.get().getName(),
                status, courses, f.requiredCount() == null || f.requiredCount() == courses.size() ? null : f.requiredCount(),
                f.periodStart(), f.periodEnd(), f.deadline(), f.recertMonths(), f.reportDates(), rule, null, version);
    }

    private List<AudienceRule.UnitRef> units(List<ProgrammeForm.UnitChoice> choices, String field,
                                             List<ValidationFailure.Problem> problems) {
        List<AudienceRule.UnitRef> refs = new ArrayList<>();
        for (ProgrammeForm.UnitChoice c : choices) {
            organisation.findByCode(c.code()).ifPresentOrElse(
                    u -> refs.add(new AudienceRule.UnitRef(u.getId(), u.getPath(), c.subunits())),
                    () -> problems.add(new ValidationFailure.Problem(field, "training.error.unit", c.code())));
        }
        return refs;
    }

    private Set<Long> positions(List<String> codes, String field, List<ValidationFailure.Problem> problems) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String code : codes) {
            organisation.findPosition(code).map(JobPosition::getId).ifPresentOrElse(ids::add,
                    () -> problems.add(new ValidationFailure.Problem(field, "training.error.position", code)));
        }
        return ids;
    }

    private void record(Actor actor, String action, Programme p) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", p.code());
        after.put("name", p.name());
        after.put("courses", p.courses().stream().map(Programme.Course::code).toList());
        after.put("required", p.required());
        after.put("deadline", p.deadline().toString());
        after.put("audience", ProgrammeStore.toJson(p.audience()));
        audit.record(new AuditEvent(actor.personId(), actor.username(), action, "programme", p.code(), p.name(),
                p.ownerPath(), null, after));
    }

    /** The programme's rule as codes, for the edit form and the API. */
    public ProgrammeForm form(Programme p) {
        Map<Long, String> unitCodes = new LinkedHashMap<>();
        organisation.tree().forEach(u -> unitCodes.put(u.getId(), u.getCode()));
        Map<Long, String> positionCodes = new LinkedHashMap<>();
        organisation.positions().forEach(j -> positionCodes.put(j.getId(), j.getCode()));
        AudienceRule a = p.audience();
        String owner = unitCodes.get(p.ownerUnitId());
        return new ProgrammeForm(p.code(), p.name(), p.description(), owner, p.courses().stream().map(Programme.Course::code).toList(),
                p.requiredCount(), p.periodStart(), p.periodEnd(), p.deadline(), p.recertMonths(), p.reportDates(),
                a.units().stream().map(u -> new ProgrammeForm.UnitChoice(unitCodes.get(u.id()), u.subunits())).toList(),
                a.positions().stream().map(positionCodes::get).toList(), a.roles(), a.accountTypes(),
                a.excludedUnits().stream().map(u -> new ProgrammeForm.UnitChoice(unitCodes.get(u.id()), u.subunits())).toList(),
                a.excludedPositions().stream().map(positionCodes::get).toList(),
                a.excludedPeople().stream().map(id -> people.find(id).map(Person::getUsername).orElse(null))
                        .filter(java.util.Objects::nonNull).toList());
    }

    private static String fit(String base, String suffix) {
        return base.substring(0, Math.min(base.length(), 80 - suffix.length())) + suffix;
    }
}
