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
