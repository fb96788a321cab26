package vn.hoctap.identity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scoping rules on a small tree: province /1/, agency A /1/2/ with unit /1/2/5/, agency B
 * /1/3/, ward W /1/4/ with centre /1/4/6/.
 */
class AccessPolicyTest {

    static final String PROVINCE = "/1/";
    static final String AGENCY_A = "/1/2/";
    static final String UNIT_A = "/1/2/5/";
    static final String AGENCY_B = "/1/3/";
    static final String WARD = "/1/4/";
    static final String CENTRE = "/1/4/6/";

    static Actor actor(Actor.Grant... grants) {
        return new Actor(99L, "someone", "Someone", List.of(grants));
    }

    static Actor.Grant grant(Role role, String path, OrgUnitKind kind) {
        return new Actor.Grant(role, Long.parseLong(path.replaceAll(".*/(\\d+)/$", "$1")), path, kind);
    }

    final Actor officerA = actor(grant(Role.AGENCY_OFFICER, AGENCY_A, OrgUnitKind.AGENCY));
    final Actor admin = actor(grant(Role.ADMIN, PROVINCE, OrgUnitKind.PROVINCE));
    final Actor wardOfficer = actor(grant(Role.WARD_OFFICER, WARD, OrgUnitKind.WARD));
    final Actor learner = actor();

    @Test
    void anOfficerManagesPeopleInTheirAgencyAndItsUnitsOnly() {
        assertTrue(AccessPolicy.canManage(officerA, List.of(UNIT_A), List.of()));
        assertTrue(AccessPolicy.canManage(officerA, List.of(AGENCY_A), List.of()));
        assertFalse(AccessPolicy.canManage(officerA, List.of(AGENCY_B), List.of()));
        assertFalse(AccessPolicy.canManage(officerA, List.of(WARD), List.of()));
    }

    @Test
    void aPathPrefixIsNotASubtree() {
        // /1/2/ must not reach /1/20/: paths end with a slash for this reason.
        assertFalse(AccessPolicy.canManage(officerA, List.of("/1/20/"), List.of()));
    }

    @Test
    void someoneWithAConcurrentPostInTheAgencyIsManageable() {
        assertTrue(AccessPolicy.canManage(officerA, List.of(AGENCY_B, UNIT_A), List.of()));
    }

    @Test
    void peopleWhoBelongNowhereAreManagedOnlyFromTheRoot() {
        assertFalse(AccessPolicy.canManage(officerA, List.of(), List.of()));
        assertTrue(AccessPolicy.canManage(admin, List.of(), List.of()));
    }

    @Test
    void nobodyManagesSomeoneMorePowerful() {
        Actor.Grant provinceAdmin = grant(Role.ADMIN, PROVINCE, OrgUnitKind.PROVINCE);
        assertFalse(AccessPolicy.canManage(officerA, List.of(UNIT_A), List.of(provinceAdmin)));
        Actor.Grant adminOfA = grant(Role.ADMIN, AGENCY_A, OrgUnitKind.AGENCY);
        assertFalse(AccessPolicy.canManage(officerA, List.of(UNIT_A), List.of(adminOfA)), "officers do not manage admins");
        Actor.Grant otherOfficerInA = grant(Role.AGENCY_OFFICER, UNIT_A, OrgUnitKind.UNIT);
        assertTrue(AccessPolicy.canManage(officerA, List.of(UNIT_A), List.of(otherOfficerInA)));
        Actor.Grant officerOfB = grant(Role.AGENCY_OFFICER, AGENCY_B, OrgUnitKind.AGENCY);
        assertFalse(AccessPolicy.canManage(officerA, List.of(UNIT_A), List.of(officerOfB)));
        assertTrue(AccessPolicy.canManage(admin, List.of(UNIT_A), List.of(provinceAdmin)));
    }

    @Test
    void learnersManageNobody() {
        assertFalse(AccessPolicy.canManage(learner, List.of(UNIT_A), List.of()));
        assertEquals(List.of(), AccessPolicy.peopleScopes(learner));
        assertFalse(AccessPolicy.managesEverywhere(learner));
    }

    @Test
    void wardOfficersManageResidentsOfTheirWard() {
        assertTrue(AccessPolicy.canManage(wardOfficer, List.of(WARD), List.of()));
        assertTrue(AccessPolicy.canManage(wardOfficer, List.of(CENTRE), List.of()));
        assertFalse(AccessPolicy.canManage(wardOfficer, List.of(UNIT_A), List.of()));
    }

    @Test
    void grantingStaysInsideTheGrantersScopeAndRoleList() {
        assertTrue(AccessPolicy.canGrant(officerA, Role.AUTHOR, UNIT_A, OrgUnitKind.UNIT));
        assertFalse(AccessPolicy.canGrant(officerA, Role.AUTHOR, AGENCY_B, OrgUnitKind.AGENCY), "outside scope");
        assertFalse(AccessPolicy.canGrant(officerA, Role.ADMIN, UNIT_A, OrgUnitKind.UNIT), "officers cannot make admins");
        assertFalse(AccessPolicy.canGrant(officerA, Role.WARD_OFFICER, UNIT_A, OrgUnitKind.UNIT), "wrong kind of scope");
        assertTrue(AccessPolicy.canGrant(admin, Role.ADMIN, AGENCY_B, OrgUnitKind.AGENCY));
        assertTrue(AccessPolicy.canGrant(wardOfficer, Role.CENTRE_STAFF, CENTRE, OrgUnitKind.CENTRE));
        assertFalse(AccessPolicy.canGrant(learner, Role.AUTHOR, UNIT_A, OrgUnitKind.UNIT));
    }

    @Test
    void onlyAdministratorsEditTheOrganisationAndOnlyUnderTheirNode() {
        assertFalse(AccessPolicy.canEditOrganisation(officerA, UNIT_A));
        Actor adminOfA = actor(grant(Role.ADMIN, AGENCY_A, OrgUnitKind.AGENCY));
        assertTrue(AccessPolicy.canEditOrganisation(adminOfA, UNIT_A));
        assertFalse(AccessPolicy.canEditOrganisation(adminOfA, AGENCY_B));
        assertFalse(AccessPolicy.isProvinceAdmin(adminOfA));
        assertTrue(AccessPolicy.isProvinceAdmin(admin));
    }

    @Test
    void overlappingScopesCollapseToTheWidest() {
        Actor both = actor(grant(Role.AGENCY_OFFICER, AGENCY_A, OrgUnitKind.AGENCY),
                grant(Role.AGENCY_OFFICER, UNIT_A, OrgUnitKind.UNIT), grant(Role.WARD_OFFICER, WARD, OrgUnitKind.WARD));
        assertEquals(List.of(AGENCY_A, WARD), AccessPolicy.peopleScopes(both));
    }

    @Test
    void theSystemActorReachesEverything() {
        assertTrue(AccessPolicy.managesEverywhere(Actor.system()));
        assertTrue(AccessPolicy.canEditOrganisation(Actor.system(), CENTRE));
    }
}
