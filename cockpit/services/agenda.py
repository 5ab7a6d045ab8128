"""The caller's agenda by day, week or month: reminders (those left behind too), interviews
on their needs, missions starting; moving a reminder; the reminders for a calendar file."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.later_views import AgendaItem, AgendaView
from cockpit.services.part import Part, Setup
from cockpit.services.rights import RightsServices
from cockpit.services.views import CallerView


class AgendaServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices,
                 rights: RightsServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards
        self.rights = rights

    def _whose(self, viewer_id: int, caller: str | None, everyone: bool,
               ) -> tuple[CallerView, CallerView | None]:
        """(the viewer, whose agenda: None for the whole team). A caller sees their own."""
        viewer = next((c for c in self.cards.callers() if c.id == viewer_id), None)
        if viewer is None:
            raise ServiceError(f"no caller #{viewer_id}", code="no_caller", id=viewer_id)
        if everyone or (caller and caller.casefold() != viewer.name.casefold()):
            if not viewer.is_lead:
                raise ServiceError("only a team lead sees other callers' agendas",
                                   code="lead_only")
            if everyone:
                return viewer, None
            found = self.cards.find_caller(caller or "")
            if found is None:
                raise ServiceError(f"no caller named {caller!r}", code="no_caller_named",
                                   name=caller)
            return viewer, found
        return viewer, viewer

    @store_guard
    def agenda(self, viewer_id: int, period: str = "day", day: date | None = None,
               caller: str | None = None, everyone: bool = False) -> AgendaView:
        from cockpit.domain.agenda import PERIODS, bounds
        from cockpit.store import agenda

        if period not in PERIODS:
            raise ServiceError(f"unknown agenda period {period!r}; one of {', '.join(PERIODS)}",
                               code="bad_period", value=period)
        _viewer, whose = self._whose(viewer_id, caller, everyone)
        owner_id = whose.id if whose else None
        now = self.now()
        today = now.astimezone(self.zone).date()
        first, after = bounds(period, day or today)
        start, end = self._midnight(first), self._midnight(after)
        items = [self._reminder(r, now) for r in
                 agenda.reminders(owner_id, start, end, min(now, start))]
        items += [self._interview(p) for p in agenda.interviews(owner_id, start, end)]
        items += [self._mission(p) for p in agenda.missions_starting(owner_id, first, after)]
        # Those left behind before the period first, then the period in the order of time.
        items.sort(key=lambda i: (i.day >= first, i.day, i.at or self._midnight(i.day),
                                  i.kind, i.id))
        return AgendaView(period, first, after, today, tuple(items), whose.name if whose else "")

    @store_guard
    def calendar_reminders(self, viewer_id: int, caller: str | None = None,
                           everyone: bool = False) -> tuple[AgendaItem, ...]:
        """Every open reminder (a calendar file holds them all, not only a week's)."""
        from cockpit.store import agenda

        _viewer, whose = self._whose(viewer_id, caller, everyone)
        now = self.now()
        far = datetime.max.replace(tzinfo=now.tzinfo) - timedelta(days=2)
        rows = agenda.reminders(whose.id if whose else None, now, far, now, limit=5000)
        return tuple(self._reminder(r, now) for r in rows)

    @store_guard
    def move_reminder(self, viewer_id: int, reminder_id: int, move: str) -> datetime:
        """Move a reminder a working day or a week on (or back), at the same time of day;
        one's own only (a lead: anyone's). A reminder left behind moves from today. Returns
        when it is now due; refused when that has already passed."""
        from cockpit.domain.agenda import MOVES, moved
        from cockpit.store import agenda
        from cockpit.store.reminders import reschedule

        if move not in MOVES:
            raise ServiceError(f"unknown move {move!r}", code="bad_move", value=move)
        viewer = next((c for c in self.cards.callers() if c.id == viewer_id), None)
        if viewer is None:
            raise ServiceError(f"no caller #{viewer_id}", code="no_caller", id=viewer_id)
        self.rights.check_reminder_change(reminder_id, viewer)
        due = agenda.open_due(reminder_id)
        if due is None:
            raise ServiceError(f"reminder #{reminder_id} does not exist or is already done",
                               code="no_open_reminder", id=reminder_id)
        now = self.now()
        local = due.astimezone(self.zone)
        if due < now and MOVES[move] > 0:  # left behind: on from today, at its time of day
            today = now.astimezone(self.zone).date()
            local = datetime.combine(today, local.timetz().replace(tzinfo=None), self.zone)
        target = moved(local, move)
        if target <= now:
            raise ServiceError(f"reminder #{reminder_id} cannot move into the past",
                               code="agenda_past", id=reminder_id)
        if not reschedule(reminder_id, target):
            raise ServiceError(f"reminder #{reminder_id} does not exist or is already done",
                               code="no_open_reminder", id=reminder_id)
        return target

    # -- rows as items ----------------------------------------------------------------------

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.zone)

    def _reminder(self, r: dict[str, Any], now: datetime) -> AgendaItem:
        due: datetime = r["due_at"]
        return AgendaItem("reminder", int(r["id"]), due, due.astimezone(self.zone).date(),
                          r["person"], r["company"], r.get("number", ""), r["kind"],
                          r["reason"], r["owner"], due < now, int(r["sequence"]))

    def _interview(self, p: dict[str, Any]) -> AgendaItem:
        at: datetime = p["interview_at"]
        return AgendaItem("interview", int(p["id"]), at, at.astimezone(self.zone).date(),
                          p["freelance"], p["company"], need=p["need"])

    def _mission(self, p: dict[str, Any]) -> AgendaItem:
        return AgendaItem("mission", int(p["id"]), None, p["start_date"], p["freelance"],
                          p["company"], need=p["need"], end_day=p["end_date"])
