"""A contact card in words: what the services' `ContactCardView` holds as codes, in the
caller's language (the services return the codes, never the words)."""

from __future__ import annotations

from datetime import date

from cockpit.domain.named import TYPE_CHECKING
from cockpit.domain.text import grouped
from cockpit.i18n.dates import format_date

if TYPE_CHECKING:
    from cockpit.i18n import Translator
    from cockpit.services.views import CompanyView, FreelanceFacts, ReferredBy


ARROW = {"up": "↗", "down": "↘", "flat": "→"}  # a trend against the year before


def money(amount: float | None, tr: Translator) -> str:
    """265,8 M€ / 143 k€ (265.8 M€ in English); "?" unknown."""
    if amount is None:
        return tr("record.unknown")
    big = amount >= 1_000_000
    text = f"{amount / 1_000_000:.1f} M€" if big else f"{amount / 1000:.0f} k€"
    return text.replace(".", ",") if tr.lang == "fr" else text


def company_figures(company: CompanyView, tr: Translator) -> list[str]:
    """The card's line of a company's latest figures: revenue, headcount, revenue a head."""
    parts = []
    if company.revenue:
        parts.append(tr("card.revenue", amount=money(company.revenue, tr),
                        arrow=ARROW.get(company.revenue_trend, "")).strip())
    if company.headcount:
        parts.append(tr("card.headcount", count=grouped(company.headcount, tr.lang),
                        arrow=ARROW.get(company.headcount_trend, "")).strip())
    if company.revenue_per_head is not None:
        parts.append(tr("card.per_head", amount=money(company.revenue_per_head, tr)))
    return parts


def said(tr: Translator, key: str, code: str) -> str:
    """The words of `key`, or the code itself when no words were written for it."""
    words = tr(key)
    return code if words == key else words


def history_outcome(code: str, tr: Translator) -> str:
    """"Rappel convenu"; "Note hors appel" for a note written outside any call."""
    return tr("card.history_note") if code == "note" else tr(f"outcome.{code}")


def company_kind(code: str, tr: Translator) -> str:
    """"ESN classique", "client final"…; nothing for a company of no particular kind."""
    return "" if code in ("", "other") else said(tr, f"card.kind.{code}", code)


def referred_by(source: ReferredBy, tr: Translator) -> str:
    if source.switchboard:
        return tr("card.referred_by_switchboard", company=source.name)
    return tr("card.referred_by", name=source.name)


def availability(status: str, available_from: date | None, tr: Translator) -> str:
    """Available, on a mission or under notice, and from when when not available now."""
    words = tr(f"freelance.{status}") if status in ("available", "on_mission") \
        else tr("freelance.notice")
    if status != "available" and available_from:
        words += " · " + tr("freelance.free_from", date=format_date(available_from, tr.lang))
    return words


def freelance_lines(f: FreelanceFacts, tr: Translator) -> tuple[tuple[str, str], ...]:
    """(label, value) lines of a freelance's card: rate, availability, mobility, billing."""
    return ((tr("card.day_rate"), f"{f.day_rate} €" if f.day_rate else "?"),
            (tr("card.availability"), availability(f.availability, f.available_from, tr)),
            (tr("card.mobility"), f.mobility or "?"),
            (tr("card.billing"), tr(f"freelance.billing.{f.billing}")))


def match_availability(status: str, available_from: date | None, tr: Translator) -> str:
    """A freelance in a match list: available, free from a date, or on a mission."""
    if status == "available":
        return tr("freelance.available")
    if available_from is not None:
        return tr("freelance.free_from", date=format_date(available_from, tr.lang))
    return tr("freelance.on_mission")
