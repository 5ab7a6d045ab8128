"""The last contact's date as CRM exports and French spreadsheets write it, and the outcome
its comment tells."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cockpit.domain.import_history import HistoryError, outcome_of, parse_moment
from cockpit.domain.outcomes import Outcome

NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)


@pytest.mark.parametrize(("raw", "utc"), [
    ("2026-11-16T10:30:00Z", datetime(2026, 11, 16, 10, 30)),  # HubSpot, Salesforce API
    ("2026-11-16 10:30", datetime(2026, 11, 16, 9, 30)),  # Paris wall clock
    ("2026-11-16", datetime(2026, 11, 16, 11, 0)),  # a day alone: its noon
    ("16/11/2026", datetime(2026, 11, 16, 11, 0)),
    ("16/11/2026 14h30", datetime(2026, 11, 16, 13, 30)),
    ("16.11.2026 14:30:00", datetime(2026, 11, 16, 13, 30)),
    ("11/16/2026 02:30 PM", datetime(2026, 11, 16, 13, 30)),  # American, day second
    ("16 nov. 2026", datetime(2026, 11, 16, 11, 0)),
    ("1er août 2026", datetime(2026, 8, 1, 10, 0)),
    ("3 September 2026", datetime(2026, 9, 3, 10, 0)),  # English, the whole word
])
def test_dates_of_every_layout(raw: str, utc: datetime) -> None:
    assert parse_moment(raw, NOW).astimezone(UTC).replace(tzinfo=None) == utc


@pytest.mark.parametrize(("raw", "why"), [
    ("hier soir", "not a date"), ("31/02/2026", "not a date"),
    ("16 novemberish 2026", "not a date"),  # a month's start is not enough: all of it is a month
    ("2027-01-05", "in the future"), ("24/11/2026", "in the future"),
])
def test_what_cannot_be_a_last_contact_says_why(raw: str, why: str) -> None:
    with pytest.raises(HistoryError, match=why):
        parse_moment(raw, NOW)


@pytest.mark.parametrize(("comment", "outcome"), [
    ("Pas intéressée pour le moment", Outcome.REFUSED),
    ("Messagerie, rappeler jeudi", Outcome.NO_ANSWER),
    ("Pas de besoin avant le T2", Outcome.NO_NEED),
    ("À relancer après le comité", Outcome.CALLBACK),
    ("", Outcome.CALLBACK),
])
def test_the_comment_tells_the_outcome(comment: str, outcome: Outcome) -> None:
    assert outcome_of(comment) == outcome


@pytest.mark.parametrize(("raw", "day"), [
    ("Dec 3, 2026", "2026-12-03"), ("December 3rd, 2026", "2026-12-03"),
    ("Thu Dec 03 2026", "2026-12-03"), ("3-Dec-2026", "2026-12-03"),
    ("03-Dec-26", "2026-12-03"), ("2026/12/03", "2026-12-03"), ("46359", "2026-12-03"),
    ("12/3/2026 10:00 AM", "2026-12-03"), ("03/12/2026", "2026-12-03"),
])
def test_the_ways_exports_write_a_day(raw: str, day: str) -> None:
    from datetime import datetime as moment

    from cockpit.domain.import_history import PARIS, parse_moment

    now = moment(2026, 12, 3, 18, 0, tzinfo=PARIS)
    assert parse_moment(raw, now).date().isoformat() == day


def test_a_column_s_dates_are_read_in_one_order() -> None:
    from cockpit.domain.import_history import DAY_FIRST, MONTH_FIRST, date_order

    assert date_order(["11/20/2026", "11/5/2026"]) == MONTH_FIRST
    assert date_order(["03/12/2026", "25/12/2025", "12/01/2026"]) == DAY_FIRST
    assert date_order(["11/5/2026"]) == DAY_FIRST  # a French list's, by default
    assert date_order(["11/5/2026 10:00 AM"]) == MONTH_FIRST
