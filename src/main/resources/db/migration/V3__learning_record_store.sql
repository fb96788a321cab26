-- The Learning Record Store (xAPI 2.0 / IEEE 9274.1.1, 1.0.3 clients too): statements as received
-- plus the keys that queries filter on, documents (state, activity and agent profiles), canonical
-- activity definitions, known agents, attachments, the clients that may call /xapi/, and the
-- per-person, per-activity summary kept up to date as statements arrive.
--
-- Identifiers (agent IFIs, activity and verb IRIs) are keyed by the first 16 bytes of their SHA-256,
-- so every index is narrow and fixed-width however long the IRI.

CREATE TABLE xapi_client (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(200) NOT NULL,
    api_key      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    secret_hash  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scope        VARCHAR(20)  NOT NULL,
    enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by   VARCHAR(100) NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_xapi_client_key (api_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE xapi_statement (
    seq             BIGINT      NOT NULL AUTO_INCREMENT,
    id              BINARY(16)  NOT NULL,
    stored          DATETIME(6) NOT NULL,
    ts              DATETIME(6) NOT NULL,
    actor           BINARY(16)  NOT NULL,
    verb            BINARY(16)  NOT NULL,
    object          BINARY(16)  NOT NULL,
    registration    BINARY(16)  NULL,
    refers_to       BINARY(16)  NULL,
    voiding         BOOLEAN     NOT NULL DEFAULT FALSE,
    voided          BOOLEAN     NOT NULL DEFAULT FALSE,
    client_id       BIGINT      NULL,
    person_id       BIGINT      NULL,
    has_attachments BOOLEAN     NOT NULL DEFAULT FALSE,
    body            MEDIUMTEXT  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin COMPRESSED NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_xapi_statement_id (id),
    KEY ix_xapi_statement_refers (refers_to),
    KEY ix_xapi_statement_stored (stored),
    KEY ix_xapi_statement_client (client_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- What each statement can be found by. kind: 1 agent (actor or object), 2 any related agent,
-- 3 activity (object), 4 any related activity, 5 verb, 6 registration. A statement that refers to
-- another (StatementRef, voiding) also carries the keys of its target, so filters find it too.
CREATE TABLE xapi_statement_key (
    kind TINYINT    NOT NULL,
    hash BINARY(16) NOT NULL,
    seq  BIGINT     NOT NULL,
    PRIMARY KEY (kind, hash, seq)
) ENGINE = InnoDB;

CREATE TABLE xapi_attachment (
    sha2         VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    blob_sha256  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    length       BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (sha2)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE xapi_activity (
    hash        BINARY(16)    NOT NULL,
    activity_id VARCHAR(2048) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    definition  MEDIUMTEXT    CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    updated     DATETIME(6)   NOT NULL,
    PRIMARY KEY (hash)
) ENGINE = InnoDB;

CREATE TABLE xapi_agent (
    hash      BINARY(16)    NOT NULL,
    ifi       VARCHAR(2048) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    agent     TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name      VARCHAR(300)  CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci NULL,
    person_id BIGINT        NULL,
    updated   DATETIME(6)   NOT NULL,
    PRIMARY KEY (hash),
    KEY ix_xapi_agent_person (person_id)
) ENGINE = InnoDB;

-- State (kind 1), activity profile (2) and agent profile (3) documents. scope = what a list or a
-- delete-all covers (kind, activity, agent); doc_key = one document (scope, registration, id).
CREATE TABLE xapi_document (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    kind         TINYINT       NOT NULL,
    scope        BINARY(32)    NOT NULL,
    registration BINARY(16)    NULL,
    doc_id       VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    doc_key      BINARY(32)    NOT NULL,
    activity_id  VARCHAR(2048) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    agent        TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    content_type VARCHAR(255)  NOT NULL,
    content      LONGBLOB      NOT NULL,
    etag         CHAR(40)      NOT NULL,
    updated      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_xapi_document_key (doc_key),
    KEY ix_xapi_document_scope (scope, updated)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- One row per person (agent) and activity: what pages read instead of the raw statements.
CREATE TABLE learning_summary (
    agent         BINARY(16)    NOT NULL,
    activity      BINARY(16)    NOT NULL,
    person_id     BIGINT        NULL,
    activity_iri  VARCHAR(2048) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    activity_name VARCHAR(500)  NULL,
    activity_type VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    topic         VARCHAR(200)  NULL,
    provider      VARCHAR(300)  NULL,
    entered_by    BIGINT        NULL,
    attempted     BOOLEAN       NOT NULL DEFAULT FALSE,
    completed     BOOLEAN       NOT NULL DEFAULT FALSE,
    passed        BOOLEAN       NULL,
    score_scaled  DECIMAL(7, 4) NULL,
    best_scaled   DECIMAL(7, 4) NULL,
    session_ms    BIGINT        NOT NULL DEFAULT 0,
    other_ms      BIGINT        NOT NULL DEFAULT 0,
    credited_min  INT           NOT NULL DEFAULT 0,
    statements    INT           NOT NULL DEFAULT 0,
    first_seen    DATETIME(6)   NOT NULL,
    last_seen     DATETIME(6)   NOT NULL,
    completed_at  DATETIME(6)   NULL,
    PRIMARY KEY (agent, activity),
    KEY ix_learning_summary_person (person_id, last_seen),
    KEY ix_learning_summary_activity (activity, completed)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
