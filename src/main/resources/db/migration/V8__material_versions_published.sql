-- Courses reuse library materials. A material lesson follows the material's published version or
-- pins one of its versions; a pinned version stays readable by learners after a newer one is
-- published, so each version remembers when it was first published.

ALTER TABLE material_version ADD COLUMN published_at DATETIME(3) NULL;

UPDATE material_version v JOIN material m ON m.published_version_id = v.id
SET v.published_at = COALESCE(m.published_at, v.created_at);
