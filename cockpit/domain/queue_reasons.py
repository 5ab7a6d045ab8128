"""Reason texts of the queue, in French and English, and `describe` to say one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from cockpit.domain.calling_hours import HOURS_REASONS
from cockpit.domain.calling_hours import zone_of as _zone_of
from cockpit.domain.named import TYPE_CHECKING
from cockpit.domain.prospects import PROSPECT_REASONS
from cockpit.domain.reminder_rules import FOLLOW_UP_REASONS

if TYPE_CHECKING:
    from typing import Any

DEFAULT_TIME_ZONE = "Europe/Paris"

# What each kind of call reminder is called on screen (French, English).
_KIND_LABELS = {
    "retry": ("nouvel essai", "retry"),
    "callback": ("rappel", "callback"),
    "budget": ("rappel au nouveau budget", "budget callback"),
    "follow_up": ("relance", "follow-up"),
    "new_contact": ("appeler le contact recommandé", "call the referred contact"),
}

# ---- Reason texts: every code of the queue, the calling hours and the follow-ups ----------
# Datetime parameters take a format spec ({due:%H:%M}); describe() puts them in the reader's zone.
REASONS: Mapping[str, Mapping[str, str]] = {
    "bucket_overdue": {"fr": "En retard", "en": "Overdue"},
    "bucket_due_today": {"fr": "Aujourd'hui", "en": "Due today"},
    "bucket_new_lead": {"fr": "Nouveaux prospects", "en": "New leads"},
    "bucket_stale_decision_maker": {"fr": "Activité générale", "en": "General activity"},
    "bucket_freelance": {"fr": "Freelances pour un besoin", "en": "Freelances for a need"},
    **{
        f"overdue_{kind}": {
            "fr": f"En retard depuis le {{due:%d/%m %H:%M}} : {fr}",
            "en": f"Overdue since {{due:%d %b %H:%M}}: {en}",
        }
        for kind, (fr, en) in _KIND_LABELS.items()
    },
    **{
        f"due_today_{kind}": {
            "fr": f"Aujourd'hui à {{due:%H:%M}} : {fr}",
            "en": f"Today at {{due:%H:%M}}: {en}",
        }
        for kind, (fr, en) in _KIND_LABELS.items()
    },
    **{
        f"due_later_{kind}": {
            "fr": f"Le {{due:%d/%m}} à {{due:%H:%M}} : {fr}",
            "en": f"On {{due:%d %b}} at {{due:%H:%M}}: {en}",
        }
        for kind, (fr, en) in _KIND_LABELS.items()
    },
    "new_lead_decision_maker": {
        "fr": "Nouveau DO chez {company} ({prospect})",
        "en": "New decision maker at {company} ({prospect})",
    },
    "new_lead": {
        "fr": "Nouveau contact chez {company} ({prospect})",
        "en": "New contact at {company} ({prospect})",
    },
    "silent_contact": {
        "fr": "Sans nouvelles depuis {days} jours chez {company} ({prospect})",
        "en": "Not heard from for {days} days at {company} ({prospect})",
    },
    "stale_decision_maker": {
        "fr": "DO sans contact depuis {days} jours ({company})",
        "en": "Decision maker not contacted for {days} days ({company})",
    },
    "freelance_available": {
        "fr": "Freelance disponible pour le besoin n° {need}",
        "en": "Available freelance for need #{need}",
    },
    "freelance_unavailable_stale": {
        "fr": "Freelance non disponible, sans contact depuis {days} jours (besoin n° {need})",
        "en": "Unavailable freelance, not contacted for {days} days (need #{need})",
    },
    "freelance_unavailable_never_contacted": {
        "fr": "Freelance non disponible, jamais appelé (besoin n° {need})",
        "en": "Unavailable freelance, never called (need #{need})",
    },
    "do_not_call": {
        "fr": "Ne pas appeler (demande de la personne)",
        "en": "Do not call (the person asked)",
    },
    "no_number": {
        "fr": "Aucun numéro à composer",
        "en": "No number to dial",
    },
    "private_other_caller": {
        "fr": "Portefeuille privé d'un autre appelant (n° {owner})",
        "en": "Private portfolio of another caller (#{owner})",
    },
    "claimed_other_caller": {
        "fr": "Pris par l'appelant n° {caller} jusqu'à {until:%H:%M}",
        "en": "Taken by caller #{caller} until {until:%H:%M}",
    },
    "refusal_cooldown": {
        "fr": "Refus il y a moins de {days} jours : pas avant le {until:%d/%m/%Y}",
        "en": "Refused less than {days} days ago: not before {until:%d %b %Y}",
    },
    "attempt_cap": {
        "fr": "Déjà {count} appels en {days} jours (maximum {max})",
        "en": "Already {count} calls in {days} days (at most {max})",
    },
    "reminder_scheduled": {
        "fr": "Prochain rappel prévu le {due:%d/%m/%Y %H:%M}",
        "en": "Next reminder due {due:%d %b %Y %H:%M}",
    },
    "contacted_recently": {"fr": "Contacté il y a {days} jours", "en": "Contacted {days} days ago"},
    "freelance_unavailable_recent": {
        "fr": "Freelance non disponible, contacté il y a {days} jours",
        "en": "Unavailable freelance, contacted {days} days ago",
    },
    "freelance_no_need": {
        "fr": "Aucun besoin ouvert pour ce freelance",
        "en": "No open need for this freelance",
    },
    "filtered_out": {
        "fr": "Hors du filtre (secteur, société, technologie)",
        "en": "Outside the filter (sector, company, technology)",
    },
    "other_view": {"fr": "Dans une autre vue ({bucket})", "en": "In another view ({bucket})"},
    **HOURS_REASONS,
    **PROSPECT_REASONS,
    **FOLLOW_UP_REASONS,
}

# Parameters that are themselves codes, described in the same language.
_CODE_PARAMS = frozenset({"prospect", "bucket"})


class _Placeholder(str):
    """A missing parameter shows as "{name}" (whatever its format spec), never an error."""

    def __format__(self, spec: str) -> str:
        return str(self)


class _Keep(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return _Placeholder("{" + key + "}")


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


class _Moment:
    """A moment in a reason's text: "%b" is the English month whatever the OS locale (the
    English texts put the day first, "23 Nov", as the cockpit reads dates typed back)."""

    def __init__(self, value: datetime) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self.value)
        return self.value.strftime(spec.replace("%b", _MONTHS_EN[self.value.month - 1]))


def place_of_zone(time_zone: str) -> str:
    """The place a time zone is named after, as a person says it: "Europe/Paris" → "Paris",
    "America/Argentina/Buenos_Aires" → "Buenos Aires" (a caller reads "03:39 à Paris")."""
    return time_zone.rsplit("/", 1)[-1].replace("_", " ")


def describe(
    code: str,
    params: Mapping[str, Any] | None = None,
    lang: str = "fr",
    time_zone: str = DEFAULT_TIME_ZONE,
) -> str:
    """The reason in French or English, times in `time_zone`; an unknown code shows as itself."""
    texts = REASONS.get(code)
    if texts is None:
        return code
    values = _Keep()
    for key, value in (params or {}).items():
        if key in _CODE_PARAMS and isinstance(value, str) and value in REASONS:
            value = REASONS[value].get(lang, REASONS[value]["fr"])
        elif isinstance(value, datetime):
            value = _Moment(value.astimezone(_zone_of(time_zone)) if value.tzinfo else value)
        elif key == "zone" and isinstance(value, str):
            value = place_of_zone(value)
        values[key] = value
    template = texts.get(lang, texts["fr"])
    try:
        return template.format_map(values)
    except (ValueError, TypeError, IndexError):  # a parameter of an unexpected type
        return template
