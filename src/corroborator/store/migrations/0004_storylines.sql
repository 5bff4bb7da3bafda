-- Storylines: the saga of related events each story (one event) belongs to. Stories stored before this
-- version get their storyline when the story index is next rebuilt; until then it is '' (none known).
ALTER TABLE stories ADD COLUMN storyline TEXT NOT NULL DEFAULT '';
CREATE INDEX stories_storyline ON stories(storyline);
