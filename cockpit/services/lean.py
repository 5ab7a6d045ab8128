"""The services a short command needs (`cockpit reminders`, `search`, `report`…), importable
without peewee: who acts, their reminders, a search. Each rule is written here once: the
full services' parts (cards, rights, review) call these same functions, so a command reads
the same answer on the driver-only connection (store/sql.py `open_lean`) as on peewee's."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from cockpit.domain.named import TYPE_CHECKING
from cockpit.services.caller_views import CallerView, ReminderRow
from cockpit.services.errors import ServiceError, store_guard

if TYPE_CHECKING:
    from typing import Any

    from cockpit.domain.figures import Figures
    from cockpit.domain.placement import Pipeline
    from cockpit.domain.script import ScriptSet
    from cockpit.reports.model import ReportFacts
    from cockpit.services.queue import Claimed, QueueServices
    from cockpit.services.search import SearchResults
    from cockpit.services.views import QueuePage
    from cockpit.settings import Settings

Identity = tuple[str, str | None, int | None]  # the login, its team role, its caller row


def callers() -> list[CallerView]:
    """The team's active callers, in id order."""
    from cockpit.store.lean_reads import callers as rows

    return [CallerView(i, name, first, lead) for i, name, first, lead, _active in rows()]


def caller(caller_id: int, team: list[CallerView] | None = None) -> CallerView:
    """The caller of that id (among `team`, else the team read now); refused (no_caller)
    when there is none in the team."""
    found = next((c for c in (callers() if team is None else team) if c.id == caller_id), None)
    if found is None:
        raise ServiceError(f"no caller #{caller_id}", code="no_caller", id=caller_id)
    return found


def find_caller(name: str | None) -> CallerView | None:
    """The caller named (any case), if still in the team; no name: the first caller."""
    from cockpit.store.lean_reads import caller_named

    if not name:
        found = callers()
        return found[0] if found else None
    row = caller_named(name)
    # One who left the team keeps their history but can no longer be chosen.
    return CallerView(row[0], row[1], row[2], row[3]) if row and row[4] else None


def acting_caller(identity: Identity | None, name: str | None, option: str, *,
                  lead_first: bool, team: Callable[[], list[CallerView]],
                  find: Callable[[str | None], CallerView | None]) -> CallerView | None:
    """Who a command or the cockpit acts as (services/rights.py `acting_caller` says the
    rule); `team` and `find` read the callers."""
    if identity is None or identity[1] is None:
        if name:
            return find(name)
        everyone = team()
        first = everyone[0] if everyone else None
        return next((c for c in everyone if c.is_lead), first) if lead_first else first
    login, role, caller_id = identity
    me = next((c for c in team() if c.id == caller_id), None)
    if me is None:
        raise ServiceError(f"the login {login!r} is nobody's in the team: the lead gives "
                           "it to a caller (the login of their caller row)",
                           code="login_nobody", login=login)
    # The server decides who leads: a row flagged lead under a caller's role is not one.
    me = me._replace(is_lead=me.is_lead and role == "lead")
    if not name or name.strip().casefold() == me.name.casefold():
        return me
    if role != "lead":
        raise ServiceError(f"{option} {name}: you are signed in as {login}, that is "
                           f"{me.name}; a caller acts as themselves only",
                           code="not_yourself", option=option, name=name, login=login,
                           me=me.name)
    return find(name)


def open_reminders(caller_id: int | None) -> tuple[ReminderRow, ...]:
    """Open reminders of a caller (everyone's when None), soonest first."""
    from cockpit.store.lean_reads import open_reminders as rows

    return tuple(_reminder_row(r) for r in rows(caller_id, limit=500))


def _reminder_row(r: Mapping[str, object]) -> ReminderRow:
    """The store's plain row as a typed record: a reminder always has its id and due time."""
    rid, due, contact_id = r["id"], r["due_at"], r["contact_id"]
    if not isinstance(rid, int) or not isinstance(due, datetime):
        raise TypeError(f"a reminder row without its id or due time: {r!r}")
    return ReminderRow(rid, due, str(r["kind"]), str(r["reason"]), str(r["owner"]),
                       str(r["person"]), str(r["company"]),
                       contact_id if isinstance(contact_id, int) else None)


