package vn.hoctap.training;

import org.junit.jupiter.api.Test;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audience rules of mandatory programmes, on a small tree: province /1/, agency /1/4/, its units /1/4/7/ and /1/4/8/. */
class AudienceRuleTest {

    static final AudienceRule.UnitRef AGENCY = new AudienceRule.UnitRef(4, "/1/4/", true);
    static final AudienceRule.UnitRef AGENCY_ONLY = new AudienceRule.UnitRef(4, "/1/4/", false);
    static final AudienceRule.UnitRef CENTRE = new AudienceRule.UnitRef(8, "/1/4/8/", true);
    static final long CLERK = 100;
    static final long HEAD = 101;

    static Member.Place post(long unit, String path, long position, boolean main) {
        return new Member.Place(unit, path, position, main);
    }

    static Member staff(long id, Member.Place... places) {
        return new Member(id, AccountType.STAFF, true, Set.of(), List.of(places));
    }

    static AudienceRule rule(List<AudienceRule.UnitRef> units, Set<Long> positions, List<AudienceRule.UnitRef> excluded) {
        return new AudienceRule(units, positions, Set.of(), Set.of(AccountType.STAFF), excluded, Set.of(), Set.of());
    }

    @Test
    void subUnitsAreIncludedOnlyWhenAsked() {
        Member inUnit = staff(1, post(7, "/1/4/7/", CLERK, true));
        Member inAgencyOffice = staff(2, post(4, "/1/4/", CLERK, true));
        assertTrue(AudienceRule.staffOf(AGENCY).match(inUnit).isPresent());
        assertTrue(AudienceRule.staffOf(AGENCY).match(inAgencyOffice).isPresent());
        assertFalse(AudienceRule.staffOf(AGENCY_ONLY).match(inUnit).isPresent());
        assertTrue(AudienceRule.staffOf(AGENCY_ONLY).match(inAgencyOffice).isPresent());
        // a unit whose path merely begins with the same digits is not inside: /1/41/ is not under /1/4/
        assertFalse(AudienceRule.staffOf(AGENCY).match(staff(3, post(41, "/1/41/", CLERK, true))).isPresent());
    }

    @Test
    void anExcludedUnitRemovesOnlyThePlacesInsideIt() {
        AudienceRule r = rule(List.of(AGENCY), Set.of(), List.of(CENTRE));
        assertFalse(r.match(staff(1, post(8, "/1/4/8/", CLERK, true))).isPresent());
        assertFalse(r.match(staff(1, post(9, "/1/4/8/9/", CLERK, true))).isPresent(), "sub-unit of the excluded centre");
        Optional<Member.Place> viaOther = r.match(staff(2, post(8, "/1/4/8/", CLERK, true), post(7, "/1/4/7/", CLERK, false)));
        assertEquals(7, viaOther.orElseThrow().unitId(), "a concurrent post outside the exclusion still counts");
    }

    @Test
    void unitAndPositionMustHoldForTheSamePost() {
        AudienceRule heads = rule(List.of(CENTRE), Set.of(HEAD), List.of());
        Member clerkHereHeadElsewhere = staff(1, post(8, "/1/4/8/", CLERK, true), post(12, "/1/12/", HEAD, false));
        assertFalse(heads.match(clerkHereHeadElsewhere).isPresent());
        assertTrue(heads.match(staff(2, post(8, "/1/4/8/", HEAD, false))).isPresent());
    }

    @Test
    void concurrentPostsMatchOnceThroughTheMainPost() {
        Member twoPosts = staff(1, post(7, "/1/4/7/", CLERK, false), post(8, "/1/4/8/", HEAD, true));
        assertEquals(8, AudienceRule.staffOf(AGENCY).match(twoPosts).orElseThrow().unitId());
    }

    @Test
    void excludedPositionsPeopleTypesRolesAndDisabledAccounts() {
        Member clerk = staff(1, post(7, "/1/4/7/", CLERK, true));
        AudienceRule noClerks = new AudienceRule(List.of(AGENCY), Set.of(), Set.of(), Set.of(), List.of(), Set.of(CLERK), Set.of());
        assertFalse(noClerks.match(clerk).isPresent());
        AudienceRule notHer = new AudienceRule(List.of(AGENCY), Set.of(), Set.of(), Set.of(), List.of(), Set.of(), Set.of(1L));
        assertFalse(notHer.match(clerk).isPresent());
        assertTrue(notHer.match(staff(2, post(7, "/1/4/7/", CLERK, true))).isPresent());

        Member resident = new Member(3, AccountType.RESIDENT, true, Set.of(), List.of(new Member.Place(4, "/1/4/", null, false)));
        assertFalse(AudienceRule.staffOf(AGENCY).match(resident).isPresent());
        Member disabled = new Member(4, AccountType.STAFF, false, Set.of(), List.of(post(7, "/1/4/7/", CLERK, true)));
        assertFalse(AudienceRule.staffOf(AGENCY).match(disabled).isPresent());

        AudienceRule authors = new AudienceRule(List.of(AGENCY), Set.of(), Set.of(Role.AUTHOR), Set.of(), List.of(), Set.of(), Set.of());
        assertFalse(authors.match(clerk).isPresent());
        assertTrue(authors.match(new Member(5, AccountType.STAFF, true, Set.of(Role.AUTHOR), clerk.places())).isPresent());
    }

    @Test
    void aMoveChangesTheMatch() {
        AudienceRule centreOnly = rule(List.of(CENTRE), Set.of(), List.of());
        Member before = staff(1, post(7, "/1/4/7/", CLERK, true));
        Member after = staff(1, post(8, "/1/4/8/", CLERK, true));
        assertFalse(centreOnly.match(before).isPresent());
        assertTrue(centreOnly.match(after).isPresent());
    }

    @Test
    void aPositionRuleNeedsAPostNotAHomeCommune() {
        Member villager = new Member(1, AccountType.STAFF, true, Set.of(), List.of(new Member.Place(4, "/1/4/", null, false)));
        assertTrue(AudienceRule.staffOf(AGENCY).match(villager).isPresent());
        assertFalse(rule(List.of(AGENCY), Set.of(HEAD), List.of()).match(villager).isPresent());
    }

    @Test
    void anAgencyProgrammeStaysInsideTheAgency() {
        assertTrue(AudienceRule.staffOf(CENTRE).within("/1/4/"));
        assertFalse(AudienceRule.staffOf(new AudienceRule.UnitRef(12, "/1/12/", true)).within("/1/4/"));
        assertFalse(new AudienceRule(List.of(), Set.of(), Set.of(), Set.of(), List.of(), Set.of(), Set.of()).within("/1/4/"),
                "no units means the whole province");
    }
}
