-- Materials that ship with the platform (content/materials/<key>/) are found again at each
-- start-up by their key; content_hash is the SHA-256 of the material.yaml last imported, so a
-- description an administrator edited is kept until the shipped one changes.
ALTER TABLE material
    ADD COLUMN content_key  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN content_hash CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD CONSTRAINT uk_material_content_key UNIQUE (content_key);
