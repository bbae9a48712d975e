-- Each change to a pledge's draft gets the next revision number. A save or publication names the
-- revision it was based on and is refused if the draft has moved on, so two editors working at
-- once never silently undo each other's edits, and what is published is what the editor checked.
ALTER TABLE pledge ADD COLUMN draft_revision INT DEFAULT 1 NOT NULL;

-- Evidence from staff who are not editors waits for an editor's approval before the public sees
-- it (approved_by is null until then; the audit log says when). Evidence already shown stays
-- shown, as approved by whoever added it.
ALTER TABLE pledge_evidence ADD COLUMN approved_by VARCHAR(200);
UPDATE pledge_evidence SET approved_by = added_by;
