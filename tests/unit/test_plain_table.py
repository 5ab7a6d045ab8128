"""The plain table prints exactly what Rich prints, or gives the table back to Rich."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cockpit.commands.plain_table import render, width_of

QUEUE_ROW = ["12", "30/11 11:30", "Nadia Girard (DO)", "Ozoum Consulting",
             "En retard depuis le 30/11 11:30 : nouvel essai — Hors des heures d'appel (04:42"
             " à America/Toronto)\xa0: dès le 01/12 15:00", "dès 15:00"]
HEADERS = ["#", "quand", "personne", "société", "raison", "appelable"]
MARKUP = (True, True, False, False, False, True)


def _rich(title: str | None, headers: list[str], rows: list[list[str]], width: int,
          markup: tuple[bool, ...], title_markup: bool = False) -> str:
    table = Table(title=(title if title_markup else Text(title)) if title else None)
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*[v if i < len(markup) and markup[i] else Text(v)
                        for i, v in enumerate(row)])
    out = io.StringIO()
    Console(file=out, width=width).print(table)
    return out.getvalue()


@pytest.mark.parametrize("width", [24, 30, 40, 50, 80, 100, 120, 160, 200, 250])
def test_a_queue_table_is_printed_as_rich_prints_it_at_every_width(width: int) -> None:
    rows = [QUEUE_ROW, ["1", "30/11 09:00", "Julie Dubois", "Dataone Systèmes",
                        "En retard depuis le 30/11 09:00 : relance", ""], ["2", "", "", "", "", ""]]
    ours = render("Melissa : 393 à appeler", HEADERS, rows, width, markup=MARKUP)
    assert ours is not None or width < 30  # a column too narrow for a letter: Rich's
    assert ours is None or ours == _rich("Melissa : 393 à appeler", HEADERS, rows, width, MARKUP)


def test_an_empty_table_keeps_its_header() -> None:
    ours = render("Écartés", ["personne", "raison"], [], 80, title_markup=True)
    assert ours == _rich("Écartés", ["personne", "raison"], [], 80, (), title_markup=True)


def test_random_tables_match_rich_whenever_they_are_printed_plain() -> None:
    pick = random.Random(21)
    letters = "abcdefghijklmnopqrstuvwxyzÉéèàç ÎôÅ—·'-.,()0123456789:[]"

    def words() -> str:
        chunks = ("".join(pick.choice(letters) for _ in range(pick.randint(1, 18)))
                  for _ in range(pick.randint(0, 5)))
        text = " ".join(chunks).replace("  ", " ").strip()
        return text + pick.choice(["", "\xa0: fin", " — x"])

    printed = 0
    for _ in range(1500):
        columns = pick.randint(1, 6)
        headers = [words() or "#" for _ in range(columns)]
        rows = [[words() for _ in range(columns)] for _ in range(pick.randint(0, 5))]
        markup = tuple(pick.random() < 0.5 for _ in range(columns))
        title = pick.choice([None, words(), "Queue of Alice — 12 people"])
        width = pick.choice([10, 20, 30, 40, 60, 80, 120, 200])
        ours = render(title, headers, rows, width, markup=markup)
        if ours is not None:
            printed += 1
            assert ours == _rich(title, headers, rows, width, markup), (title, headers, rows)
    assert printed > 50  # the comparison is not empty


@pytest.mark.parametrize("value", ["[bold]x[/bold]", "a :smile: b", "日本", "e\u0301", "a  b",
                                   " lead", "tab\tx"])
def test_what_rich_would_read_or_measure_otherwise_goes_to_rich(value: str) -> None:
    assert render(None, ["#"], [[value]], 80, markup=(True,)) is None


class _Stream(io.StringIO):
    def __init__(self, tty: bool, encoding: str = "utf-8") -> None:
        super().__init__()
        self._tty, self._encoding = tty, encoding

    def isatty(self) -> bool:
        return self._tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def test_the_width_is_rich_s_and_a_terminal_goes_to_rich() -> None:
    assert width_of(_Stream(False), {"COLUMNS": "57"}) == 57
    assert width_of(_Stream(True), {"COLUMNS": "57"}) is None  # styles: Rich's
    assert width_of(_Stream(False), {"FORCE_COLOR": "1"}) is None
    assert width_of(_Stream(True), {"TTY_COMPATIBLE": "0", "COLUMNS": "90"}) == 90
    assert width_of(_Stream(False, "ascii"), {}) is None  # Rich draws ASCII boxes
