package vn.hoctap.library;

/**
 * The licence a material is shared under. The open ones let every course and centre reuse it;
 * "all rights reserved" keeps it to this platform, owned by the agency named in the attribution.
 */
public enum Licence {
    CC_BY("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.vi"),
    CC_BY_SA("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.vi"),
    CC0("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.vi"),
    ALL_RIGHTS_RESERVED(null, null);

    private final String label;
    private final String url;

    Licence(String label, String url) {
        this.label = label;
        this.url = url;
    }

    public String label() {
        return label;
    }

    public String url() {
        return url;
    }

    public boolean isOpen() {
        return this != ALL_RIGHTS_RESERVED;
    }

    public String messageKey() {
        return "library.licence." + name();
    }
}
