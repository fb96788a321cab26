package vn.hoctap.records;

/**
 * The IRIs the platform writes into statements. Verbs come from the ADL vocabulary wherever one
 * fits; what the platform needs beyond it lives under {@link #NS}, documented in the README
 * ("Learning records"). Activities of the platform itself get IRIs under its public address.
 */
public final class Vocabulary {

    /** Our own vocabulary: stable across installations, unlike the platform's address. */
    public static final String NS = "https://w3id.org/hoctap/xapi/";

    public static final String ADL_VERBS = "http://adlnet.gov/expapi/verbs/";
    public static final String ATTEMPTED = ADL_VERBS + "attempted";
    public static final String ATTENDED = ADL_VERBS + "attended";
    public static final String COMPLETED = ADL_VERBS + "completed";
    public static final String EXPERIENCED = ADL_VERBS + "experienced";
    public static final String FAILED = ADL_VERBS + "failed";
    public static final String PASSED = ADL_VERBS + "passed";
    public static final String REGISTERED = ADL_VERBS + "registered";
    public static final String SCORED = ADL_VERBS + "scored";
    public static final String TERMINATED = ADL_VERBS + "terminated";
    public static final String EXITED = ADL_VERBS + "exited";
    public static final String SUSPENDED = ADL_VERBS + "suspended";
    public static final String VOIDED = ADL_VERBS + "voided";
    /** A certificate was awarded to the actor. */
    public static final String EARNED = NS + "verbs/earned";

    public static final String COURSE = "http://adlnet.gov/expapi/activities/course";
    public static final String LESSON = "http://adlnet.gov/expapi/activities/lesson";
    public static final String ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";
    public static final String MEETING = "http://adlnet.gov/expapi/activities/meeting";
    /** Training done outside the platform and entered by staff. */
    public static final String EXTERNAL_TRAINING = NS + "activities/external-training";
    public static final String CERTIFICATE = NS + "activities/certificate";

    /** Result extension: whole minutes of learning credited for the activity (a course's hours). */
    public static final String CREDITED_MINUTES = NS + "extensions/credited-minutes";
    /** Context extension: the topic, for "hours per topic" (e.g. "Kỹ năng số"). */
    public static final String TOPIC = NS + "extensions/topic";
    /** Context extension: the institution that gave training done elsewhere. */
    public static final String PROVIDER = NS + "extensions/provider";
    /** Context extension: the staff member (person id) who entered the statement by hand. */
    public static final String ENTERED_BY = NS + "extensions/entered-by";

    /** Attachment usage type of a certificate file. */
    public static final String CERTIFICATE_ATTACHMENT = "http://id.tincanapi.com/attachment/certificate-of-completion";

    private Vocabulary() {
    }

    /** Whether a verb closes a session (its duration is the session's length). */
    public static boolean endsSession(String verb) {
        return TERMINATED.equals(verb) || EXITED.equals(verb) || SUSPENDED.equals(verb);
    }
}
