-- Team mode: what each PostgreSQL role may read and write, enforced by the server itself
-- (a caller's login cannot do more with psql than with the cockpit).
--
-- Run as a superuser, after the schema exists at version 7 or later, i.e. after the owner's
-- first command on the database (any, e.g. `cockpit check --db URL`), and again after each
-- upgrade of the cockpit (it is safe to run twice):
--
--   sudo -u postgres psql -d cockpit -v db=cockpit -v owner=cockpit < db/team.sql
--
-- Then one login role per person, in the group of their job, and that login on their row of
-- the `caller` table (column `login`): the cockpit finds who you are from your login.
--
--   sudo -u postgres createuser --pwprompt --role=cockpit_lead melissa
--   sudo -u postgres createuser --pwprompt --role=cockpit_caller karim
--
-- cockpit_caller (every member of the team):
--   reads everything but the audit log; calls, notes, reminders, needs, proposals, imports,
--   card edits, private portfolio, do-not-call additions;
--   changes only their own calls (and their events), notes and reminders (and reminders
--   nobody owns); deletes only their own draft notes;
--   never deletes a do-not-call entry nor clears a do-not-call flag; never erases anyone;
--   writes the audit log but never reads it, and the server writes who they are in it;
--   cannot reset a sequence nor touch the schema version nor change the team.
-- cockpit_lead (a caller, and):
--   changes anyone's calls, notes and reminders (reassign); reads the audit log; the team
--   (caller table) and the settings; lifts a number off the do-not-call list (`dnc remove`,
--   one number at a time through cockpit_remove_dnc, which writes the audit line; never a
--   bare DELETE; never the flag of someone who asked themselves); erases people (`person forget`,
--   `purge`): the server deletes a person, or their calls, notes, reminders, numbers and
--   proposals, only in a transaction that wrote the erasure to the audit log first.
--   The audit log is never changed nor deleted, by anyone but the owner.
-- The owner alone changes the schema: after an upgrade of the cockpit, the owner runs one
-- command first, then this file again.

\set ON_ERROR_STOP on

-- The rights are given table by table: the tables must exist first.
DO $$ BEGIN
  IF to_regclass('public.note') IS NULL THEN
    RAISE EXCEPTION 'the cockpit schema is not in this database yet: let the owner run one '
      'command first (cockpit check --db postgresql://OWNER@HOST/DB), then run this file again';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public'
                 AND table_name = 'caller' AND column_name = 'login') THEN
    RAISE EXCEPTION 'the cockpit schema is older than version 7 (no caller.login): let the '
      'owner run one command of the new cockpit first, then run this file again';
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

-- Start from nothing, so that running the file again (or over an older version of it)
-- leaves exactly the rights below.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM cockpit_caller, cockpit_lead;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM cockpit_caller, cockpit_lead;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  REVOKE ALL ON TABLES FROM cockpit_caller, cockpit_lead;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  REVOKE ALL ON SEQUENCES FROM cockpit_caller, cockpit_lead;

-- Callers: the day's work. New rows take their ids from the sequences: USAGE (nextval)
-- only, as setval needs UPDATE.
GRANT SELECT ON schema_version, setting, caller TO cockpit_caller;
GRANT SELECT, INSERT, UPDATE ON company, company_figure, contact, freelance, phone, need,
  proposal, call, call_event, note, reminder TO cockpit_caller;
GRANT SELECT, INSERT ON do_not_call TO cockpit_caller;
GRANT SELECT, INSERT ON cv_file TO cockpit_caller;  -- a CV version is added, never rewritten
GRANT UPDATE (e164) ON do_not_call TO cockpit_caller;  -- a hashed number typed again
GRANT DELETE ON note TO cockpit_caller;       -- a call's draft gives way to its final note
GRANT INSERT ON audit_log TO cockpit_caller;  -- they write to it, never read it
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cockpit_caller;

-- The lead: the team, the settings, the audit log, erasures, lifting a number.
GRANT INSERT, UPDATE ON caller, setting TO cockpit_lead;
GRANT SELECT ON audit_log TO cockpit_lead;
GRANT DELETE ON contact, freelance, phone, call, call_event, note, reminder, proposal,
  cv_file TO cockpit_lead;  -- do_not_call: one number at a time, through cockpit_remove_dnc below
-- VACUUM after an erasure, so that the deleted rows leave the files at once: PostgreSQL 17
-- has a right for it (MAINTAIN); before, only the owner may (`cockpit person vacuum`).
DO $$ BEGIN
  IF current_setting('server_version_num')::int >= 170000 THEN
    EXECUTE 'GRANT MAINTAIN ON contact, freelance, phone, call, call_event, note, reminder, '
      'proposal, need, do_not_call, cv_file TO cockpit_lead';
  END IF;
END $$;

