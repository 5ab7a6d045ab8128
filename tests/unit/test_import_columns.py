"""Columns as the tools people leave name them: which field each goes to, a civility told from a
job title by its values, the second of two columns of one name, several values in a cell, the
notes before a header and the footer of a report, UTF-16 text."""

from __future__ import annotations

from datetime import date

import pytest

from cockpit.domain.import_columns import header_key, locate, sample
from cockpit.domain.importing import MappingError, check_rows, known_keys, map_columns
from cockpit.domain.tables import Table, read_csv

TODAY = date(2026, 11, 23)


def _table(text: str) -> Table:
    return read_csv(text.encode("utf-8"))


def _fields(text: str, kind: str = "contacts", **overrides: str) -> dict[str, str]:
    table = _table(text)
    mapping = map_columns(table.headers, kind, overrides or None,
                          lambda i: [c[i] for _, c in table.rows if i < len(c)])
    return {mapping.labels[i]: f for i, f in mapping.columns.items()}


@pytest.mark.parametrize(("header", "key"), [
    ("E-mail 1 - Value", "e mail"), ("Phone 2 - Value", "phone"),
    ("Business Phone 2", "business phone"), ("Téléphone (bureau)", "telephone bureau"),
    ("Tél. direct", "tel direct"), ("last_name", "last name"), ("ACCOUNT.NAME", "account name"),
    ("CA 2024", "ca 2024"),  # a year is not a numbering
])
def test_header_keys(header: str, key: str) -> None:
    assert header_key(header) == key


def test_the_fields_own_names_are_columns_of_their_field() -> None:
    assert _fields("company;civility;first_name;last_name;role;decision_maker;email;phone\n"
                   "A;M.;Jean;Dupont;CTO;oui;j@a.fr;0612345678\n") == {
        "company": "company", "civility": "civility", "first_name": "first_name",
        "last_name": "last_name", "role": "role", "decision_maker": "decision_maker",
        "email": "email", "phone": "phone"}


def test_a_title_of_civilities_is_the_civility_and_one_of_jobs_the_role() -> None:
    outlook = _fields("Title,First Name,Last Name,Job Title,E-mail Address\n"
                      "Mr.,David,Morel,Buyer,d@c.fr\nMrs.,Anaïs,Lambert,CIO,a@c.fr\n"
                      ",Paul,Girard,Consultant,p@c.fr\n")
    assert outlook["Title"] == "civility" and outlook["Job Title"] == "role"
    salesforce = _fields("Salutation,First Name,Last Name,Title,Email\n"
                         "Ms.,Inès,Barbier,IT Director,i@s.com\n")
    assert salesforce["Salutation"] == "civility" and salesforce["Title"] == "role"
    assert _fields("Nom;Titre;Tel\nDupont;Dr;0612345678\n")["Titre"] == "civility"


def test_french_outlook_has_two_titre_columns_and_map_names_the_second() -> None:
    text = ("Titre;Prénom;Nom;Titre;Tél. mobile\n"
            "M.;Gérald;Chevalier;Responsable des achats;0644556677\n")
    assert _fields(text) == {"Titre": "civility", "Prénom": "first_name", "Nom": "last_name",
                             "Titre#2": "role", "Tél. mobile": "mobile_phone"}
    assert _fields(text, **{"Titre#2": "city"})["Titre#2"] == "city"
    with pytest.raises(MappingError) as refused:
        _fields(text, **{"Titre#3": "role"})
    assert refused.value.params["column"] == "Titre#3" and "Titre#2" in refused.value.params[
        "columns"]


def test_a_freelance_civility_is_left_out_not_taken_for_the_profile() -> None:
    table = _table("Civilité;Prénom;Nom;Titre\nM.;Julien;Faure;Développeur Java\n")
    mapping = map_columns(table.headers, "freelances", None,
                          lambda i: [c[i] for _, c in table.rows])
    assert mapping.columns == {1: "first_name", 2: "last_name", 3: "title"}
    assert mapping.left_out == {0: "civility"}


