"""Properties of the two functions every import and export leans on: the phone normaliser
and the CSV neutraliser."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from cockpit.domain.phones import parse_phone
from cockpit.domain.spreadsheet import neutralise
from cockpit.domain.tables import read_csv

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@given(st.text())
def test_no_cell_reads_as_a_formula(text: str) -> None:
    out = neutralise(text)
    if out != text:
        assert out == "'" + text  # nothing lost: the quote only tells the spreadsheet "text"
    assert not out.startswith(_DANGEROUS) or out.lstrip("-").replace(".", "", 1).isdigit()


@given(st.from_regex(r"[=+@\t\r-][^\n]*", fullmatch=True))
def test_dangerous_starts_are_always_neutralised(text: str) -> None:
    if not text.lstrip("-").replace(".", "", 1).replace(",", "", 1).isdigit():
        assert neutralise(text).startswith("'")


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                                blacklist_characters="\x00"), max_size=12),
                min_size=1, max_size=5))
def test_a_neutralised_row_parses_back_as_text(cells: list[str]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerow([neutralise(c) for c in cells])
    back = next(csv.reader(io.StringIO(buffer.getvalue(), newline=""), delimiter=";"))
    assert len(back) == len(cells)
    for read, cell in zip(back, cells, strict=True):
        assert read in (cell, "'" + cell)


_SEPARATORS = st.sampled_from(["", " ", ".", "-", "  "])
_PREFIXES = st.sampled_from(["0{d}", "+33{d}", "+33 (0){d}", "0033{d}", "+33 {d}", "0033 {d}"])


@given(prefix=_PREFIXES, first=st.sampled_from("67"), sep=_SEPARATORS,
       pairs=st.lists(st.integers(0, 99), min_size=4, max_size=4))
def test_every_spelling_of_a_french_mobile_is_the_same_number(prefix: str, first: str,
                                                              sep: str, pairs: list[int]
                                                              ) -> None:
    # Metropolitan blocks only: 0639 is Mayotte, 069x the Caribbean and Réunion, 07 starts
    # at 073 (those get their own zone, tested below).
    pairs[0] = 30 + pairs[0] % 50 if first == "7" else 10 + pairs[0] % 50
    if first == "6" and pairs[0] == 39:
        pairs[0] = 38
    digits = sep.join(f"{p:02d}" for p in pairs)
    raw = prefix.format(d=first) + sep + digits
    phone = parse_phone(raw)
    assert phone.e164 == "+33" + first + "".join(f"{p:02d}" for p in pairs)
    assert phone.kind == "mobile" and phone.time_zone == "Europe/Paris"


@given(st.sampled_from([("0690 12", "GP", "America/Guadeloupe", "+590"),
                        ("0696 12", "MQ", "America/Martinique", "+596"),
                        ("0692 12", "RE", "Indian/Reunion", "+262"),
                        ("0594 30", "GF", "America/Cayenne", "+594")]),
       st.integers(0, 9999), _SEPARATORS)
def test_overseas_numbers_keep_their_zone(block: tuple[str, str, str, str], rest: int,
                                          sep: str) -> None:
    start, region, zone, code = block
    raw = start.replace(" ", sep) + sep + f"{rest // 100:02d}" + sep + f"{rest % 100:02d}"
    phone = parse_phone(raw)
    assert (phone.region, phone.time_zone) == (region, zone)
    assert phone.e164.startswith(code)


@given(st.sampled_from([";", ",", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_any_separator_and_encoding_reads_the_same_table(sep: str, encoding: str) -> None:
    text = sep.join(["Société", "Nom", "Téléphone"]) + "\r\n" + sep.join(
        ["Zéphyr", "Bérard", "01 42 68 53 00"]) + "\r\n"
    table = read_csv(text.encode(encoding))
    assert table.headers == ("Société", "Nom", "Téléphone") and table.delimiter == sep
    assert table.rows == ((2, ("Zéphyr", "Bérard", "01 42 68 53 00")),)
