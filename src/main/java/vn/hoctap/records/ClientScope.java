package vn.hoctap.records;

/**
 * What an xAPI client may do. Every client may keep State and profile documents (content needs
 * them to resume); reading statements is the part that differs.
 */
public enum ClientScope {
    /** Send statements; read none (e.g. a course package on a learner's phone). */
    WRITE_ONLY,
    /** Send statements and read back the ones it sent. */
    READ_MINE,
    /** Send and read all statements (reporting tools, another LRS, the conformance suite). */
    READ_ALL;

    public boolean readsAll() {
        return this == READ_ALL;
    }

    public boolean readsStatements() {
        return this != WRITE_ONLY;
    }
}
