package vn.hoctap.records.xapi;

import java.util.regex.Pattern;

/**
 * The two xAPI versions the store speaks: 2.0 (IEEE 9274.1.1-2023) and, for older content, 1.0.3.
 * A client names its version in the {@code X-Experience-API-Version} header; the answer carries the
 * newest patch of the same line, and the rules of that line apply to its statements.
 */
public enum XapiVersion {
    V1_0_3("1.0.3", "1.0.0"),
    V2_0_0("2.0.0", "2.0.0");

    public static final String HEADER = "X-Experience-API-Version";

    private static final Pattern V1 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern V2 = Pattern.compile("2\\.0(\\.\\d+)?");

    private final String header;
    private final String statementVersion;

    XapiVersion(String header, String statementVersion) {
        this.header = header;
        this.statementVersion = statementVersion;
    }

    /** The version a client asked for; 400 when it is missing or one this store does not speak. */
    public static XapiVersion fromHeader(String value) {
        if (value == null || value.isBlank()) {
            throw XapiException.badRequest("The X-Experience-API-Version header is required");
        }
        String v = value.trim();
        if (V2.matcher(v).matches()) {
            return V2_0_0;
        }
        if (V1.matcher(v).matches()) {
            return V1_0_3;
        }
        throw XapiException.badRequest("xAPI version " + v + " is not supported; use 2.0.0 or 1.0.3");
    }

    /** The value of the version header on answers to this client. */
    public String header() {
        return header;
    }

    /** The {@code version} property a statement gets when it arrives without one. */
    public String statementVersion() {
        return statementVersion;
    }

    /** Whether a statement's own {@code version} property is one this line accepts. */
    public boolean acceptsStatementVersion(String version) {
        if (this == V1_0_3) {
            return V1.matcher(version).matches();
        }
        return V1.matcher(version).matches() || V2.matcher(version).matches();
    }
}
