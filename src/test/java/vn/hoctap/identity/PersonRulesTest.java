package vn.hoctap.identity;

import org.junit.jupiter.api.Test;
import vn.hoctap.shared.ValidationFailure;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonRulesTest {

    private static List<String> problems(PersonForm form) {
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        PersonRules.normalize(form, problems);
        return problems.stream().map(ValidationFailure.Problem::key).toList();
    }

    @Test
    void aGoodFormIsCleaned() {
        List<ValidationFailure.Problem> problems = new ArrayList<>();
        PersonForm clean = PersonRules.normalize(new PersonForm(" LoThiBinh ", "  Lò   Thị Bình ", "+84 912 345 678",
                "Binh@Example.VN", "SNV-0007", null, null, null, null), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals("lothibinh", clean.username());
        assertEquals("Lò Thị Bình", clean.fullName());
        assertEquals("0912345678", clean.phone());
        assertEquals("binh@example.vn", clean.email());
        assertEquals(AccountType.STAFF, clean.type());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> keys = problems(new PersonForm("1abc", " ", "12345", "not-an-email", "bad code!", null, null, null, null));
        assertEquals(List.of("person.error.username", "person.error.fullName", "person.error.phone",
                "person.error.email", "person.error.staffCode"), keys);
    }

    @Test
    void residentsNeedAPhone() {
        assertEquals(List.of("person.error.phoneRequired"),
                problems(new PersonForm("u0912345678", "Lò Văn A", null, null, null, AccountType.RESIDENT, null, null, null)));
    }
}
