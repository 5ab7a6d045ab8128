"""The team lead's review: the team's day as it happens, the figures of any day or week, and
the lead's moves (reassign a reminder, give or take back a private contact). A caller who
is not a lead sees their own figures only."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.later_views import TeamRow, TeamView
from cockpit.services.part import Part, Setup
from cockpit.services.queue import QueueServices
from cockpit.services.views import CallerView, ReminderRow

if TYPE_CHECKING:
    from cockpit.domain.figures import Figures
    from cockpit.domain.placement import Pipeline
    from cockpit.reports.model import ReportFacts


class ReviewServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices,
                 queue: QueueServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards
        self.queue = queue

    def _viewer(self, viewer_id: int) -> CallerView:
        return self.cards.caller(viewer_id)

    def _require_lead(self, viewer_id: int) -> CallerView:
        viewer = self._viewer(viewer_id)
        if not viewer.is_lead:
            raise ServiceError("only a team lead can do this", code="lead_only")
        return viewer

    @store_guard
    def figures(self, viewer_id: int, start: datetime, end: datetime,
                caller: str | None = None) -> Figures:
        """The figures of [start, end): the team's for a lead (or one caller's, by name);
        a caller's own otherwise."""
        from cockpit.services.lean import figures

        return figures(self.content, self._viewer(viewer_id), start, end, caller,
                       self.cards.find_caller)

    def report(self, viewer_id: int, start: datetime, end: datetime, period: str,
               caller: str | None = None) -> ReportFacts:
        """The figures as a report's facts; `reports.model.worded` puts them in words (the
        sections shared by the screen and the report files)."""
        from cockpit.services.lean import report

        return report(self.content, self._viewer(viewer_id), start, end, period, caller,
                      self.cards.find_caller)

    @store_guard
    def pipeline(self, viewer_id: int, start: datetime, end: datetime,
                 caller: str | None = None) -> Pipeline:
        """CVs sent, interviews and placements of [start, end), with the margin of the
        missions placed: per caller (whose need it is) and for the team; a caller's own."""
        from cockpit.services.lean import pipeline

        return pipeline(self._viewer(viewer_id), start, end, caller, self.cards.find_caller)

    @store_guard
    def team_today(self, viewer_id: int) -> TeamView:
        """Every caller's queue, call in progress and overdue reminders, now (a lead only)."""
        from cockpit.store import team

        self._require_lead(viewer_id)
        now = self.now()
        on_call = {name: (person, company, since)
                   for name, _id, person, company, since in team.calls_in_progress(now)}
        overdue = team.overdue_by_caller(now)
        rows = []
        for c in self.cards.callers():
            person, company, since = on_call.get(c.name, ("", "", None))
            queue = self.queue.queue_page(c.id, limit=1, count_all=True)
            rows.append(TeamRow(c.id, c.name, c.is_lead, queue.total, overdue.get(c.name, 0),
                                f"{person} · {company}" if company else person, since))
        return TeamView(tuple(rows), overdue.get("", 0), team.unassigned_leads(), now)

    @store_guard
    def open_reminders(self, caller_id: int | None) -> tuple[ReminderRow, ...]:
        """Open reminders of a caller (everyone's when None), soonest first."""
        from cockpit.services.lean import open_reminders

        return open_reminders(caller_id)

    @store_guard
    def overdue_reminders(self, viewer_id: int, caller_id: int | None,
                          ) -> tuple[ReminderRow, ...]:
        """A caller's reminders past due (the lead: anyone's; a caller: their own)."""
        from cockpit.domain.queue import CALL_KINDS

        viewer = self._viewer(viewer_id)
        if not viewer.is_lead and caller_id != viewer.id:
            raise ServiceError("only a team lead sees other callers' reminders",
                               code="lead_only")
        now = self.now()
        return tuple(r for r in self.open_reminders(caller_id)
                     if r.kind in CALL_KINDS and r.due_at < now)

    @store_guard
    def reassign_reminder(self, viewer_id: int, reminder_id: int, to: str) -> None:
        from cockpit.store.reminders import reassign

        lead = self._require_lead(viewer_id)
        target = self.cards.find_caller(to)
        if target is None:
            raise ServiceError(f"no caller named {to!r}", code="no_caller_named", name=to)
        if not reassign(reminder_id, target.id, actor=lead.name, now=self.now()):
            raise ServiceError(f"no reminder #{reminder_id}", code="no_reminder",
                               id=reminder_id)

    @store_guard
    def set_private_owner(self, viewer_id: int, contact_id: int,
                          owner: str | None) -> None:
        """Give a contact to a caller's private portfolio, or (None) give it back to all."""
        from cockpit.store.portfolio import set_owner

        lead = self._require_lead(viewer_id)
        owner_id = None
        if owner:
            target = self.cards.find_caller(owner)
            if target is None:
                raise ServiceError(f"no caller named {owner!r}", code="no_caller_named",
                                   name=owner)
            owner_id = target.id
        if not set_owner(contact_id, owner_id, actor=lead.name, now=self.now()):
            raise ServiceError(f"no contact #{contact_id}", code="no_contact", id=contact_id)


