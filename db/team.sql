-- Team mode: what each PostgreSQL role may read and write.
--
-- Run once as a superuser (or the database owner), after the schema exists, i.e. after the
-- owner's first command on the database (any, e.g. `cockpit check --db URL`):
--
--   psql "postgresql://postgres@dbhost/cockpit" -v db=cockpit -v owner=cockpit -f db/team.sql
--
-- Then one login role per person, in the group of their job:
--
--   CREATE ROLE melissa LOGIN PASSWORD '…' IN ROLE cockpit_lead;
--   CREATE ROLE karim   LOGIN PASSWORD '…' IN ROLE cockpit_caller;
--
-- A caller calls, notes, books reminders, qualifies needs, proposes freelances and imports
-- lists; they cannot erase anyone, change who is a lead, or read the audit log. The lead can
-- do all of that (forget, purge, reassign) and reads the audit log. The owner alone changes
-- the schema: after an upgrade of the cockpit, the owner runs one command first.

\set ON_ERROR_STOP on

-- The rights are given table by table: the tables must exist first.
DO $$ BEGIN
  IF to_regclass('public.note') IS NULL THEN
    RAISE EXCEPTION 'the cockpit schema is not in this database yet: let the owner run one '
      'command first (cockpit check --db postgresql://OWNER@HOST/DB), then run this file again';
  END IF;
END $$;

DO $$ BEGIN
  CREATE ROLE cockpit_caller NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE ROLE cockpit_lead NOLOGIN IN ROLE cockpit_caller;
EXCEPTION WHEN duplicate_object THEN NULL; END $$;

GRANT CONNECT ON DATABASE :"db" TO cockpit_caller;
GRANT USAGE ON SCHEMA public TO cockpit_caller;

-- Callers: read and write the day's work; the sequences behind new rows.
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO cockpit_caller;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO cockpit_caller;
GRANT DELETE ON note TO cockpit_caller;       -- a call's draft gives way to its final note
REVOKE SELECT, UPDATE ON audit_log FROM cockpit_caller;  -- they write to it, never read it
REVOKE INSERT, UPDATE ON caller FROM cockpit_caller;     -- who is a lead is the lead's call

-- The lead: erasures (person forget, purge), the audit log, the team.
GRANT DELETE ON ALL TABLES IN SCHEMA public TO cockpit_lead;
GRANT SELECT ON audit_log TO cockpit_lead;
GRANT INSERT, UPDATE ON caller TO cockpit_lead;

-- Tables a later version of the cockpit adds get the same rights.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE ON TABLES TO cockpit_caller;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO cockpit_caller;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT DELETE ON TABLES TO cockpit_lead;
