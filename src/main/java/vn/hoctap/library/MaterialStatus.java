package vn.hoctap.library;

/**
 * The review workflow: an author's draft is submitted, then published by a reviewer or returned
 * with a comment. Only published materials are visible to learners.
 */
public enum MaterialStatus {
    DRAFT, SUBMITTED, PUBLISHED, RETURNED;

    public String messageKey() {
        return "library.status." + name();
    }
}