def test_a_column_named_after_its_record_is_read_by_its_own_name() -> None:
    # Pipedrive names every column of a person "Person - …", of an organization "Organization - …".
    people = _fields("Person - Name,Person - Organization,Person - Job title,"
                     "Person - Last activity date,Person - City,Person - Label\n"
                     "Claire Durand,Atos,DSI,2026-10-05,Lyon,Hot lead\n")
    assert people == {"Person - Name": "full_name", "Person - Organization": "company",
                      "Person - Job title": "role", "Person - Last activity date": "last_contact",
                      "Person - City": "city"}  # the label is no field: left out, as before
    companies = _fields("Organization - Name,Organization - Address,Organization - Website\n"
                        "Atos,80 quai Voltaire,atos.net\n", "companies")
    assert companies == {"Organization - Name": "name", "Organization - Address": "address",
                         "Organization - Website": "website"}


def test_an_empty_first_column_gives_way_to_the_one_with_values() -> None:
    fields = _fields("Titre;Nom;Titre;Tel\n;Roux;DSI;0612345678\n;Rey;DAF;0712345678\n")
    assert fields["Titre#2"] == "role" and "Titre" not in fields


def test_several_values_in_one_cell_become_several_numbers_and_addresses() -> None:
    table = _table("First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Phone 2 - Value\n"
                   "Élodie,Garnier,e.garnier@brevia.fr ::: elodie@gmail.com,"
                   "+33 1 45 00 10 20 ::: +33 6 33 44 55 66,01 45 00 10 21\n")
    mapping = map_columns(table.headers, "contacts")
    [record], errors = check_rows(table, "contacts", mapping, TODAY)
    assert errors == []
    assert [p.e164 for p, _ in record.phones] == ["+33145001020", "+33633445566",
                                                  "+33145001021"]
    assert record.values["email"] == "e.garnier@brevia.fr"
    assert record.more_emails == ["elodie@gmail.com"]


def test_an_empty_value_between_two_is_no_value() -> None:
    table = _table("Nom,E-mail 1 - Value\nGarnier,a@brevia.fr ::: ::: b@brevia.fr\n")
    [record], errors = check_rows(table, "contacts", map_columns(table.headers, "contacts"),
                                  TODAY)
    assert errors == [] and record.more_emails == ["b@brevia.fr"]


def test_a_bad_value_among_several_is_refused_with_its_column() -> None:
    table = _table("Nom,E-mail 1 - Value\nGarnier,ok@brevia.fr ::: pas-une-adresse\n")
    _, [error] = check_rows(table, "contacts", map_columns(table.headers, "contacts"), TODAY)
    assert (error.line, error.column) == (2, "E-mail 1 - Value")
    assert error.reason.code == "import_email"
    assert error.reason.params["value"] == "pas-une-adresse"


LINKEDIN = ('Notes:\n"When exporting your connection data, you may notice that some of the '
            'email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,'
            'Position,Connected On\nMathilde,Rey,https://x,m.rey@s.fr,Sapiens IT,DSI,'
            '14 Mar 2025\n')
SALESFORCE = ('"First Name","Last Name","Title","Account Name","Phone"\n'
              '"Olivier","Renaud","Buyer","Stellane","+33 1 40 00 12 34"\n'
              '\n"Grand Totals (1 records)"\n\n'
              '"Confidential Information - Do Not Distribute"\n'
              '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n')


def test_notes_before_the_header_are_skipped_and_said() -> None:
    found = locate(_table(LINKEDIN), *known_keys("contacts"))
    assert found.table.headers[:2] == ("First Name", "Last Name")
    assert found.table.header_line == 4 and found.before == (1, 2)
    assert found.first_skipped == "Notes:"
    assert [line for line, _ in found.table.rows] == [5]


def test_a_report_footer_is_skipped_and_said() -> None:
    found = locate(_table(SALESFORCE), *known_keys("contacts"))
    assert found.after == (4, 6, 7) and found.footer_text.startswith("Grand Totals")
    assert [line for line, _ in found.table.rows] == [2]


def test_a_company_called_total_at_the_end_stays() -> None:
    text = "Société;Ville;Secteur\nAcme;Paris;IT\nTotal;Courbevoie;Énergie\n"
    found = locate(_table(text), *known_keys("companies"))
    assert found.after == () and len(found.table.rows) == 2
    summed = locate(_table(text + "Total : 2;;\n"), *known_keys("companies"))
    assert summed.after == (4,)


def test_a_plain_file_is_left_as_it_is() -> None:
    table = _table("Nom;Téléphone\nDupont;0612345678\n")
    found = locate(table, *known_keys("contacts"))
    assert found.table is table and found.before == () and found.after == ()


