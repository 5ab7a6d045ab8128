from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.domain.errors import ValidationError
from cockpit.domain.phones import parse_phone
from cockpit.domain.siret import normalise_siret


@pytest.mark.parametrize(("raw", "e164", "kind", "zone", "shown"), [
    ("01 42 68 53 00", "+33142685300", "landline", "Europe/Paris", "01 42 68 53 00"),
    ("+33 (0)6 12 34 56 78", "+33612345678", "mobile", "Europe/Paris", "06 12 34 56 78"),
    ("0033.6.12.34.56.78", "+33612345678", "mobile", "Europe/Paris", "06 12 34 56 78"),
    ("0690 12 34 56", "+590690123456", "mobile", "America/Guadeloupe", "0690 12 34 56"),
    ("0262 20 30 40", "+262262203040", "landline", "Indian/Reunion", "0262 20 30 40"),
    ("+32 2 555 12 12", "+3225551212", "landline", "Europe/Brussels", "+32 2 555 12 12"),
    ("+1 514 555 0199", "+15145550199", "landline", "America/Toronto", "+1 514-555-0199"),
])
def test_numbers_keep_their_region_and_time_zone(raw: str, e164: str, kind: str, zone: str,
                                                 shown: str) -> None:
    phone = parse_phone(raw)
    assert (phone.e164, phone.time_zone, phone.national()) == (e164, zone, shown)
    assert phone.kind == kind or (kind == "landline" and phone.kind in ("landline", "other"))


@pytest.mark.parametrize(("raw", "code"), [
    ("", "phone_empty"), ("appeler le standard", "phone_no_digits"),
    ("01 42", "phone_invalid"), ("+999 12 34 56 78", "phone_unparsable"),
])
def test_bad_numbers_say_why(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_phone(raw)
    assert caught.value.code == code


@pytest.mark.parametrize(("raw", "code"), [
    ("732 829 320 00074", None), ("73282932000075", "siret_key"),
    ("7328293200007", "siret_length"), ("7328293200007A", "siret_not_digits"), ("", "siret_empty"),
])
def test_siret(raw: str, code: str | None) -> None:
    if code is None:
        assert normalise_siret(raw) == "73282932000074"
        return
    with pytest.raises(ValidationError) as caught:
        normalise_siret(raw)
    assert caught.value.code == code


@given(first=st.sampled_from("1234679"), rest=st.text("0123456789", min_size=8, max_size=8))
def test_french_numbers_are_written_as_phonenumbers_writes_them(first: str, rest: str) -> None:
    """The card writes metropolitan numbers itself (a start then does without loading
    phonenumbers): exactly as phonenumbers' national format would."""
    import phonenumbers

    e164 = f"+33{first}{rest}"
    try:
        phone = parse_phone(e164)
    except ValidationError:
        return  # not a number of the plan
    expected = phonenumbers.format_number(phonenumbers.parse(e164),
                                          phonenumbers.PhoneNumberFormat.NATIONAL)
    assert phone.national() == expected
