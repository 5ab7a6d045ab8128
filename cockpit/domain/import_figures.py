"""Company figures read from a spreadsheet: amounts with their units ("5,8 Md€", "1 200 k€",
"12.5M"), headcounts ("56 086 pers.", "51-200"), and the columns that hold one year's figure
("CA 2023", "Revenue 2024 (k€)", "Effectif 2024"), so that the prospect rule sees the
trends over the years the file gives instead of one figure put under a guessed year."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from cockpit.domain.errors import ValidationError
from cockpit.domain.text import fold

REVENUE, HEADCOUNT = "revenue", "headcount"
FIRST_YEAR, LAST_YEAR = 1950, 2100

# Multipliers, folded: what follows (or, in a header, names) the number.
_UNITS: Mapping[str, int] = {
    "": 1, "e": 1, "eur": 1, "euro": 1, "euros": 1,
    "k": 10**3, "ke": 10**3, "keur": 10**3, "kiloeuros": 10**3, "milliers": 10**3,
    "m": 10**6, "me": 10**6, "meur": 10**6, "mio": 10**6, "mln": 10**6, "million": 10**6,
    "millions": 10**6, "mn": 10**6,
    "md": 10**9, "mde": 10**9, "mds": 10**9, "mdse": 10**9, "mrd": 10**9, "mrds": 10**9,
    "milliard": 10**9, "milliards": 10**9, "bn": 10**9, "b": 10**9, "billion": 10**9,
    "billions": 10**9, "g": 10**9,
}
_FOREIGN = ("$", "usd", "£", "gbp", "chf", "¥", "yen")
_PEOPLE = ("personnes", "personne", "pers", "salaries", "salarie", "employes", "employe",
           "employees", "employee", "staff", "people", "etp", "fte", "collaborateurs")
_SPACES = re.compile(r"[\s\u00a0\u202f'’]+")
_NUMBER = re.compile(r"^([+-]?[0-9][0-9.,]*)(.*)$")

_REVENUE_WORDS = ("ca", "chiffre d'affaires", "chiffre d'affaire", "chiffre daffaires",
                  "revenue", "revenues", "revenu", "turnover", "annual revenue", "ca ht",
                  "chiffre d'affaires ht", "sales", "ventes", "ca annuel")
_HEADCOUNT_WORDS = ("effectif", "effectifs", "headcount", "employees", "salaries",
                    "nombre de salaries", "nb salaries", "number of employees", "staff",
                    "collaborateurs", "employes", "etp", "fte")
_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")
_CLOSING = re.compile(r"\s*\b(?:au|at|fin|end of)?\s*\d{1,2}[/.-]\d{1,2}[/.-]?$")
_UNIT_IN_HEADER = re.compile(r"[(\[]\s*([^)\]]*)\s*[)\]]|\ben\s+(\S+)\s*$")


class FigureError(ValidationError):
    """A figure refused: its `code` (error.<code> in the catalogues), the cell as `value`."""


def figure_field(measure: str, year: int) -> str:
    """The import field of one year's figure: "revenue_2023"."""
    return f"{measure}_{year}"


def split_field(name: str) -> tuple[str, int] | None:
    """("revenue", 2023) for "revenue_2023", None for any other field."""
    match = re.fullmatch(r"(revenue|headcount)_(\d{4})", name)
    if not match:
        return None
    year = int(match.group(2))
    return (match.group(1), year) if FIRST_YEAR <= year <= LAST_YEAR else None


def year_column(header: str) -> str | None:
    """The field a header names when it holds one year's figure ("CA 2023 (k€)" →
    "revenue_2023"), else None."""
    text = fold(header).strip(" :*")
    years = _YEAR.findall(text)
    if len(years) != 1:
        return None
    year = int(years[0])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    measure = _measure(_YEAR.sub(" ", text))
    return figure_field(measure, year) if measure else None


def measure_column(header: str) -> str | None:
    """"revenue" or "headcount" for a header naming one without a year, with its unit
    ("Chiffre d'affaires (k€)", "CA en M€", "Annual Revenue (USD)"), else None."""
    text = fold(header).strip(" :*")
    return None if _YEAR.search(text) else _measure(text)


def _measure(text: str) -> str | None:
    rest = _UNIT_IN_HEADER.sub(" ", text)
    rest = _CLOSING.sub("", rest.strip())  # "Effectif au 31/12/2023"
    rest = " ".join(re.sub(r"[_\-–:/]+", " ", rest).split())
    for words, measure in ((_REVENUE_WORDS, REVENUE), (_HEADCOUNT_WORDS, HEADCOUNT)):
        if rest in words:
            return measure
    return None


