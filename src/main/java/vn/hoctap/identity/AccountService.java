package vn.hoctap.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.security.Passwords;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What people do with their own account: register as a resident, change their password. */
@ApplicationScoped
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonRepository people;

    @Inject
    PersonRules rules;

    @Inject
    OrganisationService organisation;

    @Inject
    Passwords passwords;

    @Inject
    AuditService audit;

    /**
     * A resident registers with their phone number (which becomes their username too), a password
     * and the commune or ward where they live.
     */
    @Transactional
    public Person registerResident(String fullName, String phone, String email, String password, Long homeUnitId) {
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        OrgUnit home = homeUnitId == null ? null : em.find(OrgUnit.class, homeUnitId);
        if (home == null || !home.getKind().isLocality() || !home.isActive()) {
            problems.add(new ValidationFailure.Problem("homeUnit", "register.error.locality"));
        }
        Optional<String> weak = Passwords.weakness(password, phone);
        weak.ifPresent(key -> problems.add(new ValidationFailure.Problem("password", key)));
        String normalizedPhone = vn.hoctap.shared.PhoneNumber.normalize(phone).orElse(null);
        String username = normalizedPhone == null ? null : "u" + normalizedPhone;
        PersonForm form;
        try {
            form = rules.check(new PersonForm(username, fullName, phone, email, null, AccountType.RESIDENT,
                    homeUnitId, null, null), null);
        } catch (ValidationFailure e) {
            problems.addAll(e.problems().stream()
                    .filter(p -> !p.field().equals("username"))
                    .toList());
            throw new ValidationFailure(problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        Person person = new Person(form.username(), form.fullName(), AccountType.RESIDENT);
        person.setPhone(form.phone());
        person.setEmail(form.email());
        person.setHomeUnit(home);
        person.setPasswordHash(passwords.hash(password), false);
        em.persist(person);
        em.flush();
        audit.record(new AuditEvent(person.getId(), person.getUsername(), "person.register", "person",
                person.getId().toString(), person.getFullName(), home.getPath(), null, person.snapshot()));
        return person;
    }

    @Transactional
    public void changePassword(String username, String current, String chosen) {
        Person person = people.findByUsername(username).orElseThrow(() -> new NotFoundException(username));
        if (!passwords.verify(current == null ? "" : current, person.getPasswordHash())) {
            throw new ValidationFailure("current", "password.wrongCurrent");
        }
        Optional<String> weak = Passwords.weakness(chosen, person.getUsername(), person.getPhone());
        if (weak.isPresent()) {
            throw new ValidationFailure("chosen", weak.get());
        }
        if (chosen.equals(current)) {
            throw new ValidationFailure("chosen", "password.same");
        }
        person.setPasswordHash(passwords.hash(chosen), false);
        audit.record(new AuditEvent(person.getId(), person.getUsername(), "person.password.change", "person",
                person.getId().toString(), person.getFullName(), PeopleService.scopePath(person), null, null));
    }

    public Optional<Person> findByUsername(String username) {
        return people.findByUsername(username);
    }
}
