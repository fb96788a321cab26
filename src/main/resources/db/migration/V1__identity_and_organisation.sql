-- People, the province's organisation tree, job positions, roles, audit and sign-in throttling.
-- Names and titles use MariaDB's UCA 14 collation with Vietnamese tailoring: it sorts
-- An < Án < Anh < Ánh < Ăn < Ân < Bình < Dung < Đức. Searches without diacritics go through
-- the folded search_key columns instead (see shared.Text.fold), compared byte for byte (fast LIKE).

CREATE TABLE org_unit (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id     BIGINT       NULL,
    kind          VARCHAR(20)  NOT NULL,
    code          VARCHAR(40)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    search_key    VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    path          VARCHAR(700) NOT NULL,
    depth         INT          NOT NULL,
    population    INT          NULL,
    learning_city BOOLEAN      NOT NULL DEFAULT FALSE,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_org_unit_code UNIQUE (code),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id),
    INDEX ix_org_unit_path (path),
    INDEX ix_org_unit_parent (parent_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE job_position (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    description VARCHAR(1000) NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_job_position_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE person (
    id                       BIGINT       NOT NULL AUTO_INCREMENT,
    username                 VARCHAR(64)  NOT NULL,
    full_name                VARCHAR(200) NOT NULL,
    search_key               VARCHAR(500) COLLATE utf8mb4_bin NOT NULL,
    phone                    VARCHAR(20)  NULL,
    email                    VARCHAR(254) NULL,
    staff_code               VARCHAR(40)  NULL,
    account_type             VARCHAR(20)  NOT NULL,
    home_unit_id             BIGINT       NULL,
    password_hash            VARCHAR(255) NULL,
    password_change_required BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled                  BOOLEAN      NOT NULL DEFAULT TRUE,
    last_login_at            DATETIME(3)  NULL,
    version                  BIGINT       NOT NULL DEFAULT 0,
    created_at               DATETIME(3)  NOT NULL,
    updated_at               DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_person_username UNIQUE (username),
    CONSTRAINT uk_person_phone UNIQUE (phone),
    CONSTRAINT uk_person_staff_code UNIQUE (staff_code),
    CONSTRAINT fk_person_home_unit FOREIGN KEY (home_unit_id) REFERENCES org_unit (id),
    INDEX ix_person_name (full_name, id),
    INDEX ix_person_created (created_at, id),
    INDEX ix_person_home_unit (home_unit_id, full_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- A post: a person holds a job position in a unit. Concurrent posts (kiêm nhiệm) are several rows.
CREATE TABLE post (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    person_id   BIGINT      NOT NULL,
    unit_id     BIGINT      NOT NULL,
    position_id BIGINT      NOT NULL,
    main        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_post UNIQUE (person_id, unit_id, position_id),
    CONSTRAINT fk_post_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_post_position FOREIGN KEY (position_id) REFERENCES job_position (id),
    INDEX ix_post_unit (unit_id, person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- A role held over a node of the organisation tree and everything beneath it.
CREATE TABLE role_grant (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    person_id     BIGINT      NOT NULL,
    role          VARCHAR(30) NOT NULL,
    scope_unit_id BIGINT      NOT NULL,
    granted_by    BIGINT      NULL,
    granted_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_role_grant UNIQUE (person_id, role, scope_unit_id),
    CONSTRAINT fk_role_grant_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_role_grant_scope FOREIGN KEY (scope_unit_id) REFERENCES org_unit (id),
    INDEX ix_role_grant_role (role, scope_unit_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE audit_entry (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    at           DATETIME(3)  NOT NULL,
    actor_id     BIGINT       NULL,
    actor_name   VARCHAR(200) NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    target_type  VARCHAR(40)  NOT NULL,
    target_id    VARCHAR(64)  NULL,
    target_label VARCHAR(255) NULL,
    scope_path   VARCHAR(700) NULL,
    before_json  MEDIUMTEXT   NULL,
    after_json   MEDIUMTEXT   NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_at (at),
    INDEX ix_audit_target (target_type, target_id, at),
    INDEX ix_audit_actor (actor_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- Failed sign-ins per login name and per client address; shared by every node.
CREATE TABLE login_throttle (
    throttle_key VARCHAR(190) NOT NULL,
    failures     INT          NOT NULL,
    window_start DATETIME(3)  NOT NULL,
    locked_until DATETIME(3)  NULL,
    PRIMARY KEY (throttle_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
