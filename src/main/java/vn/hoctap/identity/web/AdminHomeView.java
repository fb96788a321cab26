package vn.hoctap.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.PeopleQuery;
import vn.hoctap.identity.PeopleService;

import java.util.List;

/** The staff overview: how many people the officer manages, and where their scope lies. */
@Named
@RequestScoped
public class AdminHomeView {

    @Inject
    CurrentActor currentActor;

    @Inject
    PeopleService people;

    @Inject
    OrganisationService organisation;

    public long getPeople() {
        return people.count(actor(), PeopleQuery.all());
    }

    public long getStaff() {
        return people.count(actor(), new PeopleQuery(null, null, null, AccountType.STAFF, null, null));
    }

    public long getResidents() {
        return people.count(actor(), new PeopleQuery(null, null, null, AccountType.RESIDENT, null, null));
    }

    public long getDisabled() {
        return people.count(actor(), new PeopleQuery(null, null, null, null, false, null));
    }

    /** The nodes of the tree the officer's roles reach. */
    public List<OrgUnit> getScopes() {
        List<String> paths = AccessPolicy.peopleScopes(actor());
        return organisation.tree().stream().filter(u -> paths.contains(u.getPath())).toList();
    }

    public List<Actor.Grant> getGrants() {
        return actor().grants();
    }

    public String scopeName(Actor.Grant grant) {
        return organisation.get(grant.scopeId()).getName();
    }

    private Actor actor() {
        return currentActor.require();
    }
}
