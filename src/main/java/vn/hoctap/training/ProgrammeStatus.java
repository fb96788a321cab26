package vn.hoctap.training;

/** A programme is drafted, then published (people are assigned), then closed (figures stay, nobody new is assigned). */
public enum ProgrammeStatus {
    DRAFT,
    PUBLISHED,
    CLOSED;

    public String messageKey() {
        return "training.programmeStatus." + name();
    }
}
