"""Placeholders in script text: {contact.last_name}, {capture.callback_at|votre créneau}…

Every placeholder has a fallback, so no raw name ever reaches the caller's screen: the
built-in ones below (FALLBACKS), or one written in the text after a bar, `{name|fallback}`,
which is the only kind a capture can have (its value exists only once typed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation

from cockpit.domain.places import with_preposition
from cockpit.domain.rates import buying_rate_for_budget, percent, verdict

_PATTERN = re.compile(r"\{([a-z_]+\.[a-z_]+)(?:\|([^{}|]*))?\}")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_COMMA = re.compile(r"[ \t]+([,.])")

Context = Mapping[str, Mapping[str, object]]

# The person asked for at the switchboard when the one queued is not the decision maker.
RECRUITER = "la personne qui s'occupe des recrutements de consultants externes"


def _value(context: Context, name: str) -> str:
    group, _, key = name.partition(".")
    value = (context.get(group) or {}).get(key)
    return "" if value is None else str(value).strip()


def _addressed(context: Context) -> str:
    """How to name the contact: "Madame Durand", else "Claire Durand", else "Durand"."""
    last = _value(context, "contact.last_name")
    first = _value(context, "contact.first_name")
    civility = _value(context, "contact.civility")
    if last and civility:
        return f"{civility} {last}"
    return " ".join(p for p in (first, last) if p) or "Madame, Monsieur"


def _ask_for(context: Context) -> str:
    """Whom the switchboard is asked for: the DO by name, or, for a permanent or an
    assistant, whoever decides (asking for them by name would put the caller through to
    someone who cannot order)."""
    if (context.get("contact") or {}).get("is_decision_maker") is False:
        return f"{RECRUITER}, ou le responsable du département"
    return _addressed(context)


def _greeting(context: Context) -> str:
    """Whom the DO script greets: the queued contact when they are the DO; after the
    switchboard was asked for whoever recruits (a permanent or an assistant was queued),
    the person on the line is someone else, and is greeted without a name."""
    if (context.get("contact") or {}).get("is_decision_maker") is False:
        return "Madame, Monsieur"
    last = _value(context, "contact.last_name")
    civility = _value(context, "contact.civility") or _value(context, "contact.first_name")
    return f"{civility} {last}" if last and civility else "Madame, Monsieur"


def _civility(context: Context) -> str:
    # Without a civility, the first name takes its place: "Claire Durand" reads well where
    # "Madame Durand" would have stood.
    return _value(context, "contact.first_name") or "Madame, Monsieur"


def _where(context: Context) -> str:
    region = _value(context, "need.region")
    return with_preposition(region) if region else "sur le lieu de la mission"


def _about(context: Context) -> str:
    # Called from a record, without a need: "au sujet de la mission « la mission »" would
    # say nothing; the call is then about the missions the firm has.
    title = _value(context, "need.title")
    if title:
        return f"de la mission «\u00a0{title}\u00a0»"
    return "des missions que nous avons en ce moment"


def _reach(context: Context) -> str:
    phone = _value(context, "caller.phone")
    if phone:
        return f"au {phone}"
    email = _value(context, "caller.email")
    if email:
        return f"par e-mail à {email}"
    return "au numéro qui s'est affiché"


def _euros(text: str) -> Decimal | None:
    """A rate as the context holds it: 530, "530", or a capture shown as "1 200 €"."""
    digits = re.sub(r"[^\d,.]", "", text).replace(",", ".")
    try:
        return Decimal(digits) if digits else None
    except InvalidOperation:
        return None


def _rate_verdict(context: Context) -> str:
    """The day rate typed, set against the budget at the firm's margin, so the caller takes
    the right branch; before it is typed, the highest buying rate the budget allows."""
    budget = _euros(_value(context, "need.budget_rate"))
    margin = _euros(_value(context, "firm.margin"))
    if budget is None or margin is None or not 0 <= margin < 1:
        return "Budget du client non communiqué : demandez son tarif et notez-le"
    asked = _euros(_value(context, "capture.day_rate"))
    if asked is None:
        return (f"Budget du client : {budget:f} € de vente, soit "
                f"{buying_rate_for_budget(budget, margin)} € d'achat au plus avec "
                f"{percent(margin)} de marge")
    return verdict(asked, budget, margin).french()


def _literal(text: str) -> Callable[[Context], str]:
    return lambda _context: text


# The built-in fallback of every placeholder a script may use: what shows when the value is
# unknown. Derived ones (addressed, ask_for, greeting, where, about, reach) are computed from
# the others.
FALLBACKS: dict[str, Callable[[Context], str]] = {
    "caller.first_name": _literal("votre conseiller"),
    "caller.last_name": _literal(""),
    "caller.reach": _reach,
    "firm.name": _literal("notre cabinet"),
    "contact.civility": _civility,
    "contact.first_name": _literal(""),
    "contact.last_name": _literal(""),
    "contact.addressed": _addressed,
    "contact.ask_for": _ask_for,
    "contact.greeting": _greeting,
    "contact.role": _literal("votre fonction"),
    "company.name": _literal("votre société"),
    "company.city": _literal("votre ville"),
    "need.title": _literal("la mission"),
    "need.region": _literal("le lieu de la mission"),
    "need.where": _where,
    "need.about": _about,
    "need.budget_rate": _literal("non communiqué"),
    "need.rate_verdict": _rate_verdict,
    "need.start": _literal("à préciser"),
    "need.duration": _literal("à préciser"),
    "freelance.first_name": _literal(""),
    "freelance.last_name": _literal(""),
    "freelance.day_rate": _literal("non communiqué"),
}

# Computed whatever the context holds: they are never read from it.
DERIVED = frozenset({"caller.reach", "contact.addressed", "contact.ask_for",
                     "contact.greeting", "need.where", "need.about",
                     "need.rate_verdict"})

KNOWN = frozenset(FALLBACKS)


def placeholders_in(text: str) -> list[str]:
    return [m.group(1) for m in _PATTERN.finditer(text)]


def without_fallback(text: str) -> list[str]:
    """The placeholders of `text` that have neither a built-in nor a written fallback."""
    return [m.group(1) for m in _PATTERN.finditer(text)
            if m.group(2) is None and m.group(1) not in FALLBACKS]


def render(text: str, context: Context) -> str:
    """Fill the placeholders; an unknown value gives way to its fallback."""

    def fill(match: re.Match[str]) -> str:
        name, written = match.group(1), match.group(2)
        builtin = FALLBACKS.get(name)
        if name in DERIVED and builtin is not None:
            return builtin(context)
        value = _value(context, name)
        if value:
            return value
        if written is not None:
            return written
        return builtin(context) if builtin is not None else ""

    filled = _PATTERN.sub(fill, text)
    if filled == text:
        return text
    # An empty fallback must not leave a double space or a space before a comma.
    return _SPACE_BEFORE_COMMA.sub(r"\1", _SPACES.sub(" ", filled)).strip()