def header_unit(header: str) -> int:
    """The multiplier a header gives its cells: "CA 2023 (k€)" → 1000, "CA en M€" → 10⁶."""
    for match in _UNIT_IN_HEADER.finditer(fold(header)):
        unit = _unit_word(match.group(1) or match.group(2) or "")
        if unit is not None:
            return unit
    return 1


def _unit_word(text: str) -> int | None:
    word = _SPACES.sub("", text.casefold()).replace("€", "e").rstrip(".")
    word = word.removesuffix("ht").removesuffix("ttc")
    found = _UNITS.get(word)
    if found is None:  # "2,5 millions d'euros", "5 Md EUR"
        for currency in ("d'euros", "d’euros", "deuros", "euros", "euro", "eur", "e"):
            if word.endswith(currency) and word[: -len(currency)] in _UNITS:
                return _UNITS[word[: -len(currency)]]
    return found


def _decimal(digits: str, whole: bool) -> Decimal:
    """"1 200,5" and "1,200.5" both 1200.5; "5,8" is 5.8 (a French decimal comma); a lone
    separator followed by three digits is a thousands mark where only whole numbers make
    sense (headcounts without a unit)."""
    if digits.count(",") and digits.count("."):
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        digits = digits.replace(thousands, "").replace(decimal_mark, ".")
    else:
        for mark in (",", "."):
            count = digits.count(mark)
            if count > 1 or (count == 1 and whole and re.fullmatch(rf"\d{{1,3}}\{mark}\d{{3}}",
                                                                   digits)):
                digits = digits.replace(mark, "")
            elif count == 1:
                digits = digits.replace(mark, ".")
    try:
        return Decimal(digits)
    except InvalidOperation as exc:
        raise FigureError(digits, code="figure_number", value=digits) from exc


def parse_amount(raw: str, unit: int = 1) -> int:
    """Whole euros from "5,8 Md€", "1 200 k€", "12.5M", "€ 3 400 000", "3400000"; `unit`
    is the header's ("CA (k€)"), used when the cell names none."""
    text = raw.strip().casefold()
    if any(sign in text for sign in _FOREIGN):
        raise FigureError(f"{raw!r}: not in euros (convert it, or leave it out)",
                          code="figure_foreign", value=raw)
    text = _SPACES.sub("", text.replace("€", "").replace("eur", " eur"))
    text = text.removeprefix("eur")  # "EUR 3 400 000", as SAP and Salesforce write it
    match = _NUMBER.match(text)
    if not match:
        raise FigureError(f"{raw!r} is not an amount (5,8 M€, 1 200 k€, 12500000)",
                          code="figure_amount", value=raw)
    number, tail = match.groups()
    given = _unit_word(tail)
    if given is None:
        raise FigureError(f"{raw!r}: unknown unit {tail!r} (€, k€, M€ or Md€)",
                          code="figure_unit", value=raw, unit=tail)
    try:
        value = _decimal(number, whole=False) * (given if tail else unit)
    except FigureError as exc:  # "1.2.3,4": separators that make no number
        raise FigureError(f"{raw!r} is not an amount (5,8 M€, 1 200 k€, 12500000)",
                          code="figure_amount", value=raw) from exc
    if value < 0:
        raise FigureError(f"{raw!r}: revenue cannot be negative", code="figure_negative",
                          value=raw)
    if value >= 10**15:
        raise FigureError(f"{raw!r}: too large for a company's revenue",
                          code="figure_revenue_too_large", value=raw)
    return int(value.to_integral_value())


_BAND_WORDS = re.compile(r"^\s*(?:de|plus de|moins de|more than|less than|over|under|"
                         r"au moins|at least|jusqu'a|up to|[<>]=?|≥|≤)\s+|"
                         r"\s+(?:et plus|ou plus|and more|or more|and over|et \+)\s*$")


