"""Company figures as spreadsheets write them: units in the cell or its header, French and
English number spellings, headcount ranges, and the columns that name a year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.domain.import_figures import (
    FigureError,
    gather,
    header_unit,
    parse_amount,
    parse_headcount,
    parse_year,
    year_column,
)


@pytest.mark.parametrize(("raw", "euros"), [
    ("5,8 Md€", 5_800_000_000),
    ("1 200 k€", 1_200_000),
    ("12.5M", 12_500_000),
    ("12,5 M€", 12_500_000),
    ("3 400 000 €", 3_400_000),
    ("€3,400,000", 3_400_000),
    ("3.400.000", 3_400_000),
    ("5,8 Mds €", 5_800_000_000),
    ("4,2 M€ HT", 4_200_000),
    ("250 KEUR", 250_000),
    ("1,234.5 k€", 1_234_500),
    ("6 300 000", 6_300_000),
    ("5.8bn", 5_800_000_000),
])
def test_amounts_in_every_spelling(raw: str, euros: int) -> None:
    assert parse_amount(raw) == euros


def test_the_header_gives_the_unit_a_cell_leaves_out() -> None:
    assert header_unit("CA 2025 (k€)") == 1000
    assert header_unit("Chiffre d'affaires en M€") == 10**6
    assert parse_amount("5 800", header_unit("CA 2025 (k€)")) == 5_800_000
    assert parse_amount("5,8 M€", header_unit("CA 2025 (k€)")) == 5_800_000  # the cell wins


@pytest.mark.parametrize("raw", ["$5M", "5 M USD", "£3m", "beaucoup", "5 Mo", "12,5 M€ ou 13"])
def test_what_is_not_an_amount_in_euros_says_so(raw: str) -> None:
    with pytest.raises(FigureError, match=r"not in euros|not an amount|unknown unit"):
        parse_amount(raw)


@pytest.mark.parametrize(("raw", "people"), [
    ("56 086", 56_086), ("56 086 pers.", 56_086), ("57 000 salariés", 57_000),
    ("1,2k", 1_200), ("1.200", 1_200), ("1,200", 1_200), ("50-150", 100),
    ("10 000+", 10_000), ("45", 45), ("200 employees", 200),
])
def test_headcounts(raw: str, people: int) -> None:
    assert parse_headcount(raw) == people


@pytest.mark.parametrize(("header", "field"), [
    ("CA 2023", "revenue_2023"), ("CA 2025 (k€)", "revenue_2025"),
    ("Revenue 2024", "revenue_2024"), ("Chiffre d'affaires 2022", "revenue_2022"),
    ("Effectif 2024", "headcount_2024"), ("Headcount 2023", "headcount_2023"),
    ("CA_2023", "revenue_2023"), ("Effectif au 31/12/2023", "headcount_2023"),
    ("Annual Revenue 2024 (M€)", "revenue_2024"),
    ("Date 2023", None), ("CA", None), ("CA 2023 2024", None), ("Nom", None),
])
def test_columns_that_name_a_year(header: str, field: str | None) -> None:
    assert year_column(header) == field


def test_a_row_gathers_its_years_and_a_bare_figure_is_last_years() -> None:
    values = {"name": "Hexa", "revenue_2023": 4, "revenue_2024": 5, "headcount_2024": 40,
              "headcount": 50}
    assert gather(values, 2025) == {2023: {"revenue": 4}, 2024: {"revenue": 5,
                                                                 "headcount": 40},
                                    2025: {"headcount": 50}}
    assert values == {"name": "Hexa"}
    long = {"name": "Hexa", "year": 2022, "revenue": 7}
    assert gather(long, 2025) == {2022: {"revenue": 7}}


def test_years() -> None:
    assert parse_year("2023") == 2023 and parse_year("FY2023") == 2023
    assert parse_year("31/12/2023") == 2023
    with pytest.raises(FigureError, match="not a year"):
        parse_year("23")


_UNITS = {"": 1, " k€": 10**3, " M€": 10**6, " Md€": 10**9, "k": 10**3, "M": 10**6}


@given(whole=st.integers(0, 999_999), tenths=st.integers(0, 9),
       unit=st.sampled_from(sorted(_UNITS)), french=st.booleans())
def test_any_amount_written_the_french_or_english_way_reads_back(
        whole: int, tenths: int, unit: str, french: bool) -> None:
    grouped = f"{whole:,}".replace(",", "\u202f" if french else ",")
    mark = "," if french else "."
    raw = f"{grouped}{mark}{tenths}{unit}"
    expected = int(((Decimal(whole) + Decimal(tenths) / 10) * _UNITS[unit]).to_integral_value())
    assert parse_amount(raw) == expected


@given(st.integers(0, 10**7), st.booleans())
def test_any_headcount_with_thousands_spaces_reads_back(people: int, nbsp: bool) -> None:
    assert parse_headcount(f"{people:,}".replace(",", "\u00a0" if nbsp else " ")) == people



def test_a_figure_column_without_a_year_names_its_unit() -> None:
    from cockpit.domain.import_figures import measure_column, parse_figure

    assert measure_column("Chiffre d'affaires (k€)") == "revenue"
    assert measure_column("CA en M€") == "revenue"
    assert measure_column("Effectif") == "headcount"
    assert measure_column("CA 2024") is None and measure_column("Nom") is None
    assert parse_figure("revenue", "12 500", "Chiffre d'affaires (k€)") == 12_500_000
    assert parse_figure("revenue", "0", "CA") == 0
    with pytest.raises(FigureError, match="no unit"):
        parse_figure("revenue_2024", "12,5", "CA 2024")
    with pytest.raises(FigureError, match="not in euros"):
        parse_figure("revenue", "5000000", "Annual Revenue (USD)")
    assert parse_figure("revenue", "5 M€", "Annual Revenue (USD)") == 5_000_000


@pytest.mark.parametrize(("raw", "people"), [
    ("De 10 à 19 salariés", 14), ("De 1 000 à 1 999 salariés", 1_500),
    ("10 000 salariés et plus", 10_000), ("Plus de 5000", 5_000), ("More than 500", 500),
])
def test_headcount_bands_as_registers_write_them(raw: str, people: int) -> None:
    assert parse_headcount(raw) == people


@pytest.mark.parametrize(("raw", "euros"), [
    ("EUR 3 400 000", 3_400_000), ("2,5 millions d'euros", 2_500_000),
    ("5 Md EUR", 5_000_000_000), ("1,2 million d’euros", 1_200_000),
])
def test_amounts_with_the_currency_in_words(raw: str, euros: int) -> None:
    assert parse_amount(raw) == euros
