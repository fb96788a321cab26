-- Materials that ship with the platform (content/materials/<folder>/) are found again at each
-- start-up by their folder name.
ALTER TABLE material
    ADD COLUMN content_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD CONSTRAINT uk_material_content_key UNIQUE (content_key);
