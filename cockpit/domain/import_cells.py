"""What a cell of an imported file says: its text read as the field's value (a phone in
E.164, an e-mail, a rate, a date, a code among the known ones), or why it is refused (a
formula, control characters, a value of no known shape)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from cockpit.domain.captures import fold, parse_date
from cockpit.domain.errors import Reason, ValidationError
from cockpit.domain.import_figures import parse_figure, parse_year
from cockpit.domain.import_history import PARIS, moment_of, parse_moment
from cockpit.domain.import_phones import PHONE_FIELDS
from cockpit.domain.phones import parse_phone
from cockpit.domain.siret import normalise_siren, normalise_siret
from cockpit.domain.text import control_characters, html_as_text

_KIND_VALUES = {"esn conseil": "esn_conseil", "conseil": "esn_conseil", "cabinet de conseil":
                "esn_conseil", "esn": "esn_classique", "ssii": "esn_classique",
                "esn classique": "esn_classique", "client final": "end_client",
                "end client": "end_client", "client": "end_client", "autre": "other",
                "other": "other"}
_AVAILABILITY = {"disponible": "available", "available": "available", "dispo": "available",
                 "oui": "available", "en mission": "on_mission", "on mission": "on_mission",
                 "indisponible": "on_mission", "non": "on_mission", "preavis": "notice",
                 "en preavis": "notice", "notice": "notice"}
_BILLING = {"portage": "portage", "portage salarial": "portage", "umbrella": "portage",
            "societe": "own_company", "sa societe": "own_company", "siret": "own_company",
            "own company": "own_company", "freelance": "own_company", "auto-entrepreneur":
            "own_company", "micro-entreprise": "own_company", "eurl": "own_company",
            "sasu": "own_company", "unknown": "unknown", "inconnu": "unknown",
            "inconnue": "unknown", "?": "unknown"}
_YES = {"oui", "o", "yes", "y", "x", "1", "vrai", "true", "do"}
_NO = {"non", "n", "no", "0", "faux", "false", ""}
# Letters beyond ASCII too (RFC 6531): "c.françois@…" is an address people have.
_EMAIL = re.compile(r"^[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+$")


_DATE_LIKE = re.compile(r"\d")


def _cell(field_name: str, raw: str, today: date, column: str = "",
          now: datetime | None = None, order: str | None = None,
          zone: tzinfo = PARIS) -> tuple[Any, Reason | None]:
    """(the value, None) or (None, why the cell is refused). `now` bounds a last contact;
    `order` says how the column writes its dates (import_history.date_order)."""
    if raw.startswith("'"):  # the quote spreadsheets put before text ('+33…)
        raw = raw[1:]
    if raw.startswith("="):
        return None, Reason("import_formula", f"{raw!r}: a formula, not a value (export the "
                            "values, not the formulas)", {"value": raw})
    controls = _controls(field_name, raw)
    if controls:
        return None, controls
    try:
        if field_name == "last_contact" and raw and now is not None:
            return parse_moment(raw, now, zone, order), None
        return _parse(field_name, raw, today, column, order), None
    except (ValidationError, ValueError) as exc:
        return None, Reason.of(exc, value=raw)


# Shown on one line everywhere (queue, card, lists): no line break either.
_NAME_FIELDS = frozenset({"name", "first_name", "last_name", "full_name", "company", "civility",
                          "role", "title"})


def _controls(field_name: str, raw: str) -> Reason | None:
    """Why a cell holding control characters is refused (None when it holds none). They come
    from a damaged or crafted file: an escape sequence in a name would clear the caller's
    screen or rename their terminal."""
    if raw.isprintable():  # most cells: no control character can be there
        return None
    found = control_characters(raw)
    if field_name not in _NAME_FIELDS:
        found = [c for c in found if c not in ("\\x0a", "\\x09", "\\x0d")]
    if not found:
        return None
    return Reason("import_controls", f"control character(s) {', '.join(found)} in the text; "
                  "remove them from the file", {"characters": ", ".join(found)})


def _parse(field_name: str, raw: str, today: date, column: str = "",
           order: str | None = None) -> Any:
    if not raw:
        return None
    if field_name in ("revenue", "headcount") or field_name.startswith(_BY_YEAR):
        if fold(raw).strip(" .") in _UNKNOWN_FIGURE:
            return None
        return parse_figure(field_name, raw, column)
    if field_name == "year":
        return parse_year(raw)
    if field_name == "siren":
        return normalise_siren(_company_number(raw, 9))
    if field_name == "postcode":
        return _postcode(raw)
    if field_name == "cv_file":
        return cv_path(raw)
    if field_name == "comment":  # kept as written, line breaks and all (HTML as its text)
        return html_as_text(raw).strip()
    if field_name in PHONE_FIELDS:
        return _phone(raw)
    if field_name == "email":
        return _email(raw)
    if field_name == "day_rate":
        return _whole_euros(raw, "day_rate")
    if field_name == "kind":
        value = _coded(_KIND_VALUES, raw)
        if value is None:
            raise ValidationError(f"{raw!r}: expected ESN conseil, ESN, client final or autre",
                                  code="import_company_kind", value=raw)
        return value
    if field_name == "availability":
        value = _coded(_AVAILABILITY, raw)
        if value is None and _DATE_LIKE.search(raw):  # "Disponibilité : 01/03/2027"
            with contextlib.suppress(ValueError, ValidationError):
                return parse_day(raw, today, order)  # the row says it as available_from
        if value is None:
            raise ValidationError(f"{raw!r}: expected disponible, en mission or préavis",
                                  code="import_availability", value=raw)
        return value
    if field_name == "billing":
        value = _coded(_BILLING, raw)
        if value is None:
            raise ValidationError(f"{raw!r}: expected portage or société (SIRET)",
                                  code="import_billing", value=raw)
        return value
    if field_name == "posts_missions":  # oui/non, as the cockpit's export writes True/False
        return _yes_no(raw)
    if field_name in ("available_from", "next_budget"):
        try:
            return parse_day(raw, today, order)
        except (ValueError, ValidationError) as exc:
            raise ValidationError(f"{raw!r} is not a date (25/12/2026)", code="import_date",
                                  value=raw) from exc
    if field_name == "siret":
        return normalise_siret(_company_number(raw, 14))
    if field_name == "do_not_call":  # only ever set: an import never clears the flag
        return True if _yes_no(raw) else None
    if field_name == "decision_maker":
        if fold(raw) in _YES:
            return True
        if fold(raw) in _NO:
            return False
        raise ValidationError(f"{raw!r}: expected oui or non", code="import_yes_no",
                              value=raw)
    if field_name in ("skills", "technologies"):
        return " ".join(t for t in re.split(r"[\s,;/|]+", fold(raw)) if t)
    if raw.isprintable() and "  " not in raw:  # most cells: nothing to tidy
        return raw
    return _RUNS_OF_SPACE.sub(" ", raw).strip()


_SCIENTIFIC = re.compile(r"\s*\d(?:[.,]\d+)?\s*e\s*\+\s*\d{1,2}\s*", re.IGNORECASE)
_VAT = re.compile(r"fr\s*[0-9a-z]{2}\s*((?:\d[\s.]*){9})", re.IGNORECASE)
_RCS = re.compile(r"(?:r\.?\s?c\.?\s?s\.?|rcs)\b", re.IGNORECASE)
_NINE = re.compile(r"(?<!\d)(\d{3}[\s.]?\d{3}[\s.]?\d{3})(?![\s.]?\d)")


def _not_scientific(raw: str) -> None:
    """A long number Excel showed as 3,36123E+10: its last digits are gone."""
    if "+" in raw and _SCIENTIFIC.fullmatch(raw):
        raise ValidationError(f"{raw!r}: Excel wrote the number in scientific notation and "
                              "its last digits are lost; format the column as text in the "
                              "spreadsheet and export it again", code="import_scientific",
                              value=raw)


def _company_number(raw: str, digits: int) -> str:
    """A SIREN or SIRET as exports write it: "552100554.0" (a number cell), the VAT number
    "FR 40 552100554" (its SIREN), "552 100 554 RCS Paris"."""
    _not_scientific(raw)
    text = raw.strip()
    if re.fullmatch(r"[\d\s.]+[.,]0", text) and sum(c.isdigit() for c in text) == digits + 1:
        return text[:-2]
    vat = _VAT.fullmatch(text) if digits == 9 else None
    if vat is not None:
        return vat.group(1)
    if digits == 9 and _RCS.search(text):
        found = _NINE.findall(text)
        if len(found) == 1:
            return found[0]
    return raw


def parse_day(raw: str, today: date, order: str | None = None) -> date:
    """A day as an import's cell writes it: any way a last contact's date is read (ISO with
    its time, 03/12/2026 in the column's order, Dec 3, 2026, an Excel serial), or as the
    cockpit reads a typed day ("25/01", "demain"); ValueError otherwise."""
    moment = moment_of(raw, PARIS, order)
    if moment is not None:
        return moment.astimezone(PARIS).date()
    return parse_date(raw, today)


_DISPLAYED = re.compile(r"[^<>]*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*")  # Jean Dupont <j@d.fr>


_WINDOWS_DRIVE = re.compile(r"^(?:[a-zA-Z]:[\\/]|\\\\)")  # C:\…, \\server\…


def cv_path(raw: str) -> str:
    """A CV's path as a list made on Windows writes it: "CVs\\Jean Dupont.docx" is
    "CVs/Jean Dupont.docx" here; a drive's or a server's ("C:\\Users\\…") names no file of
    this machine and is refused saying what to give."""
    text = raw.strip().strip('"')
    if _WINDOWS_DRIVE.match(text):
        raise ValidationError(f"{raw!r}: a path on a Windows machine; give the CV's path "
                              "relative to the spreadsheet's folder (CVs/Jean Dupont.docx)",
                              code="import_cv_windows_path", value=raw)
    return text.replace("\\", "/") if "\\" in text and "/" not in text else text


def _email(raw: str) -> str:
    email = raw.strip().lower().removeprefix("mailto:")
    if "<" in email:  # the address as a mail client shows it, with the name
        displayed = _DISPLAYED.fullmatch(email)
        email = displayed.group(1).removeprefix("mailto:") if displayed else email
    if not _EMAIL.match(email):
        raise ValidationError(f"{raw!r} is not an e-mail address", code="import_email",
                              value=raw)
    return email


# The fields most cells of a list are parsed for, with what `_parse` does for them (a
# number, an e-mail: the cells that do not repeat, so no cache spares their reading).
def _phone(raw: str) -> Any:
    if "+" in raw and ("E" in raw or "e" in raw):
        _not_scientific(raw)
    return parse_phone(raw)


_DIRECT: dict[str, Callable[[str], Any]] = {"phone": _phone, "email": _email}


def _yes_no(raw: str) -> bool:
    if fold(raw) in _YES:
        return True
    if fold(raw) in _NO:
        return False
    raise ValidationError(f"{raw!r}: expected oui or non", code="import_yes_no", value=raw)


def _coded(known: Mapping[str, str], raw: str) -> str | None:
    """The code a word stands for; the code itself as well (the cockpit's own export writes
    "esn_conseil", "on_mission")."""
    word = fold(raw)
    return known.get(word) or (word if word in known.values() else None)


_RUNS_OF_SPACE = re.compile(r"\s+")


def _whole_euros(raw: str, what: str) -> int:
    """Whole euros; `what` ("day_rate") names the error's code."""
    text = re.sub(r"[\s\u00a0\u202f€]|eur|ht|/j(our)?", "", raw.casefold()).replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValidationError(f"{raw!r} is not an amount in euros ({what})",
                              code=f"import_{what}", value=raw) from exc
    if value < 0 or value > 100_000:
        raise ValidationError(f"{raw!r}: {what} out of range", code=f"import_{what}_range",
                              value=raw)
    return int(value)


_BY_YEAR = ("revenue_", "headcount_")  # split_field's fields, told cheaply on every cell
_UNKNOWN_FIGURE = {"nc", "n.c", "n/a", "na", "nd", "n.d", "-", "--", "?", "inconnu",
                   "non communique", "non disponible", "unknown"}


def _postcode(raw: str) -> str:
    """A French postcode has five digits; a spreadsheet that took it for a number dropped
    the leading zero of 01000."""
    text = re.sub(r"\s+", "", raw)
    if text.isdigit() and len(text) == 4:
        return "0" + text
    if text.isdigit() and len(text) != 5:
        raise ValidationError(f"{raw!r} is not a postcode (five digits: 75008)",
                              code="import_postcode", value=raw)
    return raw.strip()


