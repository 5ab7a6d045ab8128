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


_NAMES = st.lists(st.tuples(st.sampled_from(["Hélène", "Jean", "Lina", "Noël", "Zoé", ""]),
                            st.sampled_from(["Bérard", "Dupont", "Benali", "Leroy", "Çelik"])),
                  min_size=1, max_size=8)


def _loud(text: str) -> str:
    """The same name as another export spells it: capitals, no accents."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.upper())
                   if not unicodedata.combining(c))


@given(_NAMES, st.sampled_from(["01 42 68 53 00", "06 11 22 33 44"]))
def test_a_shared_number_never_makes_two_names_one_person(names: list[tuple[str, str]],
                                                          number: str) -> None:
    """Rows on one number are as many people as there are names on it (a missing first name
    is the same person as any first name of that surname); the same name in capitals, without
    accents, is merged. A shared landline is the company's switchboard; a mobile never."""
    from datetime import date

    from cockpit.domain.import_phones import SHARED, name_key, same_name
    from cockpit.domain.importing import check_rows, map_columns

    rows = [f"Hexa;{first};{last};{number}" for first, last in names]
    rows += [f"Hexa;{_loud(first)};{_loud(last)};{number}" for first, last in names]
    table = read_csv(("Société;Prénom;Nom;Téléphone\n" + "\n".join(rows)).encode())
    records, errors = check_rows(table, "contacts", map_columns(table.headers, "contacts"),
                                 date(2026, 11, 23))
    assert errors == []
    kept = [name_key(r.values.get("first_name", ""), r.values["last_name"]) for r in records]
    for i, a in enumerate(kept):  # nobody twice
        assert not any(same_name(a, b) for b in kept[i + 1:])
    for first, last in names:  # everybody kept
        assert any(same_name(name_key(first, last), k) for k in kept)
    if all(first for first, _ in names):
        assert len(records) == len({name_key(*n) for n in names})
    labels = {label for r in records for _, label in r.phones}
    if number.startswith("06"):
        assert labels == {"mobile"}
    else:
        assert labels == ({SHARED} if len(records) > 1 else {""})
