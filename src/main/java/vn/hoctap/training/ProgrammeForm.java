package vn.hoctap.training;

import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an officer fills in to create or change a programme. Units, positions and people are
 * given by code and username, as people know them; {@link ProgrammeService} resolves and checks them.
 */
public record ProgrammeForm(String code, String name, String description, String ownerUnitCode, List<String> courseCodes,
                            Integer requiredCount, LocalDate periodStart, LocalDate periodEnd, LocalDate deadline,
                            Integer recertMonths, List<LocalDate> reportDates, List<UnitChoice> units, List<String> positionCodes, Set<Role> roles,
                            Set<AccountType> accountTypes, List<UnitChoice> excludedUnits, List<String> excludedPositionCodes,
                            List<String> excludedUsernames) {

    /** A unit of the tree by code, with or without its sub-units. */
    public record UnitChoice(String code, boolean subunits) {
    }

    public ProgrammeForm {
        courseCodes = courseCodes == null ? List.of() : List.copyOf(courseCodes);
        // an unreadable date stays as null, for the service to report
        reportDates = reportDates == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(reportDates));
        units = units == null ? List.of() : List.copyOf(units);
        positionCodes = positionCodes == null ? List.of() : List.copyOf(positionCodes);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        accountTypes = accountTypes == null ? Set.of() : Set.copyOf(accountTypes);
        excludedUnits = excludedUnits == null ? List.of() : List.copyOf(excludedUnits);
        excludedPositionCodes = excludedPositionCodes == null ? List.of() : List.copyOf(excludedPositionCodes);
        excludedUsernames = excludedUsernames == null ? List.of() : List.copyOf(excludedUsernames);
    }
}
