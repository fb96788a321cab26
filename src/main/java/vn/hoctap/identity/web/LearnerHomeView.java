package vn.hoctap.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.AccountService;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.Person;

/** The learner's home: what they owe, what they are learning, their record, their account. */
@Named
@RequestScoped
public class LearnerHomeView {

    @Inject
    CurrentActor currentActor;

    @Inject
    AccountService accounts;

    private Person person;

    public Person getPerson() {
        if (person == null) {
            person = accounts.findByUsername(currentActor.require().username()).orElseThrow();
        }
        return person;
    }

    public String getFirstName() {
        String name = getPerson().getFullName();
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1);
    }
}
