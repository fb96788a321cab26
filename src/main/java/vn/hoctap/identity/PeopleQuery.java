package vn.hoctap.identity;

/** Filters for the people list; null means "any". {@code unitPath} narrows to a subtree. */
public record PeopleQuery(String text, String unitPath, Role role, AccountType type, Boolean enabled, Sort sort) {

    public enum Sort { NAME, NAME_DESC, USERNAME, NEWEST }

    public static PeopleQuery all() {
        return new PeopleQuery(null, null, null, null, null, Sort.NAME);
    }
}
