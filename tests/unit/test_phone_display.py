"""A French number is shown without loading phonenumbers, and exactly as phonenumbers would
show it: the short path must never write a number differently from the long one."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from cockpit.domain.phones import french_national, parse_phone, shown_national


def _valid_numbers(code: str, per_prefix: int) -> list[str]:
    """Valid numbers of a country code, a few for every three-digit prefix."""
    draw = random.Random(int(code))
    found = []
    for lead in range(100, 1000):
        for _ in range(per_prefix):
            e164 = f"+{code}{lead}{draw.randrange(10**6):06d}"
            if phonenumbers.is_valid_number(phonenumbers.parse(e164)):
                found.append(e164)
    return found


@pytest.mark.parametrize("code", ["33", "590", "594", "596", "262"])
def test_every_valid_french_number_is_written_as_phonenumbers_writes_it(code: str) -> None:
    numbers = _valid_numbers(code, per_prefix=3)
    assert len(numbers) > 20  # the plan gives out numbers under this code
    for e164 in numbers:
        national = phonenumbers.format_number(
            phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.NATIONAL)
        assert french_national(e164) == national, e164
        assert parse_phone(e164).national() == national, e164


def test_the_usual_kinds_are_written_the_french_way() -> None:
    assert shown_national("+33142685300") == "01 42 68 53 00"
    assert shown_national("+33612345678") == "06 12 34 56 78"
    assert shown_national("+33800123456") == "0 800 12 34 56"
    assert shown_national("+590690123456") == "0690 12 34 56"
    assert shown_national("+262692123456") == "0692 12 34 56"


@pytest.mark.parametrize("e164", ["+41791234567", "+32470123456", "+15145550123",
                                  "+508412345"])
def test_other_numbers_go_the_long_way_in_international_form(e164: str) -> None:
    assert french_national(e164) is None
    expected = parse_phone(e164).national()
    assert shown_national(e164) == expected
    assert expected.startswith("+") or e164.startswith("+508")  # Saint-Pierre: its own plan


@pytest.mark.parametrize("e164", ["+3314268530", "+331426853001", "+33042685300",
                                  "+3314268530x", "+5906901234"])
def test_a_malformed_french_number_is_not_written_by_the_short_path(e164: str) -> None:
    assert french_national(e164) is None
