package vn.hoctap.library;

/** Who a material is meant for. */
public enum Audience {
    CIVIL_SERVANTS, COMMUNITY, EVERYONE;

    public String messageKey() {
        return "library.audience." + name();
    }
}