caller_of = caller  # for the methods, whose argument `caller` is a name

Find = Callable[[str | None], CallerView | None]


def whose_figures(viewer: CallerView, caller: str | None, find: Find) -> int | None:
    """The caller whose figures these are (None: the team's): a lead's choice, a caller's
    own (ServiceError when a caller asks for someone else's)."""
    if not viewer.is_lead:
        if caller and caller.casefold() != viewer.name.casefold():
            raise ServiceError("only a team lead sees other callers' figures",
                               code="lead_only")
        return viewer.id
    if caller:
        found = find(caller)
        if found is None:
            raise ServiceError(f"no caller named {caller!r}", code="no_caller_named",
                               name=caller)
        return found.id
    return None


class Labels:
    """What the figures and a report take from the content: each script's steps in order and
    the names of the scripts, steps and objections. Kept beside the checked content, a report
    reads it without loading the content's ~22 classes (a third of `cockpit report`); kept in
    marshal's form, which Python reads without an import (json's, with the `re` it imports,
    cost a report ~4 ms). The file is the user's own, owner-only, as the content's pickle."""

    __slots__ = ("objections", "order", "scripts", "steps")

    def __init__(self, order: dict[str, list[str]], objections: dict[str, str],
                 steps: dict[tuple[str, str], str], scripts: dict[str, str]) -> None:
        self.order, self.objections, self.steps, self.scripts = order, objections, steps, scripts

    @classmethod
    def of(cls, content: ScriptSet | Labels) -> Labels:
        if isinstance(content, Labels):
            return content
        return cls({name: list(script.steps) for name, script in content.scripts.items()},
                   {o.id: o.label for o in content.objections.values()},
                   {(s.id, step.id): step.title for s in content.scripts.values()
                    for step in s.steps.values()},
                   {s.id: s.title for s in content.scripts.values()})

    def as_bytes(self) -> bytes:
        import marshal

        return marshal.dumps({"order": self.order, "objections": self.objections,
                              "steps": [[s, t, title] for (s, t), title in self.steps.items()],
                              "scripts": self.scripts})

    @classmethod
    def from_bytes(cls, kept: bytes) -> Labels:
        """ValueError, TypeError, KeyError… for anything but what as_bytes wrote."""
        import marshal

        data = marshal.loads(kept)
        return cls({k: [str(v) for v in vs] for k, vs in data["order"].items()},
                   {str(k): str(v) for k, v in data["objections"].items()},
                   {(str(s), str(t)): str(title) for s, t, title in data["steps"]},
                   {str(k): str(v) for k, v in data["scripts"].items()})


