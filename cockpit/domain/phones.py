"""Phone numbers: parsed with phonenumbers, kept as E.164, French by default.

Overseas departments (a Guadeloupe 0690… mobile) and foreign numbers keep their own region
and time zone, which the calling-hours rule needs."""

from __future__ import annotations

from functools import cache

from cockpit.domain.errors import ValidationError
from cockpit.domain.named import TYPE_CHECKING, NamedTuple
from cockpit.domain.phone_formats import foreign_international

if TYPE_CHECKING:
    import re
    from typing import Any

# phonenumbers is imported where a number is parsed or formatted the long way: a start that
# only shows French numbers (the first screen) does without its ~15 ms of loading.

# French national numbers ("0690 12 34 56") belong to an overseas department when their prefix
# says so; phonenumbers needs the right region to parse them, so we try these after FR.
_OVERSEAS_REGIONS = ("GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")

# National prefixes of the overseas departments: only these are worth trying their regions
# for (an invalid metropolitan number is then refused at once, not parsed eight more times).
_OVERSEAS_PREFIXES = {"0590": ("GP", "BL", "MF"), "0690": ("GP", "BL", "MF"),
                      "0691": ("GP", "BL", "MF"), "0596": ("MQ",), "0696": ("MQ",),
                      "0697": ("MQ",), "0594": ("GF",), "0694": ("GF",), "0262": ("RE",),
                      "0263": ("RE",), "0692": ("RE",), "0693": ("RE",), "0269": ("YT",),
                      "0639": ("YT",), "0508": ("PM",), "0708": ("PM",)}


def _overseas_candidates(text: str) -> tuple[str, ...]:
    digits = "".join(ch for ch in text if ch.isdigit())
    return _OVERSEAS_PREFIXES.get(digits[:4], ())


@cache
def _french_plan() -> Any:
    """The numbers France's plan gives out, as phonenumbers' metadata lists them, in one
    pattern: the same verdict as is_valid_number, which tries each kind in turn (most of an
    import's time went there)."""
    import re

    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region("FR")
    assert meta is not None and meta.general_desc is not None  # shipped with phonenumbers
    kinds = [d.national_number_pattern for d in (
        meta.fixed_line, meta.mobile, meta.toll_free, meta.premium_rate, meta.shared_cost,
        meta.personal_number, meta.voip, meta.pager, meta.uan, meta.voicemail)
        if d is not None and d.national_number_pattern]
    general = meta.general_desc.national_number_pattern
    return re.compile(f"(?=(?:{general})$)(?:{'|'.join(f'(?:{k})' for k in kinds)})")


@cache
def _kinds() -> dict[Any, str]:
    from phonenumbers import PhoneNumberType

    return {
        PhoneNumberType.MOBILE: "mobile",
        PhoneNumberType.FIXED_LINE: "landline",
        PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline",
        PhoneNumberType.VOIP: "voip",
        PhoneNumberType.TOLL_FREE: "toll_free",
        PhoneNumberType.SHARED_COST: "shared_cost",
        PhoneNumberType.PREMIUM_RATE: "premium",
        PhoneNumberType.PAGER: "other",
        PhoneNumberType.PERSONAL_NUMBER: "other",
        PhoneNumberType.UAN: "other",
        PhoneNumberType.VOICEMAIL: "other",
    }


_FALLBACK_ZONE = {"FR": "Europe/Paris"}
_FRENCH_KIND = {"1": "landline", "2": "landline", "3": "landline", "4": "landline",
                "5": "landline", "6": "mobile", "7": "mobile", "9": "voip"}
# Where one country code covers several zones (+262: Réunion UTC+4 and Mayotte UTC+3), the
# number's own region decides; phonenumbers lists them all, in no useful order.
_ZONE_OF_REGION = {"RE": "Indian/Reunion", "YT": "Indian/Mayotte", "GP": "America/Guadeloupe",
                   "MQ": "America/Martinique", "GF": "America/Cayenne", "PM": "America/Miquelon",
                   "BL": "America/St_Barthelemy", "MF": "America/Marigot", "FR": "Europe/Paris"}


