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


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_reason_the_cockpit_writes_is_worded(lang: str) -> None:
    """"Nouveau contact · redirected · Melissa" was shown on a person's record."""
    from cockpit.domain.outcomes import Outcome
    from cockpit.domain.reminder_reasons import WRITTEN_BY_COCKPIT, after_outcome

    tr = Translator(lang)
    for code in sorted(WRITTEN_BY_COCKPIT):
        said = reminder_reason(code, tr)
        assert said != code or (lang == "en" and code == "snoozed"), code
        assert not said.startswith("reminder.reason."), code
    for outcome in Outcome:
        said = reminder_reason(after_outcome(str(outcome)), tr)
        assert said == tr("reminder.reason.outcome", outcome=tr(f"outcome.{outcome}").lower())


def test_the_code_books_reminders_with_named_reasons_only() -> None:
    """A reason written as a string where a reminder is booked would reach the screens as
    a code: each must be one of cockpit/domain/reminder_reasons.py, which are worded."""
    import ast
    from pathlib import Path

    import cockpit

    def books_a_reminder(call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Name | ast.Attribute) and \
                getattr(func, "id", getattr(func, "attr", "")) == "add_reminder":
            return True
        return (isinstance(func, ast.Attribute) and func.attr in ("create", "update")
                and isinstance(func.value, ast.Name) and func.value.id == "Reminder")

    loose = []
    booked = 0
    for path in sorted(Path(cockpit.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not books_a_reminder(node):
                continue
            booked += 1
            given = [k.value for k in node.keywords if k.arg == "reason"]
            if getattr(node.func, "attr", getattr(node.func, "id", "")) == "add_reminder":
                given += node.args[5:6]
            if any(isinstance(g, ast.JoinedStr) or (isinstance(g, ast.Constant)
                   and isinstance(g.value, str)) for g in given):
                loose.append(f"{path.relative_to(path.parents[1])}:{node.lineno}")
    assert booked >= 8  # the scan sees the places that book reminders
    assert loose == []