def parse_headcount(raw: str) -> int:
    """People from "56 086", "56 086 pers.", "1,2k", "51-200" (a range: its middle),
    "10 000+"."""
    text = fold(raw).strip()
    # INSEE's bands as French registers write them ("De 10 à 19 salariés", "10 000
    # salariés et plus") and their English kin ("More than 5000"): the band's figure.
    text = _BAND_WORDS.sub("", text)
    text = _SPACES.sub("", text).rstrip("+.")
    for word in _PEOPLE:
        if text.endswith(word):
            text = text[: -len(word)].rstrip(".")
            break
    text = text.rstrip("+")
    bounds = re.fullmatch(r"([0-9][0-9.,]*)(?:-|a|to|–)([0-9][0-9.,]*)", text)
    try:
        if bounds:
            low, high = (_decimal(b, whole=True) for b in bounds.groups())
            if high < low:
                raise FigureError(f"{raw!r}: the range is backwards",
                                  code="figure_backwards", value=raw)
            value = (low + high) / 2
        else:
            match = _NUMBER.match(text)
            if not match:
                raise FigureError(raw, code="figure_number", value=raw)
            number, tail = match.groups()
            factor = {"": 1, "k": 10**3, "m": 10**6}.get(tail)
            if factor is None:
                raise FigureError(raw, code="figure_number", value=raw)
            value = _decimal(number, whole=not tail) * factor
    except FigureError as exc:
        if exc.code != "figure_number":  # said already
            raise
        raise FigureError(f"{raw!r} is not a headcount (56 086, 1,2k, 51-200)",
                          code="figure_headcount", value=raw) from exc
    if value < 0:
        raise FigureError(f"{raw!r}: a headcount cannot be negative",
                          code="figure_negative", value=raw)
    if value > 10**8:
        raise FigureError(f"{raw!r}: too large for a headcount",
                          code="figure_headcount_too_large", value=raw)
    return int(value.to_integral_value())


def parse_year(raw: str) -> int:
    """The year of a long-format row: "2023", "FY2023", "exercice 2023", "31/12/2023"."""
    years = _YEAR.findall(raw)
    if len(set(years)) != 1 or not FIRST_YEAR <= int(years[0]) <= LAST_YEAR:
        raise FigureError(f"{raw!r} is not a year (2023)", code="figure_year", value=raw)
    return int(years[0])


def parse_figure(field_name: str, raw: str, header: str) -> int:
    """One cell of a figure column, its unit taken from the cell or else its header. A
    header in another currency ("Annual Revenue (USD)") is refused, as such a cell is; so
    is a revenue under 1,000 € that neither the cell nor the header gives a unit ("12,5"
    is 12.5 M€ or k€, never 12 €)."""
    measure = split_field(field_name)
    kind = measure[0] if measure else field_name
    if kind != REVENUE:
        return parse_headcount(raw)
    unit = header_unit(header)
    if unit == 1 and _foreign_header(header) and not _names_euros(raw):
        raise FigureError(f"{raw!r}: the column {header!r} is not in euros (convert it, or "
                          "leave it out)", code="figure_foreign_column", value=raw,
                          column=header)
    value = parse_amount(raw, unit)
    if 0 < value < 1000 and unit == 1 and not _names_unit(raw):
        raise FigureError(f"{raw!r}: no unit, and {value} € is no company's revenue: write "
                          "it with its unit (12,5 M€, 800 k€) or name the unit in the header "
                          "(CA 2024 (M€))", code="figure_no_unit", value=raw)
    return value


def _foreign_header(header: str) -> bool:
    folded = fold(header)
    return any(re.search(rf"(?<![a-z]){re.escape(sign)}(?![a-z])", folded) for sign in _FOREIGN)


def _names_euros(raw: str) -> bool:
    return "€" in raw or "eur" in raw.casefold()


def _names_unit(raw: str) -> bool:
    """Whether a cell writes its unit (€, k€, M, Md…), not only its number."""
    return bool(re.search(r"[^\d\s.,'’\u00a0\u202f+-]", raw))


def gather(values: dict[str, Any], default_year: int) -> dict[int, dict[str, int]]:
    """The row's figures by year, taken out of its values: "revenue_2023" columns, and the
    long format's "year" with plain "revenue"/"headcount" (a plain figure without a year is
    `default_year`'s)."""
    found: dict[int, dict[str, int]] = {}
    for name in [n for n in values if split_field(n)]:
        measure, year = split_field(name) or ("", 0)
        found.setdefault(year, {})[measure] = values.pop(name)
    year = values.pop("year", None)
    for measure in (REVENUE, HEADCOUNT):
        value = values.pop(measure, None)
        if value is not None:
            found.setdefault(year or default_year, {}).setdefault(measure, value)
    return found


def merge(kept: dict[int, dict[str, int]], more: Mapping[int, Mapping[str, int]]) -> None:
    """Another row of the same company (long format: one row a year) adds its years."""
    for year, figures in more.items():
        for measure, value in figures.items():
            kept.setdefault(year, {}).setdefault(measure, value)