-- Tables a later version of the cockpit adds: readable by the team; the owner gives more
-- by running this file again (a new table's rights are decided, not inherited).
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT ON TABLES TO cockpit_caller;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE ON SEQUENCES TO cockpit_caller;

-- Who is who. A member of the team is a login in cockpit_caller (the lead is one too);
-- the owner and superusers are not, and nothing below restricts them. These run with the
-- rights of whoever calls them (current_user is theirs), except cockpit_erasing, which
-- reads the audit log for callers who may not.
CREATE OR REPLACE FUNCTION cockpit_in_team() RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT NOT r.rolsuper AND pg_has_role(current_user, 'cockpit_caller', 'MEMBER')
    FROM pg_roles r WHERE r.rolname = current_user $$;

CREATE OR REPLACE FUNCTION cockpit_is_lead() RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT pg_has_role(current_user, 'cockpit_lead', 'MEMBER') $$;

-- The caller row of the login (NULL when nobody's row has this login). session_user: the
-- login itself, even after a SET ROLE to the group.
CREATE OR REPLACE FUNCTION cockpit_me() RETURNS integer
  LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT id FROM public.caller WHERE login = session_user $$;

-- This transaction wrote an erasure to the audit log (xmin: the transaction that wrote
-- the row; txid_current() gives it a transaction id when it has none yet).
CREATE OR REPLACE FUNCTION cockpit_erasing() RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM public.audit_log
                   WHERE action = 'erase'
                   AND xmin::text::bigint = txid_current() % 4294967296) $$;
REVOKE ALL ON FUNCTION cockpit_in_team(), cockpit_is_lead(), cockpit_me(), cockpit_erasing()
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cockpit_in_team(), cockpit_is_lead(), cockpit_me(), cockpit_erasing()
  TO cockpit_caller;

-- Only one's own calls, notes and reminders change. Reading stays open to the team (the
-- queue counts everyone's attempts; the card shows everyone's notes).
DO $$
DECLARE
  t text;
  mine text;
