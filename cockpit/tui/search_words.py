"""What a search result says, in the user's language: shared by the search screen and
`cockpit search`, so that both print the same lines."""

from __future__ import annotations

from cockpit.i18n import Translator
from cockpit.services.search import SearchGroup, SearchHit
from cockpit.tui.card_words import company_kind


def said(tr: Translator, key: str) -> str:
    """A catalogue text, or "" when the code has none (a kind the catalogue does not know)."""
    text = tr(key)
    return "" if text == key else text


def group_title(group: SearchGroup, tr: Translator) -> str:
    count = f"{group.total}+" if group.capped else str(group.total)
    return tr(f"search.kind.{group.kind}", count=count)


def hit_words(hit: SearchHit, tr: Translator) -> tuple[str, ...]:
    """The parts after the name, in order: each kind says what tells two homonyms apart."""
    d = hit.detail
    if hit.kind == "company":
        kind, sector, city = d
        return tuple(p for p in (company_kind(kind, tr), sector, city) if p)
    if hit.kind == "contact":
        role, company, dnc = d
        status = tr("card.decision_maker") if hit.flag else ""
        return tuple(p for p in (role, company, status,
                                 tr("card.do_not_call") if dnc else "") if p)
    if hit.kind == "freelance":
        title, skills, dnc = d
        return tuple(p for p in (title, " ".join(skills.split()[:5]),
                                 tr("freelance.available") if hit.flag else "",
                                 tr("card.do_not_call") if dnc else "") if p)
    status, company, technologies = d
    return tuple(p for p in (said(tr, f"need.status.{status}") or status, company,
                             " ".join(technologies.split()[:5])) if p)


def hit_ref(hit: SearchHit) -> str:
    """What `cockpit person export` and the other commands take for this result."""
    return f"{hit.kind}:{hit.id}"
