"""A Belgian, Swiss or Canadian number is shown without loading phonenumbers, and exactly as
phonenumbers shows it; any number the table does not know still goes the long way."""

import random

import phonenumbers
import pytest
from phonenumbers import PhoneMetadata, region_code_for_country_code

from cockpit.domain.phone_formats import FOREIGN_PLANS, foreign_international
from cockpit.domain.phones import parse_phone, shown_national


def _lengths(lengths: tuple[int, ...]) -> str:
    return "|".join(rf"\d{{{n}}}" for n in lengths)


def _plan_from_metadata(code: str) -> tuple[str, str, tuple[tuple[str, str, str], ...]]:
    """What FOREIGN_PLANS holds for a calling code, read again from phonenumbers' metadata
    (when phonenumbers' plans change, the printed table is the one to paste)."""
    region = FOREIGN_PLANS[code][0]
    meta = PhoneMetadata.metadata_for_region(region)
    main = PhoneMetadata.metadata_for_region(region_code_for_country_code(int(code)))
    assert meta is not None and main is not None and meta.general_desc is not None
    general = meta.general_desc
    kinds = [f"(?=(?:{_lengths(d.possible_length or general.possible_length)})$)"
             f"(?:{d.national_number_pattern})" for d in (
                 meta.fixed_line, meta.mobile, meta.toll_free, meta.premium_rate,
                 meta.shared_cost, meta.personal_number, meta.voip, meta.pager, meta.uan,
                 meta.voicemail)
             if d is not None and d.national_number_pattern and d.possible_length != (-1,)]
    valid = (f"(?=(?:{_lengths(general.possible_length)})$)"
             f"(?=(?:{general.national_number_pattern})$)(?:{'|'.join(kinds)})")
    formats = main.intl_number_format or main.number_format
    return region, valid, tuple(
        (f.leading_digits_pattern[-1] if f.leading_digits_pattern else "", f.pattern, f.format)
        for f in formats)


@pytest.mark.parametrize("code", sorted(FOREIGN_PLANS))
def test_the_table_is_phonenumbers_own_plan(code: str) -> None:
    assert FOREIGN_PLANS[code] == _plan_from_metadata(code), repr(_plan_from_metadata(code))


def _drawn_numbers(code: str) -> list[str]:
    """Numbers of every length the country's plan allows, valid or not, every first three
    digits drawn, and phonenumbers' own examples of each kind."""
    region = FOREIGN_PLANS[code][0]
    meta = PhoneMetadata.metadata_for_region(region)
    assert meta is not None and meta.general_desc is not None
    draw = random.Random(int(code))
    numbers = []
    for length in (*meta.general_desc.possible_length, 6):
        for lead in range(100, 1000):
            for _ in range(4):
                rest = draw.randrange(10 ** (length - 3))
                numbers.append(f"+{code}{lead}{rest:0{length - 3}d}")
    for kind in range(12):
        example = phonenumbers.example_number_for_type(region, kind)
        if example is not None:
            numbers.append(phonenumbers.format_number(example, 0))
    return numbers


@pytest.mark.parametrize("code", sorted(FOREIGN_PLANS))
def test_every_number_is_written_as_phonenumbers_writes_it(code: str) -> None:
    valid_seen = 0
    for e164 in _drawn_numbers(code):
        number = phonenumbers.parse(e164)
        shown = foreign_international(e164)
        if not phonenumbers.is_valid_number_for_region(number, FOREIGN_PLANS[code][0]):
            assert shown is None, e164  # phonenumbers decides (or refuses) the others
            continue
        valid_seen += 1
        international = phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        assert shown == international, e164
        assert shown_national(e164) == international, e164
        assert parse_phone(e164).national() == international, e164
    assert valid_seen > 100


def test_numbers_the_table_does_not_know_go_the_long_way() -> None:
    assert foreign_international("+4930123456") is None
    assert shown_national("+4930123456") == "+49 30 123456"
    assert foreign_international("+12125550123") is None  # New York: not Canada's plan
    assert shown_national("+12125550123") == "+1 212-555-0123"
    assert foreign_international("+32 2 234 56 78") is None
    assert shown_national("+3222345678") == "+32 2 234 56 78"
    assert shown_national("+41223456789") == "+41 22 345 67 89"
    assert shown_national("+15145550123") == "+1 514-555-0123"
