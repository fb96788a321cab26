-- The key certificates are signed with as Open Badges 3.0 credentials (VC-JWT, RS256). Generated on
-- first use and shared by every node; only its public half is ever published (/badges/jwks.json).
CREATE TABLE signing_key (
    kid         VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    algorithm   VARCHAR(16)  NOT NULL,
    public_der  TEXT         CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    private_der TEXT         CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (kid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