def shipped_labels() -> Labels:
    """The shipped content's labels, from their file when an earlier run kept it; else from
    the checked content, then kept (best effort, owner-only, as the content's cache)."""
    import os

    from cockpit.content.cache import labels_file
    from cockpit.paths import content_folder

    root = content_folder(None)
    try:
        with open(labels_file(root), "rb") as handle:
            return Labels.from_bytes(handle.read())
    except Exception:  # missing, damaged or older: from the content itself
        pass
    from pathlib import Path

    from cockpit.content.cache import labels_path, load_content_cached

    path = labels_path(Path(root))
    labels = Labels.of(load_content_cached(Path(root)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in path.parent.glob("*.labels*"):  # older contents' (.labels.json: JSON's)
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(labels.as_bytes())
        os.replace(tmp, path)
    except OSError:
        pass
    return labels


def figures(content: ScriptSet | Labels, viewer: CallerView, start: datetime, end: datetime,
            caller: str | None, find: Find) -> Figures:
    """The figures of [start, end): the team's for a lead (or one caller's, by name);
    a caller's own otherwise."""
    from cockpit.boot import collection_paused
    from cockpit.domain.figures import compute
    from cockpit.store.figures import call_facts

    caller_id = whose_figures(viewer, caller, find)
    order = Labels.of(content).order
    with collection_paused():  # a fact a call, all alive until counted (boot.py)
        return compute(call_facts(start, end, caller_id), start, end, step_order=order)


def pipeline(viewer: CallerView, start: datetime, end: datetime, caller: str | None,
             find: Find) -> Pipeline:
    """CVs sent, interviews and placements of [start, end), with the margin of the missions
    placed: per caller (whose need it is) and for the team; a caller's own."""
    from cockpit.domain.placement import pipeline as count
    from cockpit.store.figures import proposal_facts

    return count(proposal_facts(start, end, whose_figures(viewer, caller, find)), start, end)


def report(content: ScriptSet | Labels, viewer: CallerView, start: datetime, end: datetime,
           period: str, caller: str | None, find: Find) -> ReportFacts:
    """The figures as a report's facts (`reports.model.worded` puts them in words)."""
    from cockpit.reports.model import ReportFacts

    labels = Labels.of(content)
    return ReportFacts(
        figures(labels, viewer, start, end, caller, find), period,
        caller or viewer.name if caller or not viewer.is_lead else None,
        objections=labels.objections, steps=labels.steps, scripts=labels.scripts,
        pipeline=pipeline(viewer, start, end, caller, find))


class LeanServices:
    """What a short command calls, under the names `core.Services` gives them, on the
    connection `sql.open_lean` made (closed by `close`)."""

    def __init__(self, url: str, settings: Settings, clock: Callable[[], datetime]) -> None:
        self.url = url
        self.settings = settings
        self.clock = clock
        self._identity: list[Identity | None] = []
        from cockpit.services.connection import Connection

        self.connection = Connection()  # what store_guard notes, as a part's

    def now(self) -> datetime:
        return self.clock()

    @store_guard
    def signed_in(self) -> Identity | None:
        """(login, role, caller id) on PostgreSQL, None on SQLite; read once."""
        if not self._identity:
            from cockpit.store.lean_reads import session_identity

            self._identity.append(session_identity())
        return self._identity[0]

    @store_guard
    def callers(self) -> list[CallerView]:
        return callers()

    @store_guard
    def find_caller(self, name: str | None) -> CallerView | None:
        return find_caller(name)

    @store_guard
    def acting_caller(self, name: str | None, option: str = "--caller", *,
                      lead_first: bool = False) -> CallerView | None:
        return acting_caller(self.signed_in(), name or None, option, lead_first=lead_first,
                             team=callers, find=find_caller)

    @store_guard
    def open_reminders(self, caller_id: int | None) -> tuple[ReminderRow, ...]:
        return open_reminders(caller_id)

    def search(self, caller_id: int, typed: str, per_kind: int) -> SearchResults:
        from cockpit.services.connection import Connection
        from cockpit.services.search import SearchServices

        return SearchServices(None, Connection()).search(caller_id, typed, per_kind=per_kind)

    @store_guard
    def report(self, viewer_id: int, start: datetime, end: datetime, period: str,
               caller: str | None = None) -> ReportFacts:
        return report(shipped_labels(), caller_of(viewer_id), start, end, period, caller,
                      find_caller)

    def queue_page(self, caller_id: int, *, limit: int = 50, lang: str = "fr",
                   with_excluded: bool = False) -> QueuePage:
        """The queue's own page (services/queue.py), read on this connection."""
        return self._queue().queue_page(caller_id, limit=limit, lang=lang,
                                        with_excluded=with_excluded)

    def claim_next(self, caller_id: int, lang: str = "fr") -> Claimed | None:
        """The queue's own claim (services/queue.py), its statements committed one by one
        on this connection (store/claims.py)."""
        return self._queue().claim_next(caller_id, lang)

    def _queue(self) -> QueueServices:
        from cockpit.domain.calling_hours import BUSINESS, POLICIES
        from cockpit.services.part import Setup
        from cockpit.services.queue import QueueServices

        # The queue reads neither the scripts nor the cards (a short command has neither).
        neither: Any = None
        setup = Setup(self.url, neither, self.clock,
                      POLICIES.get(self.settings.policy, BUSINESS), zone=self.settings.zone)
        return QueueServices(setup, self.connection, neither)

    def close(self) -> None:
        from cockpit.store.sql import close_lean

        close_lean()
