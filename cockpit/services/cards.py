"""Callers and contact cards."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from cockpit.domain.calling_hours import can_call_at
from cockpit.domain.errors import DomainError
from cockpit.domain.named import TYPE_CHECKING
from cockpit.domain.phones import FRENCH_CODES
from cockpit.domain.phones import Phone as DomainPhone
from cockpit.domain.prospects import judge_prospect, revenue_per_head, trend_of
from cockpit.domain.queue import describe
from cockpit.services.errors import store_guard
from cockpit.services.part import Part
from cockpit.services.views import (
    CallerView,
    CompanyView,
    ContactCardView,
    FreelanceFacts,
    HistoryItem,
    PersonRef,
    PhoneView,
    ReferredBy,
)

if TYPE_CHECKING:
    from cockpit.store.card_reads import CompanyRow, ContactRow, PhoneRow


def _referred_by(contact: ContactRow) -> ReferredBy | None:
    """Who sent us to this person: the one we were talking to when they were named."""
    source = contact.referrer
    if source is None:
        return None
    if source.is_switchboard:
        return ReferredBy(source.company_name, True) if source.company_name else None
    name = f"{source.first_name} {source.last_name}".strip()
    if source.role:
        name += f" ({source.role})"
    return ReferredBy(name, False)


class CardServices(Part):
    @store_guard
    def callers(self) -> list[CallerView]:
        from cockpit.services.lean import callers

        return callers()

    def caller(self, caller_id: int) -> CallerView:
        """The caller of that id; refused (no_caller) when there is none in the team."""
        from cockpit.services.lean import caller

        return caller(caller_id, self.callers())

    def find_caller(self, name: str | None) -> CallerView | None:
        from cockpit.services.lean import find_caller

        return find_caller(name)

    @store_guard
    def day_figures(self, caller_id: int) -> dict[str, int]:
        """The caller's figures of today in the caller's time zone, counted as the review
        counts them (domain.figures: a DO reached through the switchboard counts, a need
        is a call that ended so): the top bar and the review never disagree."""
        from cockpit.domain.figures import compute
        from cockpit.store.figures import call_facts

        zone = self.setup.zone
        start = datetime.combine(self.now().astimezone(zone).date(), time(0), zone)
        end = start + timedelta(days=1)
        mine = compute(call_facts(start, end, caller_id), start, end).team
        return {"calls": mine.calls, "reached": mine.reached, "needs": mine.needs}

    @store_guard
    def contact_card(self, person: PersonRef, lang: str = "fr") -> ContactCardView | None:
        # Plain SQL (store/card_reads.py): the first screen reads a card before peewee loads.
        from cockpit.store import card_reads as reads

        now = self.now()
        phones = tuple(self._phone_view(p, now, lang) for p in reads.phones_of(person.kind,
                                                                               person.id))
        added = reads.added_to_calls(person.kind, person.id)  # lines written after a call
        history = tuple(HistoryItem(at, who, "note" if outcome == reads.NOTE else outcome, note,
                                    tuple(added.get(at, ())) if outcome != reads.NOTE else ())
                        for at, who, outcome, note in reads.history(person.kind, person.id))
        if person.kind == "freelance":
            f = reads.freelance(person.id)
            if f is None:
                return None
            facts = FreelanceFacts(f.day_rate, f.availability, f.available_from, f.mobility,
                                   f.billing)
            return ContactCardView(person, f"{f.first_name} {f.last_name}".strip(), f.title,
                                   False, None, "", f.email, phones, history,
                                   do_not_call=f.do_not_call, freelance=facts,
                                   other_emails=tuple(f.other_emails.split()))
        c = reads.contact(person.id)
        if c is None:
            return None
        company_view = self._company_view(c.company, lang) if c.company is not None else None
        persona = ""
        if c.persona and c.persona in self.content.personas:
            p = self.content.personas[c.persona]
            persona = f"{p.name} — " + "; ".join(p.listen_for)
        return ContactCardView(person, f"{c.first_name} {c.last_name}".strip(), c.role,
                               c.is_decision_maker, company_view, persona, c.email, phones, history,
                               owner=c.owner_name or "",
                               do_not_call=c.do_not_call, referred_by=_referred_by(c),
                               other_emails=tuple(c.other_emails.split()))

    @store_guard
    def edit_contact(self, caller_id: int, person: PersonRef,
                     values: dict[str, str]) -> str:
        """Save the card's editable fields (name, role, e-mail, a new number); audited."""
        from cockpit.domain.captures import parse_capture
        from cockpit.domain.phones import parse_phone
        from cockpit.domain.script import Capture
        from cockpit.store.edits import save_contact

        if person.kind != "contact":
            raise DomainError("only contacts are edited here", code="edit_contact_only")
        email = values.get("email", "").strip()
        if email:
            email = str(parse_capture(Capture("email", "E-mail", "email"), email, self.now()))
        phone = parse_phone(values["phone"]) if values.get("phone", "").strip() else None
        role = values.get("role", "").strip()
        is_do = None
        if role:
            found = self.content.role_for(role)
            is_do = found.decision_maker if found else None
        save_contact(person.id, first_name=values.get("first_name", "").strip(),
                     last_name=values.get("last_name", "").strip(), role=role, email=email,
                     phone=phone, is_decision_maker=is_do, actor=str(caller_id), now=self.now())
        return f"{values.get('first_name', '')} {values.get('last_name', '')}".strip()

    @store_guard
    def editable_fields(self, person: PersonRef) -> dict[str, str]:
        from cockpit.store import reads

        c = reads.contact(person.id) if person.kind == "contact" else None
        if c is None:
            return {}
        return {"first_name": c.first_name, "last_name": c.last_name, "role": c.role,
                "email": c.email, "phone": ""}

    def _phone_view(self, phone: PhoneRow, now: datetime, lang: str) -> PhoneView:
        p = DomainPhone(phone.e164, phone.kind, "FR", phone.time_zone)
        verdict = can_call_at(self.policy, now, p.time_zone)
        local = now.astimezone(ZoneInfo(p.time_zone)).strftime("%H:%M")
        params = {"next": verdict.next_allowed_utc, "local_time": local, "zone": p.time_zone}
        why = "" if verdict.allowed else describe(verdict.reason_code, params, lang,
                                                  "Europe/Paris")
        try:
            display = p.national() if p.e164.startswith(FRENCH_CODES) else p.international()
        except Exception:
            display = p.e164
        return PhoneView(p.e164, display, p.kind, local, verdict.allowed, why, phone.label)

    def _company_view(self, co: CompanyRow, lang: str) -> CompanyView:
        from cockpit.store.card_reads import figures_of

        rows = figures_of(co.id)
        revenue = headcount = per_head = None
        r_trend = h_trend = ""
        if rows:
            last = rows[-1]
            prev = rows[-2] if len(rows) > 1 else None
            r_trend = str(trend_of(prev.revenue if prev else None, last.revenue) or "")
            h_trend = str(trend_of(prev.headcount if prev else None, last.headcount) or "")
            revenue, headcount = last.revenue or None, last.headcount or None
            value = revenue_per_head(last.revenue, last.headcount)
            per_head = float(value) if value is not None else None
        from cockpit.store.queue_query import company_facts

        facts = company_facts({co.id}, self.now().year).get(co.id)
        judgement = judge_prospect(facts)
        prospect = describe(judgement.reason_code, {"company": co.name}, lang)
        return CompanyView(co.name, co.kind or "", co.sector, co.city, revenue, headcount,
                           per_head, prospect, r_trend, h_trend)

