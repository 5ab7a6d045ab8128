"""SIRET (14 digits = SIREN 9 + establishment 5) and SIREN checks: digits and Luhn key."""

from __future__ import annotations

from cockpit.domain.errors import ValidationError

# La Poste's establishments carry SIREN 356 000 000; their SIRET follow a digit-sum rule instead.
_LA_POSTE_SIREN = "356000000"


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_siret(raw: str) -> str:
    """Return the 14 digits of a SIRET; raise ValidationError saying what is wrong."""
    digits = "".join(ch for ch in str(raw) if not ch.isspace() and ch not in ".-")
    if not digits:
        raise ValidationError("SIRET is empty", code="siret_empty")
    if not digits.isdigit():
        raise ValidationError(
            f"SIRET {raw!r} must contain digits only", code="siret_not_digits", value=raw
        )
    if len(digits) != 14:
        raise ValidationError(
            f"SIRET {raw!r} has {len(digits)} digits, 14 expected",
            code="siret_length",
            value=raw,
            length=len(digits),
        )
    if digits.startswith(_LA_POSTE_SIREN):
        valid = sum(int(c) for c in digits) % 5 == 0
    else:
        valid = luhn_ok(digits[:9]) and luhn_ok(digits)
    if not valid:
        raise ValidationError(f"SIRET {raw!r} fails its check key", code="siret_key", value=raw)
    return digits


def normalise_siren(raw: str) -> str:
    """Return the 9 digits of a SIREN; raise ValidationError saying what is wrong."""
    digits = "".join(ch for ch in str(raw) if not ch.isspace() and ch not in ".-")
    if not digits.isdigit():
        raise ValidationError(
            f"SIREN {raw!r} must contain digits only", code="siren_not_digits", value=raw)
    if len(digits) != 9:
        raise ValidationError(f"SIREN {raw!r} has {len(digits)} digits, 9 expected",
                              code="siren_length", value=raw, length=len(digits))
    if digits != _LA_POSTE_SIREN and not luhn_ok(digits):
        raise ValidationError(f"SIREN {raw!r} fails its check key", code="siren_key", value=raw)
    return digits