# Overseas departments that dial like metropolitan France, with a three-digit prefix.
_OVERSEAS_CODES = ("+590", "+594", "+596", "+262")
FRENCH_CODES = ("+33", *_OVERSEAS_CODES)  # the numbers a French caller writes the national way


def french_national(e164: str) -> str | None:
    """A French number (metropolitan or overseas) as a French caller writes it, without
    loading phonenumbers (~15 ms, paid by every start and every `cockpit next` that shows one
    number); None for any other number. The same text as phonenumbers' national format for
    every valid number (tests/unit/test_phone_display.py compares them)."""
    if e164.startswith("+33"):
        digits = e164[3:]
        if len(digits) != 9 or not digits.isdigit() or digits[0] == "0":
            return None
        if digits[0] == "8":  # free and shared-cost lines: 0 800 12 34 56
            return f"0 {digits[:3]} {_pairs(digits[3:])}"
        return f"0{digits[0]} {_pairs(digits[1:])}"  # 01 42 68 53 00
    if e164[:4] in _OVERSEAS_CODES:
        digits = e164[4:]
        if len(digits) == 9 and digits.isdigit():
            return f"0{digits[:3]} {_pairs(digits[3:])}"  # 0690 12 34 56
    return None


def _pairs(digits: str) -> str:
    return " ".join(digits[i:i + 2] for i in range(0, len(digits), 2))


def shown_national(e164: str) -> str:
    """A stored number (E.164) as the cockpit shows it: French ones the French way, others
    in international form."""
    shown = french_national(e164)
    if shown is None:
        shown = foreign_international(e164)
    return shown if shown is not None else parse_phone(e164).national()


class Phone(NamedTuple):
    """A valid phone number."""

    e164: str
    kind: str  # mobile | landline | voip | toll_free | shared_cost | premium | other
    region: str  # ISO 3166 region of the number: FR, GP, BE, …
    time_zone: str  # IANA zone where the phone rings, e.g. Europe/Paris, America/Guadeloupe

    def national(self) -> str:
        """As a French caller writes it: 01 42 68 53 00; foreign numbers in international form."""
        shown = french_national(self.e164)
        if shown is None and self.region not in ("FR", *_OVERSEAS_REGIONS):
            shown = foreign_international(self.e164)
        if shown is not None:
            return shown
        import phonenumbers

        number = phonenumbers.parse(self.e164)
        if self.region in ("FR", *_OVERSEAS_REGIONS):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def international(self) -> str:
        import phonenumbers

        number = phonenumbers.parse(self.e164)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def __str__(self) -> str:
        return self.national()


def _clean(raw: str) -> str:
    text = raw.strip()
    # "+33 (0)1 42 …": the (0) is the trunk prefix written for national readers; drop it.
    text = text.replace("(0)", "")
    if text.startswith("00"):
        text = "+" + text[2:]
    return text


# The usual spellings of a metropolitan number: 01 42 68 53 00, 01.42.68.53.00, +33 1 42…,
# 0033 1 42… ("+33 (0)1" and "00" are made "+33 1" and "+" by _clean first).
_SEPARATORS = str.maketrans("", "", " .-/\t\u00a0\u202f")


@cache
def _plain_french_pattern() -> re.Pattern[str]:
    import re  # here: a command that parses no number does without it (~5 ms)

    return re.compile(r"(?:0|\+33)([1-9][0-9]{8})")


def _plain_french(text: str, default_region: str) -> str | None:
    """The national significant number of a French number written one of the usual ways,
    read without phonenumbers' parser (most of an import's time went there), exactly as it
    reads it; None for any other text (extensions, letters, other countries…)."""
    found = _plain_french_pattern().fullmatch(text.translate(_SEPARATORS))
    if found is None or (default_region != "FR" and not text.startswith("+")):
        return None
    return found.group(1)


def _invalid_reason(number: Any) -> str:
    """Why phonenumbers finds a number that is not valid impossible, as a reason code."""
    import phonenumbers

    possible = phonenumbers.is_possible_number_with_reason(number)
    return {
        phonenumbers.ValidationResult.TOO_SHORT: "too_short",
        phonenumbers.ValidationResult.TOO_LONG: "too_long",
        phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "unknown_country_code",
    }.get(possible, "no_such_number_plan")


