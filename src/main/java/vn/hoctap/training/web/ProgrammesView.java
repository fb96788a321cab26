package vn.hoctap.training.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.Role;
import vn.hoctap.training.Compliance;
import vn.hoctap.training.ComplianceService;
import vn.hoctap.training.Programme;
import vn.hoctap.training.ProgrammeService;

import java.util.List;

/** The programmes an officer can see ({@code /admin/programmes.xhtml}), each with its figures in the officer's part of the tree. */
@Named
@RequestScoped
public class ProgrammesView {

    @Inject
    ProgrammeService programmes;

    @Inject
    ComplianceService compliance;

    @Inject
    CurrentActor currentActor;

    /** A programme with the totals the officer may see. */
    public record Item(Programme programme, Compliance.Counts counts, boolean owned) {
    }

    private List<Item> items;

    public List<Item> getItems() {
        if (items == null) {
            Actor actor = currentActor.require();
            var totals = compliance.totals(actor);
            items = programmes.visible(actor).stream()
                    .map(p -> new Item(p, totals.getOrDefault(p.id(), Compliance.Counts.ZERO), ProgrammeService.owns(actor, p)))
                    .toList();
        }
        return items;
    }

    /** Administrators and agency officers create programmes (for their scope). */
    public boolean isCanCreate() {
        Actor actor = currentActor.require();
        return actor.has(Role.ADMIN) || actor.has(Role.AGENCY_OFFICER);
    }
}
