package vn.hoctap.training;

import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Role;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a programme is for, built from the organisation tree: units (each with or without its
 * sub-units), positions, roles and account types, with excluded units, positions and people.
 *
 * <p>The unit and position conditions hold for one place at a time: "heads of division in agency
 * A" matches a person whose post in A is head of division, not a clerk in A who heads something
 * elsewhere. An excluded unit removes the places inside it, so someone with a concurrent post
 * outside the excluded unit still matches through that post. Empty lists mean "any". Only
 * enabled accounts match. A person matches once, through their best place (main post first).
 */
public record AudienceRule(List<UnitRef> units, Set<Long> positions, Set<Role> roles, Set<AccountType> accountTypes,
                           List<UnitRef> excludedUnits, Set<Long> excludedPositions, Set<Long> excludedPeople) {

    /** A unit of the tree (its path, such as {@code /1/4/}), alone or with everything beneath it. */
    public record UnitRef(long id, String path, boolean subunits) {

        boolean contains(Member.Place place) {
            return place.unitId() == id || subunits && place.unitPath() != null && place.unitPath().startsWith(path);
        }
    }

    public AudienceRule {
        units = List.copyOf(units);
        positions = Set.copyOf(positions);
        roles = Set.copyOf(roles);
        accountTypes = Set.copyOf(accountTypes);
        excludedUnits = List.copyOf(excludedUnits);
        excludedPositions = Set.copyOf(excludedPositions);
        excludedPeople = Set.copyOf(excludedPeople);
    }

    /** Everyone on staff under one unit and its sub-units. */
    public static AudienceRule staffOf(UnitRef unit) {
        return new AudienceRule(List.of(unit), Set.of(), Set.of(), Set.of(AccountType.STAFF), List.of(), Set.of(), Set.of());
    }

    /** The place through which the person matches (main post, then other posts, then home unit), or empty. */
    public Optional<Member.Place> match(Member m) {
        if (!m.enabled() || excludedPeople.contains(m.personId())
                || !accountTypes.isEmpty() && !accountTypes.contains(m.type())
                || !roles.isEmpty() && m.roles().stream().noneMatch(roles::contains)) {
            return Optional.empty();
        }
        return m.places().stream().filter(this::admits)
                .min(Comparator.comparing((Member.Place p) -> !p.main()).thenComparing(p -> !p.isPost()));
    }

    private boolean admits(Member.Place place) {
        if (!units.isEmpty() && units.stream().noneMatch(u -> u.contains(place))) {
            return false;
        }
        if (excludedUnits.stream().anyMatch(u -> u.contains(place))) {
            return false;
        }
        if (!positions.isEmpty() && (place.positionId() == null || !positions.contains(place.positionId()))) {
            return false;
        }
        return place.positionId() == null || !excludedPositions.contains(place.positionId());
    }

    /** Whether every unit the rule names lies under {@code ownerPath} (an agency's programme stays in the agency). */
    public boolean within(String ownerPath) {
        return !units.isEmpty() && units.stream().allMatch(u -> u.path().startsWith(ownerPath));
    }
}