BEGIN
  FOREACH t IN ARRAY ARRAY['call', 'call_event', 'note', 'reminder'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS team_reads ON %I', t);
    EXECUTE format('DROP POLICY IF EXISTS lead_changes ON %I', t);
    EXECUTE format('DROP POLICY IF EXISTS own_inserts ON %I', t);
    EXECUTE format('DROP POLICY IF EXISTS own_updates ON %I', t);
    EXECUTE format('DROP POLICY IF EXISTS own_deletes ON %I', t);
    EXECUTE format('CREATE POLICY team_reads ON %I FOR SELECT TO cockpit_caller USING (true)', t);
    EXECUTE format('CREATE POLICY lead_changes ON %I TO cockpit_lead USING (true) '
                   'WITH CHECK (true)', t);
    mine := CASE t
      WHEN 'call' THEN 'caller_id = (SELECT cockpit_me())'
      WHEN 'call_event' THEN 'EXISTS (SELECT 1 FROM call c WHERE c.id = call_id '
                             'AND c.caller_id = (SELECT cockpit_me()))'
      WHEN 'note' THEN 'author_id = (SELECT cockpit_me())'
      -- A reminder nobody owns is anyone's to settle (a call to the person closes it).
      WHEN 'reminder' THEN '(owner_id = (SELECT cockpit_me()) OR owner_id IS NULL)'
    END;
    EXECUTE format('CREATE POLICY own_updates ON %I FOR UPDATE TO cockpit_caller '
                   'USING (%s) WITH CHECK (%s)', t, mine, mine);
    -- Imported notes have no author: a caller may add one, never change it after.
    EXECUTE format('CREATE POLICY own_inserts ON %I FOR INSERT TO cockpit_caller '
                   'WITH CHECK (%s)', t,
                   CASE t WHEN 'note' THEN mine || ' OR author_id IS NULL' ELSE mine END);
  END LOOP;
  CREATE POLICY own_deletes ON note FOR DELETE TO cockpit_caller
    USING (is_draft AND author_id = (SELECT cockpit_me()));
END $$;

-- A freelance's CV files are the team's: everyone reads them; a caller adds one in their own
-- name (or in nobody's: an import), never in a colleague's; only an erasure removes one.
ALTER TABLE cv_file ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_reads ON cv_file;
DROP POLICY IF EXISTS lead_changes ON cv_file;
DROP POLICY IF EXISTS own_inserts ON cv_file;
CREATE POLICY team_reads ON cv_file FOR SELECT TO cockpit_caller USING (true);
CREATE POLICY lead_changes ON cv_file TO cockpit_lead USING (true) WITH CHECK (true);
CREATE POLICY own_inserts ON cv_file FOR INSERT TO cockpit_caller
  WITH CHECK (added_by_id = (SELECT cockpit_me()) OR added_by_id IS NULL);

-- Do-not-call stays: a member of the team never clears the flag of someone who asked, and
-- only the lead clears the flag of a listed number (`dnc remove`).
CREATE OR REPLACE FUNCTION cockpit_keep_do_not_call() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF NOT cockpit_in_team() THEN
    RETURN NEW;
  END IF;
  IF OLD.asked_not_to_call AND NOT NEW.asked_not_to_call THEN
    RAISE EXCEPTION 'permission denied: % #% asked not to be called; that stays',
      TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.do_not_call AND NOT NEW.do_not_call AND NOT cockpit_is_lead() THEN
    RAISE EXCEPTION 'permission denied: only a team lead takes % #% off do-not-call',
      TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS keep_do_not_call ON contact;
CREATE TRIGGER keep_do_not_call BEFORE UPDATE ON contact
  FOR EACH ROW EXECUTE FUNCTION cockpit_keep_do_not_call();
DROP TRIGGER IF EXISTS keep_do_not_call ON freelance;
CREATE TRIGGER keep_do_not_call BEFORE UPDATE ON freelance
  FOR EACH ROW EXECUTE FUNCTION cockpit_keep_do_not_call();

-- The audit log says who did it: the server writes the login, whatever the client sent.
CREATE OR REPLACE FUNCTION cockpit_audit_actor() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF cockpit_in_team() THEN
    NEW.actor := session_user;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_actor ON audit_log;
CREATE TRIGGER audit_actor BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION cockpit_audit_actor();

-- An erasure leaves its line in the audit log: a person (or their calls, notes, reminders,
-- numbers, proposals) is deleted only in a transaction that wrote that line first. Drafts
-- giving way to the final note are not an erasure.
CREATE OR REPLACE FUNCTION cockpit_erase_through_forget() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF NOT cockpit_in_team() OR cockpit_erasing() THEN
    RETURN OLD;
  END IF;
  IF TG_TABLE_NAME = 'note' THEN  -- nested: OLD.is_draft exists on notes only
    IF OLD.is_draft AND OLD.author_id = cockpit_me() THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'permission denied: % rows are erased with `cockpit person forget` (or '
    '`purge`), which writes the erasure to the audit log', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contact', 'freelance', 'phone', 'call', 'call_event', 'note',
                           'reminder', 'proposal', 'cv_file'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS erase_through_forget ON %I', t);
    EXECUTE format('CREATE TRIGGER erase_through_forget BEFORE DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION cockpit_erase_through_forget()', t);
  END LOOP;
END $$;

-- Lifting a number off do-not-call: never a bare DELETE (one statement would empty the
-- list), but one number at a time through this function, which writes who did it and why
-- to the audit log. `digests`: the number's digests (this installation's key's, and the old
-- shared key's), two at most.
CREATE OR REPLACE FUNCTION cockpit_remove_dnc(digests text[], reason text) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  removed integer;
BEGIN
  IF pg_has_role(session_user, 'cockpit_caller', 'MEMBER')
     AND NOT pg_has_role(session_user, 'cockpit_lead', 'MEMBER') THEN
    RAISE EXCEPTION 'permission denied: only a team lead takes a number off do-not-call'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF coalesce(array_length(digests, 1), 0) NOT BETWEEN 1 AND 2 THEN
    RAISE EXCEPTION 'one number at a time: give its digests (one or two)'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  DELETE FROM public.do_not_call WHERE digest = ANY (digests);
  GET DIAGNOSTICS removed = ROW_COUNT;
  IF removed > 0 THEN
    INSERT INTO public.audit_log (at, actor, action, entity, entity_id, details)
    VALUES (timezone('UTC', now()), session_user, 'dnc_remove', 'do_not_call', NULL,
            left(coalesce(reason, ''), 200) || '; digest ' || left(digests[1], 12));
  END IF;
  RETURN removed;
END $$;
REVOKE ALL ON FUNCTION cockpit_remove_dnc(text[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cockpit_remove_dnc(text[], text) TO cockpit_lead;

-- A call started by mistake (the wrong person, a key pressed by accident) is cancelled by
-- its caller: its steps and draft go with it, and only the audit log says it was. A
-- caller's role deletes no call: this function does, for their own call not ended yet.
CREATE OR REPLACE FUNCTION cockpit_cancel_call(target integer) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  found_call public.call%ROWTYPE;
BEGIN
  SELECT * INTO found_call FROM public.call WHERE id = target;
  IF NOT FOUND OR found_call.outcome IS NOT NULL
     OR (pg_has_role(session_user, 'cockpit_caller', 'MEMBER') AND found_call.caller_id
         IS DISTINCT FROM (SELECT id FROM public.caller WHERE login = session_user)) THEN
    RAISE EXCEPTION 'permission denied: a caller cancels only their own call in progress'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM public.note WHERE call_id = target;
  DELETE FROM public.call_event WHERE call_id = target;
  DELETE FROM public.call WHERE id = target;
  INSERT INTO public.audit_log (at, actor, action, entity, entity_id, details)
  VALUES (timezone('UTC', now()), session_user, 'cancel_call',
          CASE WHEN found_call.contact_id IS NOT NULL THEN 'contact' ELSE 'freelance' END,
          coalesce(found_call.contact_id, found_call.freelance_id),
          json_build_object('call', target)::text);
END $$;
REVOKE ALL ON FUNCTION cockpit_cancel_call(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cockpit_cancel_call(integer) TO cockpit_caller;
