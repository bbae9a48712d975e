-- A version for each widget instance's settings: an editor's form carries the version it was drawn
-- from and a save only goes through if the settings are still at it, so two editors never silently
-- overwrite each other. Instances placed before this start at version 1, as new ones do.
ALTER TABLE widget_instance ADD COLUMN settings_version BIGINT DEFAULT 1 NOT NULL;
