package vn.hoctap.platform.notify;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A notice to one person. {@code dedupKey} names it uniquely (a reminder for this programme, this
 * person and this step): the same notice is never created twice. Subject and body are bundle keys
 * with their arguments, said in the reader's language (e-mail in Vietnamese).
 */
public record Notice(long personId, String kind, String dedupKey, String subjectKey, String bodyKey, List<String> args,
                     String link) {

    public Notice {
        args = List.copyOf(args);
    }

    /** A notice as stored, for the person's list. */
    public record Stored(long id, String kind, String subjectKey, String bodyKey, List<String> args, String link,
                         LocalDateTime createdAt, LocalDateTime readAt) {

        public boolean isUnread() {
            return readAt == null;
        }
    }
}
