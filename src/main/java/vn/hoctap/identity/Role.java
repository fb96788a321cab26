package vn.hoctap.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a person may do, always held over a node of the organisation tree (a {@link RoleGrant}).
 * Everyone signed in is a learner; the other roles are granted.
 */
public enum Role {
    LEARNER,
    AUTHOR,
    REVIEWER,
    CENTRE_STAFF,
    AGENCY_OFFICER,
    WARD_OFFICER,
    ADMIN;

    /** Roles that manage people under their scope. */
    public static final Set<Role> PEOPLE_MANAGERS = EnumSet.of(ADMIN, AGENCY_OFFICER, WARD_OFFICER);

    /** The group name seen by Jakarta Security and web.xml ({@code agency_officer}). */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kinds of node this role may be held over. */
    public Set<OrgUnitKind> scopeKinds() {
        return switch (this) {
            case ADMIN, LEARNER, AUTHOR, REVIEWER -> EnumSet.allOf(OrgUnitKind.class);
            case AGENCY_OFFICER -> EnumSet.of(OrgUnitKind.PROVINCE, OrgUnitKind.AGENCY, OrgUnitKind.UNIT);
            case WARD_OFFICER -> EnumSet.of(OrgUnitKind.PROVINCE, OrgUnitKind.COMMUNE, OrgUnitKind.WARD);
            case CENTRE_STAFF -> EnumSet.of(OrgUnitKind.COMMUNE, OrgUnitKind.WARD, OrgUnitKind.CENTRE);
        };
    }

    /** The roles someone holding this role may give to others, inside their own scope. */
    public Set<Role> grantable() {
        return switch (this) {
            case ADMIN -> EnumSet.complementOf(EnumSet.of(LEARNER));
            case AGENCY_OFFICER -> EnumSet.of(AUTHOR, REVIEWER, AGENCY_OFFICER);
            case WARD_OFFICER -> EnumSet.of(CENTRE_STAFF, WARD_OFFICER, AUTHOR);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    public String messageKey() {
        return "role." + name();
    }
}
