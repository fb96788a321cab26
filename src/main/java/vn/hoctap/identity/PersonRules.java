package vn.hoctap.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.shared.PhoneNumber;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.ValidationFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules a person's details must meet, with every problem reported at once. */
@ApplicationScoped
public class PersonRules {

    /** Lower-case, starting with a letter: phone numbers stay distinguishable from usernames. */
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    static final Pattern STAFF_CODE = Pattern.compile("[\\p{L}0-9][\\p{L}0-9_.\\-/]{0,39}");

    @Inject
    PersonRepository people;

    /**
     * Normalises the form (trimmed, phone in national form, username lower case) and checks it,
     * also against the other accounts; {@code existing} is the person being edited, if any.
     */
    public PersonForm check(PersonForm form, Person existing) {
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        PersonForm clean = normalize(form, problems);
        if (problems.isEmpty()) {
            if (existing == null) {
                people.findByUsername(clean.username())
                        .ifPresent(p -> problems.add(new ValidationFailure.Problem("username", "person.error.usernameTaken", clean.username())));
            }
            if (clean.phone() != null) {
                people.findByPhone(clean.phone()).filter(p -> existing == null || !p.getId().equals(existing.getId()))
                        .ifPresent(p -> problems.add(new ValidationFailure.Problem("phone", "person.error.phoneTaken", clean.phone())));
            }
            if (clean.staffCode() != null) {
                people.findByStaffCode(clean.staffCode()).filter(p -> existing == null || !p.getId().equals(existing.getId()))
                        .ifPresent(p -> problems.add(new ValidationFailure.Problem("staffCode", "person.error.staffCodeTaken", clean.staffCode())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        return existing == null ? clean : new PersonForm(existing.getUsername(), clean.fullName(), clean.phone(),
                clean.email(), clean.staffCode(), existing.getAccountType(), clean.homeUnitId(), null, null);
    }

    /** The format rules alone, without the database: a cleaned form, problems added to the list. */
    static PersonForm normalize(PersonForm form, List<ValidationFailure.Problem> problems) {
        String username = form.username() == null ? null : form.username().trim().toLowerCase(Locale.ROOT);
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(new ValidationFailure.Problem("username", "person.error.username"));
        }
        String fullName = Text.clean(form.fullName());
        if (fullName == null || fullName.length() > 200 || !fullName.chars().anyMatch(Character::isLetter)) {
            problems.add(new ValidationFailure.Problem("fullName", "person.error.fullName"));
        }
        String phone = null;
        if (!Text.isBlank(form.phone())) {
            Optional<String> normalized = PhoneNumber.normalize(form.phone());
            if (normalized.isEmpty()) {
                problems.add(new ValidationFailure.Problem("phone", "person.error.phone", form.phone().trim()));
            } else {
                phone = normalized.get();
            }
        }
        String email = Text.clean(form.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new ValidationFailure.Problem("email", "person.error.email", email));
        }
        String staffCode = Text.clean(form.staffCode());
        if (staffCode != null && !STAFF_CODE.matcher(staffCode).matches()) {
            problems.add(new ValidationFailure.Problem("staffCode", "person.error.staffCode", staffCode));
        }
        AccountType type = form.type() == null ? AccountType.STAFF : form.type();
        if (type == AccountType.RESIDENT && Text.isBlank(form.phone())) {
            problems.add(new ValidationFailure.Problem("phone", "person.error.phoneRequired"));
        }
        return new PersonForm(username, fullName, phone, email == null ? null : email.toLowerCase(Locale.ROOT),
                staffCode, type, form.homeUnitId(), form.unitId(), form.positionId());
    }
}
