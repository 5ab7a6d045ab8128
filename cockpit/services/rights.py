"""Who may do what in the team: its members and leads, the firm's name, private portfolios,
who a command acts as (on PostgreSQL: the login), whose reminders one may change, the audit
log a lead reads. What is held about people is services/person_data.py."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part, Setup
from cockpit.services.views import CallerView, Handover

if TYPE_CHECKING:
    from cockpit.store.people import Member

# A name is what a caller types after --caller: letters, digits, spaces, - ' . (accents too).
_MEMBER_NAME = re.compile(r"^[^\W_][\w .'’-]{0,59}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A PostgreSQL role as `CREATE ROLE` takes it unquoted.
_LOGIN = re.compile(r"^[a-z_][a-z0-9_$]{0,62}$")
FIRM_MAX = 80


class RightsServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards
        self._signed_in: tuple[str, str | None, int | None] | None = None
        self._signed_in_read = False

    # -- the team ------------------------------------------------------------------------------

    @store_guard
    def team_members(self, include_left: bool = True) -> list[Member]:
        from cockpit.store import people

        return people.members(include_left)

    @store_guard
    def team_is_empty(self) -> bool:
        """A new database: nobody in the team yet (the first run, the first `team add`)."""
        from cockpit.store import people

        return people.nobody_yet()

    @store_guard
    def database_has_people(self) -> bool:
        from cockpit.store.lean_reads import has_people  # one query, lean or not

        return has_people()

    @store_guard
    def acting_lead(self, actor: str | None) -> CallerView:
        """The lead who does a lead's action (see `_acting_lead`); ServiceError otherwise."""
        return self._acting_lead(actor)

    def _acting_lead(self, actor: str | None) -> CallerView:
        """Who does a lead's action: the one named (on SQLite anyone may name the lead; on
        PostgreSQL the roles decide), else the first lead. Refused for anyone else."""
        identity = self.signed_in()
        if identity is not None and identity[1] is not None:
            # Under a team role the one who acts is the login, never "the first lead": a
            # caller is told it is a lead's action, not that the server refused a table.
            found = self.acting_caller(actor, "--as")
            if found is None:
                raise ServiceError(f"no caller named {actor!r}", code="no_caller_named",
                                   name=actor)
        elif actor:
            found = self.cards.find_caller(actor)
            if found is None:
                raise ServiceError(f"no caller named {actor!r}", code="no_caller_named",
                                   name=actor)
        else:
            found = next((c for c in self.cards.callers() if c.is_lead), None)
            if found is None:
                raise ServiceError("the team has no lead", code="team_no_lead")
        if not found.is_lead:
            raise ServiceError(f"only a team lead may change the team ({found.name} is not "
                               "one)", code="team_lead_only", name=found.name)
        return found

    def _member(self, name: str) -> Member:
        from cockpit.store import people

        found = people.by_name(name.strip())
        if found is None:
            known = ", ".join(m.name for m in people.members()) or "—"
            raise ServiceError(f"no caller named {name!r} (callers: {known})",
                               code="team_unknown", name=name, known=known)
        member = next(m for m in people.members(True) if m.id == found.id)
        if not member.active:
            raise ServiceError(f"{member.name} has left the team", code="team_left",
                               name=member.name)
        return member

    @store_guard
    def team_add(self, name: str, *, actor: str | None = None, lead: bool = False,
                 email: str = "", login: str = "") -> tuple[CallerView, bool]:
        """Add a person to the team; (them, whether they are the first, made lead). The
        first person of a new database needs nobody's leave; after that, a lead's."""
        from cockpit.store import people

        name, email, login = _member_fields(name, email, login)
        first = people.nobody_yet()
        actor_name = name if first else self._acting_lead(actor).name
        existing = people.by_name(name)
        if existing is not None:
            raise ServiceError(f"{existing.name} is already in the team",
                               code="team_duplicate" if existing.active
                               else "team_duplicate_left", name=existing.name)
        if login and people.by_login(login) is not None:
            raise ServiceError(f"the login {login!r} is already someone's",
                               code="team_login_taken", value=login)
        first_name, _, last_name = name.partition(" ")
        caller_id = people.add(name, first_name, last_name, email, login or None,
                               lead or first, actor_name, self.now())
        return CallerView(caller_id, name, first_name, lead or first), first

    @store_guard
    def team_set_lead(self, name: str, *, actor: str | None = None,
                      on: bool = True) -> CallerView:
        from cockpit.store import people

        # A team left without a lead (an older database) may name one.
        has_lead = any(c.is_lead for c in self.cards.callers())
        lead_name = self._acting_lead(actor).name if has_lead else (actor or "")
        member = self._member(name)
        if not on and member.is_lead and not any(
                m.is_lead and m.id != member.id for m in people.members()):
            raise ServiceError(f"{member.name} is the only lead", code="team_last_lead",
                               name=member.name)
        people.set_lead(member.id, on, lead_name, self.now())
        return CallerView(member.id, member.name, member.first_name, on)

    @store_guard
    def team_leave(self, name: str, *, actor: str | None = None,
                   ) -> tuple[CallerView, CallerView, Handover]:
        """The caller leaves: (who left, the lead who takes over, what went to that lead)."""
        from cockpit.store import people

        lead = self._acting_lead(actor)
        member = self._member(name)
        heir = lead if lead.id != member.id else next(
            (c for c in self.cards.callers() if c.is_lead and c.id != member.id), None)
        if heir is None:
            raise ServiceError(f"{member.name} is the only lead", code="team_last_lead",
                               name=member.name)
        handover = Handover(*people.leave(member.id, heir.id, lead.name, self.now()))
        from cockpit.logs import log

        log.info("caller #%d left the team; %d reminders, %d contacts to #%d", member.id,
                 handover.reminders, handover.contacts, heir.id)
        return CallerView(member.id, member.name, member.first_name, False), heir, handover

    @store_guard
    def set_firm_name(self, name: str, *, actor: str | None = None) -> str:
        """The firm's name, said by the scripts ({firm.name}); kept in the database, so the
        whole team's scripts say the same. A lead's, or anyone's on a new database."""
        from cockpit.store import people

        name = _firm_field(name)
        actor_name = "" if people.nobody_yet() else self._acting_lead(actor).name
        people.set_firm_name(name, actor_name, self.now())
        if not self.setup.firm_from_environment:
            self.setup.firm_name = name
        return name

    @store_guard
    def start_team(self, firm: str, name: str, email: str = "") -> CallerView:
        """The first run of a new database: the firm's name, then its first person, lead."""
        from cockpit.store import people

        if not people.nobody_yet():
            raise ServiceError("the team already exists", code="team_exists")
        # Both checked before anything is written: a refusal leaves the database new.
        _firm_field(firm)
        _member_fields(name, email, "")
        self.set_firm_name(firm)
        caller, _first = self.team_add(name, email=email, lead=True)
        return caller

    # -- private portfolios --------------------------------------------------------------------

    @store_guard
    def change_portfolio(self, actor_id: int, contact_id: int,
                         owner_id: int | None) -> None:
        """Put a contact in a private portfolio (owner_id) or back to all (None). A caller
        takes a shared contact for themselves or gives back their own; only a lead gives a
        contact to someone, or takes one from a colleague."""
        from cockpit.store.portfolio import UNKNOWN, owner_of, set_owner

        actor = next((c for c in self.cards.callers() if c.id == actor_id), None)
        if actor is None:
            raise ServiceError(f"no caller #{actor_id}", code="no_caller", id=actor_id)
        current = owner_of(contact_id)
        if current == UNKNOWN:
            raise ServiceError(f"no contact #{contact_id}", code="no_contact", id=contact_id)
        if not actor.is_lead:
            holder = next((c.name for c in self.cards.callers() if c.id == current), "")
            if owner_id is not None and owner_id != actor.id:
                raise ServiceError("only a team lead gives a contact to someone",
                                   code="portfolio_give_lead_only")
            if current not in (None, actor.id):
                raise ServiceError(f"contact #{contact_id} is in {holder or 'a colleague'}'s "
                                   "private portfolio; only a team lead can move it",
                                   code="portfolio_colleague", id=contact_id,
                                   name=holder or "?")
        set_owner(contact_id, owner_id, actor=actor.name, now=self.now())

    # -- the audit log -------------------------------------------------------------------------

    @store_guard
    def audit(self, viewer_id: int, limit: int = 200) -> list[tuple[Any, ...]]:
        from cockpit.store import persons

        viewer = next((c for c in self.cards.callers() if c.id == viewer_id), None)
        if viewer is None or not viewer.is_lead:
            raise ServiceError("only a team lead reads the audit log", code="lead_only")
        from cockpit.domain.audit import AuditLine, mark_erased
        from cockpit.store.times import aware

        lines = mark_erased(AuditLine(*row) for row in persons.audit_log(limit))
        # Stored in UTC; read in the team's local time.
        read = []
        for line in lines:
            at = aware(line.at) if isinstance(line.at, datetime | str) else None
            read.append((at.astimezone(self.zone) if at is not None else line.at, *line[2:]))
        return read

    # -- who is signed in: on PostgreSQL, the login ---------------------------------------------

    @store_guard
    def signed_in(self) -> tuple[str, str | None, int | None] | None:
        """(login, "lead" | "caller" | None, their caller row's id) on PostgreSQL; None on
        SQLite (one laptop, no logins). Read once: a login does not change while open."""
        if not self._signed_in_read:
            from cockpit.store.lean_reads import session_identity  # one query, lean or not

            self._signed_in = session_identity()
            self._signed_in_read = True
        return self._signed_in

    def acting_caller(self, name: str | None, option: str = "--caller", *,
                      lead_first: bool = False) -> CallerView | None:
        """Who a command or the cockpit acts as. Under a team role (db/team.sql) it is the
        login's own caller row: a caller naming someone else is refused, a lead may name
        anyone (to look at their queue, reminders, figures). Elsewhere (SQLite, the owner's
        login) the one named, else the first lead (`lead_first`) or the first caller; None
        when nobody matches."""
        from cockpit.services.lean import acting_caller

        return acting_caller(self.signed_in(), name, option, lead_first=lead_first,
                             team=self.cards.callers, find=self.cards.find_caller)

    @store_guard
    def check_reminder_change(self, reminder_id: int, caller: CallerView) -> None:
        """A caller closes or moves their own reminders (and those nobody owns); a lead,
        anyone's. ServiceError saying why otherwise, before anything is written."""
        from cockpit.store.reminders import open_owner

        found = open_owner(reminder_id)
        if found is None:
            raise ServiceError(f"reminder #{reminder_id} does not exist or is already done",
                               code="no_open_reminder", id=reminder_id)
        owner_id, owner_name = found
        if owner_id is not None and owner_id != caller.id and not caller.is_lead:
            raise ServiceError(f"reminder #{reminder_id} is {owner_name}'s: only they or a "
                               "team lead change it", code="not_your_reminder",
                               id=reminder_id, owner=owner_name)


def _member_fields(name: str, email: str, login: str) -> tuple[str, str, str]:
    """A new person's name, e-mail and login, tidied; ServiceError saying which is wrong."""
    name = " ".join(name.split())
    if not _MEMBER_NAME.match(name):
        raise ServiceError(f"{name!r}: a name of letters, digits, spaces, - ' . "
                           "(at most 60)", code="team_bad_name", name=name)
    email = email.strip()
    if email and not _EMAIL.match(email):
        raise ServiceError(f"--email {email!r} is not an e-mail address",
                           code="team_bad_email", value=email)
    login = login.strip().lower()
    if login and not _LOGIN.match(login):
        raise ServiceError(f"--login {login!r}: a PostgreSQL role name (letters, digits, _)",
                           code="team_bad_login", value=login)
    return name, email, login


def _firm_field(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > FIRM_MAX or not name.isprintable():
        raise ServiceError(f"{name!r}: the firm's name, one line of at most {FIRM_MAX} "
                           "characters", code="firm_bad_name", limit=FIRM_MAX)
    return name
