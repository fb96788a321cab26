-- Authoring courses in the browser: who may edit a course (its authors; administrators and
-- reviewers may edit every course), and the draft a course is being edited in. A draft is a
-- course_version with status DRAFT and number 0 (one per course, course.draft_version_id); it
-- becomes a numbered, immutable version when it is published.

CREATE TABLE course_author (
    course_id  BIGINT       NOT NULL,
    person_id  BIGINT       NOT NULL,
    added_at   DATETIME(3)  NOT NULL,
    added_by   VARCHAR(100) NULL,
    PRIMARY KEY (course_id, person_id),
    KEY ix_course_author_person (person_id),
    CONSTRAINT fk_course_author_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_course_author_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

ALTER TABLE course_version ADD COLUMN updated_at DATETIME(3) NULL;

-- Whoever uploaded a version of a course so far is one of its authors.
INSERT IGNORE INTO course_author (course_id, person_id, added_at, added_by)
SELECT v.course_id, p.id, MIN(v.created_at), 'migration'
FROM course_version v JOIN person p ON p.username = v.created_by
GROUP BY v.course_id, p.id;
