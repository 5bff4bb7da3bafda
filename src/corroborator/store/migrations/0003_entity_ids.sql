-- Cross-article entity ids: one id for one entity however articles spell it ("Cheong Seong-chang",
-- "Cheong Seong Chang"). entity_id() is the Python function corroborator registers on its connections.
ALTER TABLE article_entities ADD COLUMN entity_id TEXT NOT NULL DEFAULT '';
UPDATE article_entities SET entity_id = entity_id(entity);
CREATE INDEX article_entities_entity_id ON article_entities(entity_id);
