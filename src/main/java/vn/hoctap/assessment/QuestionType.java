package vn.hoctap.assessment;

/** The kinds of question a bank holds. */
public enum QuestionType {
    /** One correct option. */
    SINGLE,
    /** Several correct options; scores only when all and only those are chosen. */
    MULTIPLE,
    /** A statement that is true or false. */
    TRUEFALSE,
    /** A typed answer, compared without regard to case, spacing, punctuation and diacritics. */
    SHORT,
    /** Each left item is matched to one right item; scores only when every match is right. */
    MATCHING;

    public String messageKey() {
        return "quiz.type." + name();
    }
}
