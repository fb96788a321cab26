package vn.hoctap.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.security.Passwords;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.PageResult;
import vn.hoctap.shared.ValidationFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Managing people: the list, an account's details, posts, roles, enabling and password resets.
 * Every method takes the {@link Actor} and enforces {@link AccessPolicy}: pages and the REST API
 * go through here, so both obey the same scoped roles. People outside the actor's scope are
 * reported as not found.
 */
@ApplicationScoped
public class PeopleService {

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonRepository repository;

    @Inject
    OrganisationService organisation;

    @Inject
    AuditService audit;

    @Inject
    Passwords passwords;

    @Inject
    PersonRules rules;

    /** A page of the people the actor manages, with the total number of matches. */
    public PageResult<Person> search(Actor actor, PeopleQuery query, int offset, int limit) {
        return repository.search(query, scopes(actor), offset, Math.min(limit, 500), true, true);
    }

    /** A page without the total (the list already knows it). */
    public List<Person> page(Actor actor, PeopleQuery query, int offset, int limit) {
        return repository.search(query, scopes(actor), offset, Math.min(limit, 500), true, false).items();
    }

    public long count(Actor actor, PeopleQuery query) {
        return repository.search(query, scopes(actor), 0, 1, false, true).total();
    }

    private static List<String> scopes(Actor actor) {
        return AccessPolicy.managesEverywhere(actor) ? null : AccessPolicy.peopleScopes(actor);
    }

    /** The person, if the actor may manage them. */
    public Person get(Actor actor, long id) {
        Person person = repository.find(id).orElseThrow(() -> new NotFoundException("person " + id));
        if (!canManage(actor, person)) {
            throw new NotFoundException("person " + id);
        }
        return person;
    }

    public boolean canManage(Actor actor, Person person) {
        List<String> paths = person.units().stream().map(OrgUnit::getPath).toList();
        List<Actor.Grant> grants = CurrentActor.toActor(person).grants();
        return AccessPolicy.canManage(actor, paths, grants);
    }

    /** Creates an account with a one-time password that must be changed at first sign-in. */
    @Transactional
    public NewAccount create(Actor actor, PersonForm form) {
        PersonForm clean = rules.check(form, null);
        OrgUnit unit = clean.unitId() == null ? null : organisation.get(clean.unitId());
        OrgUnit home = clean.homeUnitId() == null ? null : organisation.get(clean.homeUnitId());
        List<String> paths = new ArrayList<>();
        Optional.ofNullable(unit).ifPresent(u -> paths.add(u.getPath()));
        Optional.ofNullable(home).ifPresent(u -> paths.add(u.getPath()));
        if (!AccessPolicy.canManage(actor, paths, List.of())) {
            throw new ValidationFailure("unitId", "person.error.outsideScope");
        }
        Person person = new Person(clean.username(), clean.fullName(), clean.type());
        apply(person, clean, home);
        if (unit != null) {
            if (clean.positionId() == null) {
                throw new ValidationFailure("positionId", "person.error.positionRequired");
            }
            person.addPost(unit, organisation.getPosition(clean.positionId()));
        }
        String oneTime = passwords.generate();
        person.setPasswordHash(passwords.hashGenerated(oneTime), true);
        em.persist(person);
        em.flush();
        record(actor, "person.create", person, null, person.snapshot());
        return new NewAccount(person, oneTime);
    }

    @Transactional
    public Person update(Actor actor, long id, long expectedVersion, PersonForm form) {
        Person person = get(actor, id);
        if (person.getVersion() != expectedVersion) {
            throw new ValidationFailure("version", "error.concurrentChange");
        }
        PersonForm clean = rules.check(form, person);
        OrgUnit home = clean.homeUnitId() == null ? null : organisation.get(clean.homeUnitId());
        if (home != null && (person.getHomeUnit() == null || !home.getId().equals(person.getHomeUnit().getId()))
                && !AccessPolicy.canUseUnit(actor, home.getPath())) {
            throw new ValidationFailure("homeUnitId", "person.error.outsideScope");
        }
        Map<String, Object> before = person.snapshot();
        apply(person, clean, home);
        record(actor, "person.update", person, before, person.snapshot());
        return person;
    }