@cache
def _nine_digit_reason() -> str:
    """The reason for a French national significant number of nine digits outside the plan:
    phonenumbers judges its possibility by its length only."""
    import phonenumbers

    return _invalid_reason(phonenumbers.PhoneNumber(country_code=33, national_number=400000111))


def parse_phone(raw: str, default_region: str = "FR") -> Phone:
    """Parse any usual spelling of a number; raise ValidationError with the reason otherwise."""
    if raw is None or not str(raw).strip():
        raise ValidationError("phone number is empty", code="phone_empty")
    text = _clean(str(raw))
    plain = _plain_french(text, default_region)
    if plain is not None and plain[0] in _FRENCH_KIND and _french_plan().fullmatch(plain):
        return Phone(e164=f"+33{plain}", kind=_FRENCH_KIND[plain[0]], region="FR",
                     time_zone="Europe/Paris")  # most of any list: done
    if (plain is not None and _french_plan().fullmatch(plain) is None
            and (text.startswith("+") or not _overseas_candidates(text))):
        # Written as a French number, outside France's plan, no overseas region to try: the
        # long way below refuses it with the reason its nine digits have (their length
        # alone decides it), which is the same for every such number.
        reason = _nine_digit_reason()
        raise ValidationError(
            f"{raw!r} is not a valid phone number: {reason.replace('_', ' ')}",
            code="phone_invalid", value=raw, reason=reason)

    import phonenumbers
    from phonenumbers import PhoneNumberFormat, timezone

    if not any(ch.isdigit() for ch in text):
        raise ValidationError(f"{raw!r} has no digits", code="phone_no_digits", value=raw)
    try:
        number = (phonenumbers.parse(text, default_region) if plain is None else
                  phonenumbers.PhoneNumber(country_code=33, national_number=int(plain)))
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            f"{raw!r} is not a phone number ({exc._msg})", code="phone_unparsable", value=raw
        ) from exc
    if number.country_code == 33 and not number.extension:
        nsn = phonenumbers.national_significant_number(number)
        valid = _french_plan().fullmatch(nsn) is not None
        if valid and nsn[0] in _FRENCH_KIND:  # most of any list: no more lookups
            return Phone(e164=f"+33{nsn}", kind=_FRENCH_KIND[nsn[0]], region="FR",
                         time_zone="Europe/Paris")
    else:
        valid = phonenumbers.is_valid_number(number)
    if not valid and not text.startswith("+"):
        for region in _overseas_candidates(text):
            candidate = phonenumbers.parse(text, region)
            if phonenumbers.is_valid_number(candidate):
                number, valid = candidate, True
                break
    if not valid:
        reason = _invalid_reason(number)
        raise ValidationError(
            f"{raw!r} is not a valid phone number: {reason.replace('_', ' ')}",
            code="phone_invalid",
            value=raw,
            reason=reason,
        )
    region = phonenumbers.region_code_for_number(number) or default_region
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    # Metropolitan France, most of any list: the plan itself says the kind (06/07 mobile,
    # 01-05 landline, 09 internet lines), without phonenumbers' slower type lookup.
    first = e164[3:4] if region == "FR" else ""
    if first in _FRENCH_KIND:
        return Phone(e164=e164, kind=_FRENCH_KIND[first], region="FR", time_zone="Europe/Paris")
    zones = [z for z in timezone.time_zones_for_number(number) if z != "Etc/Unknown"]
    preferred = _ZONE_OF_REGION.get(region)
    if preferred and (preferred in zones or not zones):
        zone = preferred
    else:
        zone = zones[0] if zones else _FALLBACK_ZONE.get(region, "Europe/Paris")
    kind = _kinds().get(phonenumbers.number_type(number), "other")
    return Phone(
        e164=e164,
        kind=kind,
        region=region,
        time_zone=zone,
    )


def normalise_phone(raw: str, default_region: str = "FR") -> str:
    """The E.164 form of a number (for matching any spelling of it)."""
    return parse_phone(raw, default_region).e164
