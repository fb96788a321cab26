-- Digital courses: a course and its versions (a published version is immutable: its modules,
-- lessons and question bank are kept as one JSON document), enrolments with per-lesson progress,
-- quiz attempts with every answer saved as it is given, and certificates anyone can verify.
-- Progress and completion are also xAPI statements (learning record store); these tables are
-- what the pages read.

CREATE TABLE course (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    code                 VARCHAR(80)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    published_version_id BIGINT       NULL,
    draft_version_id     BIGINT       NULL,
    origin               VARCHAR(20)  NOT NULL,
    created_at           DATETIME(3)  NOT NULL,
    updated_at           DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_course_code (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE course_version (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    course_id        BIGINT       NOT NULL,
    number           INT          NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    title            VARCHAR(300) NOT NULL,
    title_en         VARCHAR(300) NULL,
    summary          TEXT         NULL,
    topic            VARCHAR(120) NOT NULL,
    audience         VARCHAR(20)  NOT NULL,
    level            VARCHAR(20)  NOT NULL,
    language         VARCHAR(12)  NOT NULL,
    credited_minutes INT          NOT NULL,
    in_order         BOOLEAN      NOT NULL DEFAULT FALSE,
    structure        MEDIUMTEXT   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    content_hash     CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_by       VARCHAR(100) NULL,
    created_at       DATETIME(3)  NOT NULL,
    published_at     DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_course_version (course_id, number),
    CONSTRAINT fk_course_version_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE enrolment (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    person_id     BIGINT      NOT NULL,
    course_id     BIGINT      NOT NULL,
    version_id    BIGINT      NOT NULL,
    registration  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    enrolled_at   DATETIME(3) NOT NULL,
    last_lesson   VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NULL,
    last_seen_at  DATETIME(3) NOT NULL,
    completed_at  DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_enrolment (person_id, course_id),
    KEY ix_enrolment_course (course_id, completed_at),
    CONSTRAINT fk_enrolment_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_enrolment_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE lesson_progress (
    enrolment_id BIGINT      NOT NULL,
    lesson_key   VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    done_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (enrolment_id, lesson_key),
    CONSTRAINT fk_lesson_progress_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE quiz_attempt (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    enrolment_id BIGINT      NOT NULL,
    lesson_key   VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    number       INT         NOT NULL,
    started_at   DATETIME(3) NOT NULL,
    deadline_at  DATETIME(3) NULL,
    submitted_at DATETIME(3) NULL,
    score        INT         NULL,
    max_score    INT         NOT NULL,
    pass_percent INT         NOT NULL,
    passed       BOOLEAN     NULL,
    recorded     BOOLEAN     NOT NULL DEFAULT FALSE,
    items        MEDIUMTEXT  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_quiz_attempt (enrolment_id, lesson_key, number),
    CONSTRAINT fk_quiz_attempt_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE quiz_answer (
    attempt_id  BIGINT      NOT NULL,
    position    INT         NOT NULL,
    answer      TEXT        CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    answered_at DATETIME(3) NOT NULL,
    PRIMARY KEY (attempt_id, position),
    CONSTRAINT fk_quiz_answer_attempt FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE certificate (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    code             VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    enrolment_id     BIGINT       NOT NULL,
    person_id        BIGINT       NOT NULL,
    course_id        BIGINT       NOT NULL,
    version_id       BIGINT       NOT NULL,
    person_name      VARCHAR(200) NOT NULL,
    course_title     VARCHAR(300) NOT NULL,
    credited_minutes INT          NOT NULL,
    issued_at        DATETIME(3)  NOT NULL,
    revoked_at       DATETIME(3)  NULL,
    revoked_by       VARCHAR(100) NULL,
    revoke_reason    VARCHAR(500) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_certificate_code (code),
    UNIQUE KEY uk_certificate_enrolment (enrolment_id),
    KEY ix_certificate_person (person_id),
    CONSTRAINT fk_certificate_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