    private static void apply(Person person, PersonForm form, OrgUnit home) {
        person.setFullName(form.fullName());
        person.setPhone(form.phone());
        person.setEmail(form.email());
        person.setStaffCode(form.staffCode());
        person.setHomeUnit(home);
    }

    @Transactional
    public Person addPost(Actor actor, long personId, long unitId, long positionId) {
        Person person = get(actor, personId);
        OrgUnit unit = organisation.get(unitId);
        if (!AccessPolicy.canUseUnit(actor, unit.getPath())) {
            throw new ValidationFailure("unitId", "person.error.outsideScope");
        }
        Map<String, Object> before = person.snapshot();
        person.addPost(unit, organisation.getPosition(positionId));
        record(actor, "person.post.add", person, before, person.snapshot());
        return person;
    }

    @Transactional
    public Person removePost(Actor actor, long personId, long postId) {
        Person person = get(actor, personId);
        Post post = person.getPosts().stream().filter(p -> p.getId() == postId).findFirst()
                .orElseThrow(() -> new NotFoundException("post " + postId));
        if (!AccessPolicy.canUseUnit(actor, post.getUnit().getPath())) {
            throw new AccessDeniedException("post outside scope");
        }
        Map<String, Object> before = person.snapshot();
        person.removePost(post);
        record(actor, "person.post.remove", person, before, person.snapshot());
        return person;
    }

    @Transactional
    public Person grant(Actor actor, long personId, Role role, long scopeUnitId) {
        Person person = get(actor, personId);
        OrgUnit scope = organisation.get(scopeUnitId);
        if (!role.scopeKinds().contains(scope.getKind())) {
            throw new ValidationFailure("scope", "person.error.roleScopeKind");
        }
        if (!AccessPolicy.canGrant(actor, role, scope.getPath(), scope.getKind())) {
            throw new ValidationFailure("role", "person.error.cannotGrant");
        }
        Map<String, Object> before = person.snapshot();
        person.grant(role, scope, actor.personId());
        record(actor, "person.role.grant", person, before, person.snapshot());
        return person;
    }

    @Transactional
    public Person revoke(Actor actor, long personId, long grantId) {
        Person person = get(actor, personId);
        RoleGrant grant = person.getRoleGrants().stream().filter(g -> g.getId() == grantId).findFirst()
                .orElseThrow(() -> new NotFoundException("grant " + grantId));
        if (!AccessPolicy.canGrant(actor, grant.getRole(), grant.getScope().getPath(), grant.getScope().getKind())) {
            throw new AccessDeniedException("grant outside scope");
        }
        if (person.getId().equals(actor.personId()) && grant.getRole() == Role.ADMIN) {
            throw new ValidationFailure("role", "person.error.selfAdmin");
        }
        Map<String, Object> before = person.snapshot();
        person.revoke(grant);
        record(actor, "person.role.revoke", person, before, person.snapshot());
        return person;
    }

    @Transactional
    public Person setEnabled(Actor actor, long personId, boolean enabled) {
        Person person = get(actor, personId);
        if (person.getId().equals(actor.personId()) && !enabled) {
            throw new ValidationFailure("enabled", "person.error.selfDisable");
        }
        Map<String, Object> before = person.snapshot();
        person.setEnabled(enabled);
        record(actor, enabled ? "person.enable" : "person.disable", person, before, person.snapshot());
        return person;
    }

    /** A new one-time password, to be handed to the person; the old one stops working. */
    @Transactional
    public String resetPassword(Actor actor, long personId) {
        Person person = get(actor, personId);
        String oneTime = passwords.generate();
        person.setPasswordHash(passwords.hashGenerated(oneTime), true);
        audit.record(new AuditEvent(actor.personId(), actor.username(), "person.password.reset", "person",
                person.getId().toString(), person.getFullName(), scopePath(person), null, null));
        return oneTime;
    }

    private void record(Actor actor, String action, Person person, Map<String, Object> before, Map<String, Object> after) {
        audit.record(new AuditEvent(actor.personId(), actor.username(), action, "person", person.getId().toString(),
                person.getFullName(), scopePath(person), before, after));
    }

    static String scopePath(Person person) {
        return person.units().stream().map(OrgUnit::getPath).findFirst().orElse(null);
    }

    /** An account just created, with its one-time password (shown once, never stored in clear). */
    public record NewAccount(Person person, String oneTimePassword) {
    }
}
