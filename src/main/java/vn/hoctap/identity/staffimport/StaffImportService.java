package vn.hoctap.identity.staffimport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.JobPosition;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.PeopleService;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.PersonRepository;
import vn.hoctap.identity.Post;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.security.Passwords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Imports staff from a spreadsheet in two steps: {@link #preview} reads and checks every row and
 * writes nothing; {@link #commit} checks again and writes the whole plan in one transaction, so
 * that a problem found at the last moment still leaves the database as it was.
 */
@ApplicationScoped
public class StaffImportService {

    private static final Logger LOG = Logger.getLogger(StaffImportService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationService organisation;

    @Inject
    PersonRepository people;

    @Inject
    PeopleService peopleService;

    @Inject
    Passwords passwords;

    @Inject
    AuditService audit;

    public ImportPlan preview(Actor actor, String fileName, byte[] bytes) throws SheetReader.Unreadable {
        SheetReader.Sheet sheet = SheetReader.read(fileName, bytes);
        return plan(actor, fileName, sheet);
    }

    /** The plan again, against the database as it is now (after a failed or refused commit). */
    public ImportPlan planAgain(Actor actor, String fileName, SheetReader.Sheet sheet) {
        return plan(actor, fileName, sheet);
    }

    ImportPlan plan(Actor actor, String fileName, SheetReader.Sheet sheet) {
        return ImportPlanner.plan(fileName, sheet, lookups(actor, sheet));
    }

    /**
     * Writes the plan: all or nothing. The rows are checked again against the database as it is
     * now; if anything changed meanwhile so that a row would fail, nothing is written and the
     * fresh plan is returned in the exception.
     */
    @Transactional(rollbackOn = Exception.class)
    public ImportResult commit(Actor actor, ImportPlan plan, SheetReader.Sheet sheet, ImportProgress progress)
            throws PlanChanged {
        long start = System.currentTimeMillis();
        ImportPlan fresh = plan(actor, plan.fileName(), sheet);
        if (!fresh.canCommit()) {
            throw new PlanChanged(fresh);
        }
        progress.start(fresh.rows().size());
        Map<Long, OrgUnit> units = new HashMap<>();
        Map<Long, JobPosition> positions = new HashMap<>();
        organisation.positions().forEach(p -> positions.put(p.getId(), p));

        // Hashing one-time passwords is the costliest step: do it up front, on every core.
        List<ImportPlan.Row> newRows = fresh.rows().stream().filter(r -> r.action() == ImportPlan.Action.NEW).toList();
        List<String> oneTime = newRows.stream().map(r -> passwords.generate()).toList();
        List<String> hashes = oneTime.parallelStream().map(passwords::hashGenerated).toList();

        List<ImportResult.Credential> credentials = new ArrayList<>();
        List<Object[]> audits = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int index = 0;
        for (ImportPlan.Row row : fresh.rows()) {
            switch (row.action()) {
                case NEW -> {
                    Person person = new Person(row.username(), row.fullName(), AccountType.STAFF);
                    person.setStaffCode(row.staffCode());
                    person.setPhone(row.phone());
                    person.setEmail(row.email());
                    for (ImportPlan.PostRef ref : row.posts()) {
                        person.addPost(unit(units, ref.unitId()), positions.get(ref.positionId()));
                    }
                    String oneTimePassword = oneTime.get(created);
                    person.setPasswordHash(hashes.get(created), true);
                    em.persist(person);
                    credentials.add(new ImportResult.Credential(row.staffCode(), row.fullName(), row.username(),
                            oneTimePassword));
                    audits.add(new Object[] {person, null});
                    created++;
                }
                case UPDATE -> {
                    Person person = em.find(Person.class, row.existingId());
                    Map<String, Object> before = person.snapshot();
                    person.setFullName(row.fullName());
                    person.setPhone(row.phone());
                    person.setEmail(row.email());
                    replacePostsInScope(actor, person, row.posts(), units, positions);
                    audits.add(new Object[] {person, before});
                    updated++;
                }
                default -> unchanged++;
            }
            progress.advance();
            if (++index % 500 == 0) {
                em.flush();
            }
        }
        em.flush();
        for (Object[] a : audits) {
            Person person = (Person) a[0];
            @SuppressWarnings("unchecked")
            Map<String, Object> before = (Map<String, Object>) a[1];
            audit.record(new AuditEvent(actor.personId(), actor.username(),
                    before == null ? "person.import.create" : "person.import.update", "person",
                    person.getId().toString(), person.getFullName(), person.getPosts().isEmpty() ? null
                    : person.getPosts().get(0).getUnit().getPath(), before, person.snapshot()));
        }
        long millis = System.currentTimeMillis() - start;
        audit.record(new AuditEvent(actor.personId(), actor.username(), "person.import", "import", null,
                plan.fileName(), null, null, Map.of("file", String.valueOf(plan.fileName()), "created", created,
                "updated", updated, "unchanged", unchanged)));
        LOG.info(() -> "Staff import of " + plan.fileName() + " by " + actor.username() + ": " + fresh.rows().size()
                + " rows in " + millis + " ms");
        return new ImportResult(created, updated, unchanged, millis, credentials);
    }

    private void replacePostsInScope(Actor actor, Person person, List<ImportPlan.PostRef> wanted,
                                     Map<Long, OrgUnit> units, Map<Long, JobPosition> positions) {
        Set<String> keep = wanted.stream().map(ImportPlan.PostRef::label).collect(Collectors.toSet());
        for (Post post : new ArrayList<>(person.getPosts())) {
            String label = post.getUnit().getCode() + "/" + post.getPosition().getCode();
            if (!keep.contains(label) && AccessPolicy.canUseUnit(actor, post.getUnit().getPath())) {
                person.removePost(post);
            }
        }
        for (ImportPlan.PostRef ref : wanted) {
            person.addPost(unit(units, ref.unitId()), positions.get(ref.positionId()));
        }
    }

    private OrgUnit unit(Map<Long, OrgUnit> cache, long id) {
        return cache.computeIfAbsent(id, organisation::get);
    }

    /** What the planner must know, read with a handful of queries whatever the size of the file. */
    private ImportPlanner.Lookups lookups(Actor actor, SheetReader.Sheet sheet) {
        Map<String, ImportPlanner.UnitRef> units = new HashMap<>();
        for (OrgUnit u : organisation.tree()) {
            units.put(u.getCode(), new ImportPlanner.UnitRef(u.getId(), u.getCode(), u.isActive(),
                    AccessPolicy.canUseUnit(actor, u.getPath())));
        }
        Map<String, Long> positions = new HashMap<>();
        organisation.positions().stream().filter(JobPosition::isActive).forEach(p -> positions.put(p.getCode(), p.getId()));

        Set<String> codes = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> usernames = new LinkedHashSet<>();
        collectKeys(sheet, codes, phones, usernames);

        Map<String, ImportPlanner.Existing> byCode = new HashMap<>();
        people.byKey("Person.findByStaffCodes", "codes", codes, p -> p.getStaffCode().toUpperCase(Locale.ROOT))
                .forEach((k, p) -> byCode.put(k, existing(actor, p)));
        Map<String, ImportPlanner.Existing> byPhone = new HashMap<>();
        people.byKey("Person.findByPhones", "phones", phones, Person::getPhone)
                .forEach((k, p) -> byPhone.put(k, existing(actor, p)));
        Map<String, ImportPlanner.Existing> byUsername = new HashMap<>();
        people.byKey("Person.findByUsernames", "usernames", usernames, Person::getUsername)
                .forEach((k, p) -> byUsername.put(k, existing(actor, p)));
        return new ImportPlanner.Lookups(units, positions, byCode, byPhone, byUsername);
    }

    private ImportPlanner.Existing existing(Actor actor, Person p) {
        Set<String> labels = p.getPosts().stream()
                .filter(post -> AccessPolicy.canUseUnit(actor, post.getUnit().getPath()))
                .map(post -> post.getUnit().getCode() + "/" + post.getPosition().getCode())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ImportPlanner.Existing(p.getId(), p.getStaffCode(), p.getUsername(), p.getFullName(), p.getPhone(),
                p.getEmail(), labels, peopleService.canManage(actor, p));
    }

    /** Staff codes, phones and usernames (given or derived) named in the file, to look up at once. */
    private static void collectKeys(SheetReader.Sheet sheet, Set<String> codes, Set<String> phones, Set<String> usernames) {
        if (sheet.rows().isEmpty()) {
            return;
        }
        List<ImportPlan.Problem> ignored = new ArrayList<>();
        Map<Column, Integer> columns = ImportPlanner.mapHeader(sheet.rows().get(0).cells(), ignored);
        for (SheetReader.Line line : sheet.rows().subList(1, sheet.rows().size())) {
            String code = value(line, columns.get(Column.STAFF_CODE));
            if (code != null) {
                codes.add(code);
                usernames.add(ImportPlanner.derivedUsername(code));
            }
            String phone = value(line, columns.get(Column.PHONE));
            if (phone != null) {
                vn.hoctap.shared.PhoneNumber.normalize(phone).ifPresent(phones::add);
            }
            String username = value(line, columns.get(Column.USERNAME));
            if (username != null) {
                usernames.add(username.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String value(SheetReader.Line line, Integer index) {
        if (index == null || index >= line.cells().size()) {
            return null;
        }
        String v = line.cells().get(index);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The database changed between preview and commit so that the file no longer goes in whole. */
    public static final class PlanChanged extends Exception {
        private final transient ImportPlan plan;

        PlanChanged(ImportPlan plan) {
            super("the import no longer fits the database");
            this.plan = plan;
        }

        public ImportPlan plan() {
            return plan;
        }
    }
}
