package vn.hoctap.identity;

/** Public staff (imported or created by an officer) or a resident who registered with a phone. */
public enum AccountType {
    STAFF,
    RESIDENT;

    public String messageKey() {
        return "person.type." + name();
    }
}
