-- How long before a session starts its online link is shown to people with a place (the events bundle).
-- 0, the default, shows it as soon as they have a place; an editor may hold it back until shortly before
-- the start, so a link handed on days ahead cannot bring in people without a place.
ALTER TABLE event ADD COLUMN online_link_minutes_before INT DEFAULT 0 NOT NULL;
