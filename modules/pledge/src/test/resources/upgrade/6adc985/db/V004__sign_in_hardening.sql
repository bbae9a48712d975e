-- Sign-in hardening: throttling replaces the per-account hard lock-out, accounts can be disabled,
-- and the printed first administrator's password must be changed at first sign-in.

-- A stranger could keep any account locked with a few wrong passwords; the throttle below
-- delays instead, per client address and (briefly) per account.
ALTER TABLE account DROP COLUMN failed_attempts;
ALTER TABLE account DROP COLUMN locked_until;
ALTER TABLE account ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
-- Raised by every change, so an administrator's form that saw an older account is refused.
ALTER TABLE account ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;

-- One row per client address ('address:...') and per typed user name ('account:...'), whether or
-- not that account exists, so a throttled answer says nothing about which names are real.
CREATE TABLE sign_in_throttle (
    throttle_key VARCHAR(200) PRIMARY KEY,
    failures INT NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_throttle_by_last_failure ON sign_in_throttle (last_failure_at);

-- Ending every session of one account (password or role change, disabling, sign out everywhere).
CREATE INDEX sign_in_session_by_username ON sign_in_session (username);
