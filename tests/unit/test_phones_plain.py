"""The usual spellings of a metropolitan number are read without phonenumbers' parser (an
import's time went there): they must give exactly what the long way gives, valid or not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.domain import phones
from cockpit.domain.errors import ValidationError
from cockpit.domain.phones import parse_phone

SPELLINGS = ("0{a} {b} {c} {d} {e}", "+33 {a} {b} {c} {d} {e}", "0{a}.{b}.{c}.{d}.{e}",
             "0033{a}{b}{c}{d}{e}", "+33 (0){a} {b}{c} {d}{e}", "0{a}-{b}-{c}-{d}-{e}",
             " 0{a}{b}{c}{d}{e} ", "0{a}\u00a0{b}\u00a0{c}\u00a0{d}\u00a0{e}", "+33{a}{b}{c}{d}{e}",
             "0{a}/{b}/{c}/{d}/{e}", "+33 0{a} {b} {c} {d} {e}", "0{a} {b} {c} {d} {e} 1",
             "0{a} {b} {c} {d}", "+330{a}{b}{c}{d}{e}", "0{a} {b} {c} {d} {e} poste 12")


def _long_way(raw: str) -> tuple[str, object]:
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(phones, "_plain_french", lambda text, region: None)  # never plain
        return _outcome(raw)


def _outcome(raw: str) -> tuple[str, object]:
    try:
        return "ok", parse_phone(raw)
    except ValidationError as exc:
        return "refused", (exc.code, exc.message)


@settings(max_examples=400)
@given(first=st.sampled_from("0123456789"), rest=st.text("0123456789", min_size=8, max_size=8),
       spelling=st.sampled_from(SPELLINGS))
def test_any_spelling_reads_as_the_long_way_reads_it(first: str, rest: str,
                                                     spelling: str) -> None:
    raw = spelling.format(a=first, b=rest[:2], c=rest[2:4], d=rest[4:6], e=rest[6:])
    assert _outcome(raw) == _long_way(raw)


@pytest.mark.parametrize("raw", ["0690 12 34 56", "0262 20 30 40", "0800 12 34 56",
                                 "08 92 12 34 56", "+32 2 555 12 12", "04 00 00 02 96",
                                 "06 12 34 56 78", "01 42 68 53 00", "09 70 12 34 56"])
def test_overseas_toll_free_foreign_and_unknown_numbers_too(raw: str) -> None:
    assert _outcome(raw) == _long_way(raw)


def test_a_national_spelling_abroad_is_not_taken_for_french() -> None:
    assert parse_phone("02 555 12 12", "BE").e164 == "+3225551212"


@pytest.mark.parametrize("raw", ["04 00 00 02 96", "+33 (0)4 0000 0111", "0033 1 00 00 00 00",
                                 "+33 6 00 00 00 00", "06 90 00 00 00", "+33 6 90 00 00 00",
                                 "05 90 12 34 56", "08 00 00 00 00"])
def test_a_number_outside_the_plan_is_refused_for_the_same_reason_as_the_long_way(
        raw: str) -> None:
    """Such numbers are refused without phonenumbers' parser (a fifth of the bench's rows):
    the same words, the same reason a caller reads in the rejected rows' file."""
    def reason(outcome: tuple[str, object]) -> object:
        try:
            parse_phone(raw)
        except ValidationError as exc:
            return exc.code, exc.message, exc.params
        return outcome

    plain = reason(_outcome(raw))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(phones, "_plain_french", lambda text, region: None)
        assert reason(_outcome(raw)) == plain
