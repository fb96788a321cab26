package vn.hoctap.identity.staffimport;

import java.io.Serializable;
import java.util.List;

/**
 * What an import wrote. The one-time passwords of new accounts are kept only here, in memory, for
 * the officer to hand out; the database holds their hashes.
 */
public record ImportResult(int created, int updated, int unchanged, long millis, List<Credential> credentials)
        implements Serializable {

    public record Credential(String staffCode, String fullName, String username, String oneTimePassword)
            implements Serializable {
    }
}
