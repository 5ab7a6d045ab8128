from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from cockpit.domain.captures import format_capture, parse_capture, parse_datetime
from cockpit.domain.errors import ValidationError
from cockpit.domain.script import Capture

PARIS_WINTER = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 10, 42, tzinfo=PARIS_WINTER)  # a Monday


def cap(kind: str, **kw: object) -> Capture:
    return Capture(key="k", label="Champ", type=kind, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kind", "raw", "expected"), [
    ("date", "25/12/2026", date(2026, 12, 25)),
    ("date", "25/12", date(2026, 12, 25)),
    ("date", "15/01", date(2027, 1, 15)),  # a past day of the year means next year
    ("date", "2027-03-01", date(2027, 3, 1)),
    ("date", "demain", date(2026, 11, 24)),
    ("date", "vendredi", date(2026, 11, 27)),
    ("date", "lundi", date(2026, 11, 30)),  # today is Monday: the next one
    ("datetime", "25/12 14h30", datetime(2026, 12, 25, 14, 30, tzinfo=PARIS_WINTER)),
    ("datetime", "demain 10h", datetime(2026, 11, 24, 10, 0, tzinfo=PARIS_WINTER)),
    ("datetime", "14:30", datetime(2026, 11, 23, 14, 30, tzinfo=PARIS_WINTER)),
    ("datetime", "9h", datetime(2026, 11, 24, 9, 0, tzinfo=PARIS_WINTER)),  # passed: tomorrow
    ("money", "650", Decimal(650)),
    ("money", "650 €", Decimal(650)),
    ("money", "1 200,50", Decimal("1200.50")),
    ("yesno", "Oui", True),
    ("yesno", "n", False),
    ("email", "Jean.Dupont@Example.FR", "Jean.Dupont@example.fr"),
    ("phone", "06 12 34 56 78", "+33612345678"),
    ("phone", "0690 12 34 56", "+590690123456"),
    ("siret", "732 829 320 00074", "73282932000074"),
    ("integer", "12", 12),
])
def test_typed_values(kind: str, raw: str, expected: object) -> None:
    assert parse_capture(cap(kind), raw, NOW) == expected


def test_choice_by_number_prefix_or_accents() -> None:
    capture = cap("choice", choices=("disponible", "en mission", "préavis"))
    assert parse_capture(capture, "2", NOW) == "en mission"
    assert parse_capture(capture, "PREAVIS", NOW) == "préavis"
    assert parse_capture(capture, "dispo", NOW) == "disponible"
    with pytest.raises(ValidationError):
        parse_capture(capture, "4", NOW)


@pytest.mark.parametrize(("kind", "raw", "code"), [
    ("date", "31/02/2027", "capture_date"),
    ("date", "bientôt", "capture_date"),
    ("money", "-10", "capture_money_range"),
    ("money", "douze", "capture_money"),
    ("email", "jean@", "capture_email"),
    ("phone", "12", "phone_invalid"),
    ("siret", "73282932000075", "siret_key"),
    ("yesno", "peut-être", "capture_yesno"),
])
def test_bad_values_say_what_is_wrong(kind: str, raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_capture(cap(kind), raw, NOW)
    assert caught.value.code == code
    assert "Champ" in caught.value.message


def test_required_and_empty() -> None:
    assert parse_capture(cap("text"), "  ", NOW) is None
    with pytest.raises(ValidationError) as caught:
        parse_capture(cap("text", required=True), "", NOW)
    assert caught.value.code == "capture_required"


def test_display_is_french() -> None:
    assert format_capture(cap("money"), Decimal(1200)) == "1\u202f200 €"
    assert format_capture(cap("date"), date(2026, 12, 25)) == "25/12/2026"
    assert format_capture(cap("yesno"), True) == "oui"
    assert format_capture(cap("phone"), "+33612345678") == "06 12 34 56 78"


def test_a_four_digit_year_is_read_as_written_not_as_this_century() -> None:
    from cockpit.domain.captures import parse_date

    assert parse_date("01/01/0001", date(2026, 12, 1)) == date(1, 1, 1)
    assert parse_date("01/01/27", date(2026, 12, 1)) == date(2027, 1, 1)


@pytest.mark.parametrize(("typed", "code"), [
    ("garbage", "reminder_invalid"),
    ("01/01/0001", "reminder_past"),
    ("30/11/2026 10h", "reminder_past"),
    ("31/12/9999 23:59", "reminder_too_far"),
    ("99999999999999999999/12", "reminder_invalid"),
])
def test_a_reminder_typed_must_be_a_moment_to_come(typed: str, code: str) -> None:
    from datetime import UTC, datetime

    from cockpit.domain.captures import parse_reminder
    from cockpit.domain.errors import ValidationError

    now = datetime(2026, 12, 1, 10, 42, tzinfo=UTC)
    with pytest.raises(ValidationError) as caught:
        parse_reminder(typed, now)
    assert caught.value.code == code
    assert parse_reminder("demain 10h", now) > now
    if typed == "01/01/0001":
        assert caught.value.params["when"] == "01/01/0001 09:00"


@pytest.mark.parametrize(("typed", "expected"), [
    ("23 Nov 10:42", datetime(2026, 11, 23, 10, 42)),
    ("25 déc. 14h30", datetime(2026, 12, 25, 14, 30)),
    ("25 decembre 2026 14h30", datetime(2026, 12, 25, 14, 30)),
    ("2 Jan", datetime(2027, 1, 2, 9, 0)),  # a day alone: 09:00; January typed in November
    ("1er déc.", datetime(2026, 12, 1, 9, 0)),
])
def test_a_day_in_words_is_read_as_the_cockpit_writes_it(typed: str, expected: datetime) -> None:
    now = datetime(2026, 11, 23, 9, 0, tzinfo=PARIS_WINTER)
    assert parse_datetime(typed, now) == expected.replace(tzinfo=PARIS_WINTER)


@pytest.mark.parametrize("typed", ["23 Novemberish", "32 Nov", "23 Smarch 10:00", "3 jui"])
def test_a_day_in_unknown_words_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_datetime(typed, datetime(2026, 11, 23, 9, 0, tzinfo=PARIS_WINTER))


def test_english_dates_put_the_day_first_as_they_are_typed_back() -> None:
    from cockpit.i18n.dates import format_date, format_short

    moment = datetime(2026, 11, 3, 14, 30, tzinfo=PARIS_WINTER)
    assert format_short(moment, "en", PARIS_WINTER) == "3 Nov 14:30"
    assert format_date(moment.date(), "en") == "3 Nov 2026"
    typed_back = format_short(moment, "en", PARIS_WINTER)
    assert parse_datetime(typed_back, moment - timedelta(days=1)) == moment
