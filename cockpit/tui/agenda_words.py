"""The agenda in words, for the command line, the cockpit and the calendar file: one line
per item, and each reminder as a calendar event ("Rappel : Jean Dupont (Atos)")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo

from cockpit.domain.ics import IcsEvent
from cockpit.domain.text import printable
from cockpit.i18n import Translator
from cockpit.i18n.dates import format_date, format_day_time
from cockpit.services.later_views import AgendaItem, AgendaView


def kind_of(item: AgendaItem, tr: Translator) -> str:
    """What the item is, as a caller says it ("Rappel", "Relance CV", "Entretien")."""
    if item.kind != "reminder":
        return tr(f"agenda.kind.{item.kind}")
    key = f"reminder.kind.{item.reminder_kind}"
    said = tr(key)
    return said if said != key else tr("agenda.kind.reminder")


def who(item: AgendaItem) -> str:
    """Jean Dupont (Atos), or the name alone."""
    person = printable(item.person)
    return f"{person} ({printable(item.company)})" if item.company else person


def title(item: AgendaItem, tr: Translator, *, with_owner: bool = False) -> str:
    said = f"{kind_of(item, tr)}{tr('reminder.kind_sep')}{who(item)}"
    if item.need:
        said += f" · {printable(item.need)}"
    if with_owner and item.owner:
        said += tr("agenda.for_caller", caller=printable(item.owner))
    return said


def when(item: AgendaItem, tr: Translator, zone: tzinfo) -> str:
    if item.at is None:  # a mission starting: its day, and its last one
        said = format_date(item.day, tr.lang)
        if item.end_day is not None:
            said += tr("agenda.until", day=format_date(item.end_day, tr.lang))
        return said
    return format_day_time(item.at, tr.lang, zone)


def line(item: AgendaItem, tr: Translator, zone: tzinfo, *, with_owner: bool = False) -> str:
    """One item on one line: `#12  lun. 7 déc. 09:00  Rappel : … · +33612345678`."""
    ref = f"#{item.id}" if item.kind == "reminder" else " " * 1
    said = f"{ref:<7} {when(item, tr, zone):<19} {title(item, tr, with_owner=with_owner)}"
    if item.number:
        said += f" · {item.number}"
    if item.overdue:
        said += f"  {tr('agenda.overdue')}"
    return said


def heading(view: AgendaView, tr: Translator) -> str:
    last = view.after - timedelta(days=1)
    span = (format_date(view.first, tr.lang) if view.first == last else
            tr("agenda.span", first=format_date(view.first, tr.lang),
               last=format_date(last, tr.lang)))
    whose = printable(view.whose) if view.whose else tr("agenda.team")
    return tr(f"agenda.heading.{view.period}", span=span, caller=whose)


def events(items: Iterable[AgendaItem], tr: Translator, *, with_owner: bool = False,
           ) -> list[IcsEvent]:
    """The reminders as calendar events: titled in the caller's language, the number to call
    in the description (and as a tel: link), the reminder's SEQUENCE so a move moves it."""
    found = []
    for item in items:
        if item.kind != "reminder" or item.at is None:
            continue
        lines = []
        if item.number:
            lines.append(tr("agenda.ics.number", number=item.number))
        if with_owner and item.owner:
            lines.append(tr("agenda.ics.owner", caller=printable(item.owner)))
        found.append(IcsEvent(uid=f"reminder-{item.id}@cockpit", start=item.at,
                              summary=title(item, tr, with_owner=with_owner),
                              description="\n".join(lines), duration=timedelta(minutes=15),
                              url=f"tel:{item.number}" if item.number else None,
                              sequence=item.sequence))
    return found


def calendar(items: Iterable[AgendaItem], tr: Translator, now: datetime, *,
             with_owner: bool = False) -> str:
    from cockpit.domain.ics import reminders_to_ics

    prodid = "-//Cockpit//Reminders//" + tr.lang.upper()
    return reminders_to_ics(events(items, tr, with_owner=with_owner), now, prodid)