def test_utf16_from_excel_unicode_text_is_read() -> None:
    text = "Prénom\tNom\tPortable\r\nHélène\tBérard\t06 11 22 33 44\r\n"
    for data in (text.encode("utf-16"), text.encode("utf-16-le")):
        table = read_csv(data)
        assert table.encoding == "utf-16" and table.delimiter == "\t"
        assert table.headers == ("Prénom", "Nom", "Portable")
        assert table.rows[0][1][:2] == ("Hélène", "Bérard")


def test_samples_are_safe_to_print() -> None:
    shown = sample(["Jean\x1b[2J", "a" * 80, "ok", "fourth"])
    assert shown[0] == "Jean\\x1b[2J" or "\x1b" not in shown[0]
    assert len(shown) == 3 and len(shown[1]) == 30 and shown[1].endswith("…")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_field_a_column_can_go_to_has_words_for_the_dry_run(lang: str) -> None:
    # `--dry-run` says where each column goes: in the user's words, never a code name alone.
    from cockpit.domain.importing import FIELDS
    from cockpit.i18n import CATALOGUES

    fields = {f for kind in FIELDS.values() for f in kind} | {"revenue_year", "headcount_year"}
    missing = sorted(f for f in fields if f"cli.import.field.{f}" not in CATALOGUES[lang])
    assert missing == []


def test_a_sector_that_names_the_kind_of_company_gives_it() -> None:
    # "Secteur : ESN" and no kind column: an ESN, so its trends decide (not "kind unknown").
    from cockpit.domain.tables import read_csv

    table = read_csv("Société;Secteur;CA 2023;CA 2024\nHexa;ESN;12,5 M€;14,5 M€\n"
                     "Kappa;Banque;1 Md€;1,1 Md€\n".encode())
    mapping = map_columns(table.headers, "companies")
    records, errors = check_rows(table, "companies", mapping, date(2026, 12, 1))
    assert errors == []
    kinds = {r.values["name"]: r.values.get("kind") for r in records}
    assert kinds == {"Hexa": "esn_classique", "Kappa": None}


@pytest.mark.parametrize(("text", "field"), [
    # French Odoo's export, and many lists: "Nom" holds the whole name, no first-name column.
    ("Nom;Société\nJulien Mercier;Altavia\nClaire Dubois;Altavia\nDupont;Solvéo\n", "full_name"),
    ("Nom;Société\nMercier;Altavia\nDubois;Altavia\nLe Goff;Solvéo\n", "last_name"),
    ("Nom;Prénom\nLe Goff;Anne\nDe La Tour;Marc\n", "last_name"),  # a first-name column
])
def test_a_name_column_holding_whole_names_is_split_as_one(text: str, field: str) -> None:
    assert _fields(text)["Nom"] == field


def test_the_map_keeps_a_name_column_as_the_user_said() -> None:
    text = "Nom;Société\nJulien Mercier;Altavia\nClaire Dubois;Altavia\n"
    assert _fields(text, Nom="last_name")["Nom"] == "last_name"


def test_a_row_is_named_by_the_line_it_starts_on() -> None:
    # A note over two lines in a quoted cell: the next rows keep their own line numbers.
    table = _table('Nom;Note;Téléphone\nDupont;"appelé hier,\nrappeler lundi";abc\n'
                   'Durand;;01 45 00 12 34\n\nMartin;;xyz\n')
    assert [line for line, _ in table.rows] == [2, 4, 6]
    _, errors = check_rows(table, "contacts", map_columns(table.headers, "contacts"), TODAY)
    assert [(e.line, e.column) for e in errors] == [(2, "Téléphone"), (6, "Téléphone")]


@pytest.mark.parametrize(("text", "code", "line"), [
    ("Nom;Prénom\nDupont;" + "x" * 200_000 + "\n", "table_cell_too_big", 2),
    ('Nom;Prénom\nDupont;Jean\nMartin;"Pa"ul\n', "table_bad_quote", 3),
    ('Nom;Prénom\nDupont;"Jean\n', "table_truncated", 2),
])
def test_a_csv_the_reader_refuses_is_said_for_what_it_is(text: str, code: str,
                                                        line: int) -> None:
    """A cell of a whole pasted document, or a stray quote, was said to be "a file cut
    short": the user went looking for the rest of a file that was whole."""
    from cockpit.domain.tables import TableError

    with pytest.raises(TableError) as refused:
        read_csv(text.encode("utf-8"))
    assert refused.value.code == code and refused.value.params["line"] == line
