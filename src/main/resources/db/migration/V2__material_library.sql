-- The shared material library: files (stored once by content hash), materials with their
-- versions and review workflow, the extracted text, chunked uploads in progress, and the outbox
-- that keeps every node's search index in step with this database.

CREATE TABLE stored_file (
    sha256     CHAR(64)     NOT NULL,
    size       BIGINT       NOT NULL,
    media_type VARCHAR(150) NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

CREATE TABLE material (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    title                VARCHAR(300)  NOT NULL,
    description          TEXT          NULL,
    audience             VARCHAR(20)   NOT NULL,
    level                VARCHAR(20)   NULL,
    language             VARCHAR(10)   NOT NULL,
    licence              VARCHAR(30)   NOT NULL,
    attribution          VARCHAR(500)  NULL,
    owner_unit_id        BIGINT        NULL,
    author_id            BIGINT        NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    review_comment       VARCHAR(2000) NULL,
    reviewed_by          BIGINT        NULL,
    reviewed_at          DATETIME(3)   NULL,
    latest_version_id    BIGINT        NULL,
    published_version_id BIGINT        NULL,
    published_at         DATETIME(3)   NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_material_owner FOREIGN KEY (owner_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_material_author FOREIGN KEY (author_id) REFERENCES person (id),
    INDEX ix_material_status (status, updated_at),
    INDEX ix_material_author (author_id, updated_at),
    INDEX ix_material_owner (owner_unit_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE material_subject (
    material_id BIGINT       NOT NULL,
    subject     VARCHAR(100) NOT NULL,
    PRIMARY KEY (material_id, subject),
    CONSTRAINT fk_subject_material FOREIGN KEY (material_id) REFERENCES material (id) ON DELETE CASCADE,
    INDEX ix_subject (subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE material_version (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    material_id           BIGINT       NOT NULL,
    number                INT          NOT NULL,
    blob_sha256           CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    file_name             VARCHAR(255) NOT NULL,
    media_type            VARCHAR(150) NOT NULL,
    kind                  VARCHAR(20)  NOT NULL,
    size                  BIGINT       NOT NULL,
    extraction_status     VARCHAR(20)  NOT NULL,
    extraction_note       VARCHAR(500) NULL,
    extraction_attempts   INT          NOT NULL DEFAULT 0,
    extraction_claimed_at DATETIME(3)  NULL,
    text_chars            BIGINT       NULL,
    text_truncated        BOOLEAN      NOT NULL DEFAULT FALSE,
    meta_title            VARCHAR(500) NULL,
    meta_author           VARCHAR(300) NULL,
    meta_language         VARCHAR(20)  NULL,
    pages                 INT          NULL,
    duration_seconds      INT          NULL,
    width                 INT          NULL,
    height                INT          NULL,
    uploaded_by           BIGINT       NOT NULL,
    created_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_material_version UNIQUE (material_id, number),
    CONSTRAINT fk_version_material FOREIGN KEY (material_id) REFERENCES material (id) ON DELETE CASCADE,
    CONSTRAINT fk_version_blob FOREIGN KEY (blob_sha256) REFERENCES stored_file (sha256),
    INDEX ix_version_blob (blob_sha256),
    INDEX ix_version_extraction (extraction_status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

ALTER TABLE material
    ADD CONSTRAINT fk_material_latest FOREIGN KEY (latest_version_id) REFERENCES material_version (id),
    ADD CONSTRAINT fk_material_published FOREIGN KEY (published_version_id) REFERENCES material_version (id);

CREATE TABLE material_text (
    version_id BIGINT   NOT NULL,
    content    LONGTEXT NOT NULL,
    PRIMARY KEY (version_id),
    CONSTRAINT fk_text_version FOREIGN KEY (version_id) REFERENCES material_version (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE upload_session (
    id          CHAR(36)     NOT NULL,
    owner_id    BIGINT       NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    size        BIGINT       NOT NULL,
    received    BIGINT       NOT NULL DEFAULT 0,
    material_id BIGINT       NULL,
    status      VARCHAR(20)  NOT NULL,
    result_key  VARCHAR(100) NULL,
    result_args VARCHAR(500) NULL,
    result_material_id BIGINT NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_upload_owner FOREIGN KEY (owner_id) REFERENCES person (id),
    INDEX ix_upload_owner (owner_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE search_outbox (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    index_name VARCHAR(40) NOT NULL,
    entity_id  BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_outbox_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Which database this is: derived data kept outside it (search indexes) remembers the id, and is
-- rebuilt when it finds itself next to another database (a restore, a fresh install).
CREATE TABLE installation (
    id         CHAR(36)    NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
INSERT INTO installation (id, created_at) VALUES (UUID(), NOW(3));
