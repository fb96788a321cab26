package vn.hoctap.training.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.training.Compliance;
import vn.hoctap.training.ComplianceService;

import java.util.List;

/** "What I still owe, by when" on the learner's home page: their mandatory programmes and the courses in each. */
@Named
@RequestScoped
public class ObligationsView {


    @Inject
    ComplianceService compliance;

    @Inject
    CurrentActor currentActor;

    private List<Compliance.Obligation> obligations;

    public List<Compliance.Obligation> getObligations() {
        if (obligations == null) {
            obligations = compliance.obligations(currentActor.require().personId());
        }
        return obligations;
    }

    /** "3 of 5 courses done · by 30/11/2026 (12 days left)", in the reader's language. */
    public String due(Compliance.Obligation o) {
        String progress = FacesMessages.text("me.owed.progress", o.coursesDone(), o.required());
        String deadline = vn.hoctap.shared.Times.day(o.deadline());
        if (o.status().isDone()) {
            return progress;
        }
        if (o.daysLeft() < 0) {
            return progress + " · " + FacesMessages.text("me.owed.overdue", deadline, -o.daysLeft());
        }
        return progress + " · " + FacesMessages.text("me.owed.due", deadline, o.daysLeft());
    }
}
