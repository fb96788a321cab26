-- Mandatory training programmes: which courses (all, or k of n) an audience drawn from the
-- organisation tree must finish in a period before a deadline. Assignments are kept per programme
-- and person with their standing, computed from the records projection (learning_summary), so
-- dashboards count rows instead of scanning statements. People who stop matching keep their row,
-- marked inactive, with their history.

-- A course can be taken again (a programme's new period): the earlier enrolment stays as history
-- with its progress, attempts and certificate (is_current NULL); one current enrolment per person
-- and course. The learning summary also keeps the latest completion, not only the first.
ALTER TABLE enrolment
    ADD COLUMN is_current TINYINT NULL DEFAULT 1,
    ADD UNIQUE KEY uk_enrolment_current (person_id, course_id, is_current),
    DROP INDEX uk_enrolment;
ALTER TABLE learning_summary ADD COLUMN last_completed_at DATETIME(6) NULL;
UPDATE learning_summary SET last_completed_at = completed_at;

-- When a person's posts, home unit, roles or account state last changed: the assignment sweep
-- re-evaluates the people changed since its last run (also those changed by a staff import).
ALTER TABLE person
    ADD COLUMN membership_changed_at DATETIME(3) NULL,
    ADD INDEX ix_person_membership (membership_changed_at);

CREATE TABLE programme (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    code           VARCHAR(80)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name           VARCHAR(300)  NOT NULL,
    description    VARCHAR(2000) NULL,
    owner_unit_id  BIGINT        NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    required_count INT           NULL,
    period_start   DATE          NOT NULL,
    period_end     DATE          NOT NULL,
    deadline       DATE          NOT NULL,
    recert_months  INT           NULL,
    report_dates   VARCHAR(400)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    audience       MEDIUMTEXT    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    assigned_at    DATETIME(3)   NULL,
    created_by     BIGINT        NULL,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_programme_code (code),
    KEY ix_programme_status (status, deadline),
    CONSTRAINT fk_programme_owner FOREIGN KEY (owner_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- The courses of a programme; activity is the hash of the course's activity IRI, the key of
-- learning_summary rows about it.
CREATE TABLE programme_course (
    programme_id BIGINT     NOT NULL,
    course_id    BIGINT     NOT NULL,
    position     INT        NOT NULL,
    activity     BINARY(16) NOT NULL,
    PRIMARY KEY (programme_id, course_id),
    KEY ix_programme_course_activity (activity),
    CONSTRAINT fk_programme_course_programme FOREIGN KEY (programme_id) REFERENCES programme (id) ON DELETE CASCADE,
    CONSTRAINT fk_programme_course_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- One row per programme and person. unit_id is the place through which the person matched (for
-- counts by unit); agency_id its top-level node under the province (agency, commune or ward).
CREATE TABLE programme_assignment (
    programme_id BIGINT      NOT NULL,
    person_id    BIGINT      NOT NULL,
    unit_id      BIGINT      NOT NULL,
    agency_id    BIGINT      NOT NULL,
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    assigned_at  DATETIME(3) NOT NULL,
    left_at      DATETIME(3) NULL,
    courses_done INT         NOT NULL DEFAULT 0,
    started      BOOLEAN     NOT NULL DEFAULT FALSE,
    completed_at DATETIME(3) NULL,
    refreshed_at DATETIME(3) NOT NULL,
    PRIMARY KEY (programme_id, person_id),
    -- covers the dashboards' counts: by agency, then unit, with what the standing needs
    KEY ix_assignment_agency (programme_id, active, agency_id, unit_id, completed_at, started),
    KEY ix_assignment_person (person_id, active),
    CONSTRAINT fk_assignment_programme FOREIGN KEY (programme_id) REFERENCES programme (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- Scheduled jobs shared by every node: a job locks its row (SELECT … FOR UPDATE SKIP LOCKED) while
-- it runs, so one node does the work; watermark is where the job got to.
CREATE TABLE scheduled_job (
    name      VARCHAR(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    watermark DATETIME(3) NULL,
    last_run  DATETIME(3) NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Notifications to a person: in the app always, by e-mail when the platform has an SMTP server and
-- the person an address. dedup_key makes each notice exist once, whichever node or run creates it
-- (INSERT IGNORE); text is kept as bundle keys with arguments and said in the reader's language.
CREATE TABLE notification (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    person_id      BIGINT        NOT NULL,
    kind           VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    dedup_key      VARCHAR(190)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    subject_key    VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    body_key       VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    args           TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    link           VARCHAR(500)  NULL,
    created_at     DATETIME(3)   NOT NULL,
    read_at        DATETIME(3)   NULL,
    email_to       VARCHAR(254)  NULL,
    email_status   VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    email_attempts INT           NOT NULL DEFAULT 0,
    email_sent_at  DATETIME(3)   NULL,
    email_error    VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_dedup (dedup_key),
    KEY ix_notification_person (person_id, created_at),
    KEY ix_notification_mail (email_status, id),
    CONSTRAINT fk_notification_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- Frozen period reports: at a reporting date the standing of every assigned person is copied, with
-- the names and units of that day; the report's figures are counted from these rows only, so later
-- changes do not alter them, and people_sha256 lets anyone check the list against the printout.
CREATE TABLE programme_report (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    programme_id   BIGINT      NOT NULL,
    as_of          DATE        NOT NULL,
    frozen_at      DATETIME(3) NOT NULL,
    frozen_by      BIGINT      NULL,
    people         INT         NOT NULL,
    people_sha256  CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_programme_report (programme_id, as_of),
    CONSTRAINT fk_report_programme FOREIGN KEY (programme_id) REFERENCES programme (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE programme_report_person (
    report_id    BIGINT       NOT NULL,
    person_id    BIGINT       NOT NULL,
    full_name    VARCHAR(200) NOT NULL,
    username     VARCHAR(64)  NOT NULL,
    staff_code   VARCHAR(40)  NULL,
    unit_id      BIGINT       NOT NULL,
    unit_path    VARCHAR(700) NOT NULL,
    unit_name    VARCHAR(255) NOT NULL,
    agency_id    BIGINT       NOT NULL,
    agency_name  VARCHAR(255) NOT NULL,
    courses_done INT          NOT NULL,
    status       VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    completed_at DATETIME(3)  NULL,
    PRIMARY KEY (report_id, person_id),
    KEY ix_report_person_unit (report_id, agency_id, unit_id),
    CONSTRAINT fk_report_person_report FOREIGN KEY (report_id) REFERENCES programme_report (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
