package vn.hoctap.identity;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of node in the province's organisation tree, and which may sit under which. */
public enum OrgUnitKind {
    PROVINCE,
    /** Sở, ban, ngành: a provincial agency. */
    AGENCY,
    /** Phòng, chi cục, trung tâm …: a unit of an agency (units may nest). */
    UNIT,
    /** Xã. */
    COMMUNE,
    /** Phường. */
    WARD,
    /** Trung tâm học tập cộng đồng: a community learning centre, under a commune or ward. */
    CENTRE;

    public Set<OrgUnitKind> allowedChildren() {
        return switch (this) {
            case PROVINCE -> EnumSet.of(AGENCY, COMMUNE, WARD);
            case AGENCY, UNIT -> EnumSet.of(UNIT);
            case COMMUNE, WARD -> EnumSet.of(CENTRE, UNIT);
            case CENTRE -> EnumSet.noneOf(OrgUnitKind.class);
        };
    }

    /** Communes and wards: where residents live, with a population for the learning-city indicators. */
    public boolean isLocality() {
        return this == COMMUNE || this == WARD;
    }

    public String messageKey() {
        return "org.kind." + name();
    }
}
