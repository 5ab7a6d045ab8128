"""Why a reminder was booked is said in the reader's words: what the cockpit wrote itself
("outcome no_answer", "snoozed") never shows as a code; what a caller typed shows as typed."""

from __future__ import annotations

import pytest

from cockpit.i18n import Translator
from cockpit.i18n.reasons import reminder_reason


@pytest.mark.parametrize(("stored", "fr", "en"), [
    ("outcome no_answer", "après l'appel : pas de réponse", "after the call: no answer"),
    ("snoozed", "reporté", "snoozed"),
    ("activity", "depuis l'activité générale", "from the general activity list"),
    ("comité budgétaire", "comité budgétaire", "comité budgétaire"),
])
def test_a_reason_is_said_not_coded(stored: str, fr: str, en: str) -> None:
    assert reminder_reason(stored, Translator("fr")).replace("\u00a0", " ") == fr
    assert reminder_reason(stored, Translator("en")) == en


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_reason_that_says_another_inside_it_never_reads_brackets_in_brackets(lang: str) -> None:
    # "Nouveau DO chez Numéa (type de société inconnu (ESN ou client final ?))" was shown.
    from cockpit.domain.prospects import PROSPECT_REASONS
    from cockpit.domain.queue_reasons import REASONS, describe

    params = {"company": "Numéa", "days": 120, "need": 3, "owner": 2, "count": 3, "max": 3}
    nested = []
    for code, texts in REASONS.items():
        if "{prospect}" not in texts[lang]:
            continue
        for prospect in PROSPECT_REASONS:
            said = describe(code, {**params, "prospect": prospect}, lang)
            depth = 0
            for char in said:
                depth += {"(": 1, ")": -1}.get(char, 0)
                if depth > 1:
                    nested.append(said)
                    break
    assert nested == []


def test_a_time_zone_is_said_as_its_place_not_its_code() -> None:
    """“03:39 à Europe/Paris” on the card: a caller reads the place, not the IANA name."""
    from datetime import UTC, datetime

    from cockpit.domain.queue_reasons import describe

    later = datetime(2026, 12, 2, 8, tzinfo=UTC)
    said = describe("outside_hours", {"next": later, "local_time": "03:39",
                                      "zone": "Europe/Paris"})
    assert "(03:39 à Paris)" in said and "Europe" not in said
    said = describe("weekend", {"next": later, "zone": "America/Argentina/Buenos_Aires"},
                    "en")
    assert "(Buenos Aires)" in said
