package vn.hoctap.records;

import java.util.Set;

/**
 * Fired in the transaction that stored statements, naming the people whose learning summary just
 * changed (whoever sent the statements). Observe it {@code during = AFTER_SUCCESS} to act on
 * committed records only.
 */
public record RecordsChanged(Set<Long> personIds) {

    public RecordsChanged {
        personIds = Set.copyOf(personIds);
    }
}
