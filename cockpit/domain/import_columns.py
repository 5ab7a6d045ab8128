"""Column names as the tools people leave write them, and what comes around the table.

Headers are compared by a key (`header_key`): folded (lower case, no accents), punctuation
turned to spaces, Google's and Outlook's numbering dropped ("Phone 2 - Value" and "Business
Phone 2" are read as "phone" and "business phone"), so one synonym covers every spelling.

The layouts covered, each from its tool's documentation (see tests/store/test_import_layouts.py
for a file of each): the cockpit's own export, HubSpot, Pipedrive, Salesforce (reports and
Data Loader), Zoho CRM, Odoo (English and French), Google Contacts, Outlook (English and
French), LinkedIn's connections, and French Excel lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cockpit.domain.tables import Table
from cockpit.domain.text import fold, printable

# The fields several columns may feed (Outlook's "Business Phone" and "Mobile Phone", Google's
# "E-mail 1 - Value" and "E-mail 2 - Value"): each value is kept, not only the first.
MULTI = frozenset({"switchboard", "direct_phone", "mobile_phone", "phone", "email"})
# Google joins several values of one field in one cell with " ::: " (an empty one between
# two gives " ::: ::: ").
VALUE_SEPARATOR = re.compile(r"\s*:::\s*")
# Other tools join them otherwise: Pipedrive with ", ", lists with ";", " / " or a line
# break in the cell.
_PHONE_LIST = re.compile(r"\s*(?:[,;\n|]|\s[/–-]\s)\s*")
_EMAIL_LIST = re.compile(r"[,;\s]+")


def split_values(cell: str, phone: bool) -> list[str]:
    """The values a cell of numbers (`phone`) or of e-mails holds: one, or several joined
    by " ::: " (Google), ", " (Pipedrive), ";", " / " or line breaks. A number's own
    pieces stay together: "01 45 00 10 20, poste 12" is one number and its extension."""
    parts = VALUE_SEPARATOR.split(cell) if ":::" in cell else [cell]
    out: list[str] = []
    for part in parts:
        if phone and any(mark in part for mark in ",;\n|/–-"):
            pieces = [p for p in _PHONE_LIST.split(part) if p.strip()]
            if len(pieces) > 1 and all(sum(c.isdigit() for c in p) >= 8 for p in pieces):
                out += pieces
                continue
        elif not phone and part.count("@") > 1:
            out += [p for p in _EMAIL_LIST.split(part) if p]
            continue
        out.append(part)
    return out

# Export columns of the CRMs and address books, folded, beside the French and English names
# of domain.importing (which stay there).
CRM_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "company": ("company name", "account name", "associated company", "organization name",
                "organisation name", "related company", "person organization",
                "organization", "nom de la societe", "nom du compte", "societe liee",
                "entreprise associee", "compte", "nom de l'entreprise", "account",
                # Odoo's technical names (an export "compatible with import"): res.partner's
                # parent_id is the company a person works for.
                "parent id", "parent id name", "commercial company name"),
    "name": ("company name", "account name", "organization name", "organization",
             "nom de la societe", "nom du compte", "nom de l'entreprise", "organization name"),
    "civility": ("salutation", "name prefix", "prefix", "formule d'appel", "civ", "civ."),
    "first_name": ("first name", "given name", "person first name", "prenom"),
    "last_name": ("last name", "family name", "person last name", "nom de famille"),
    "full_name": ("person name", "contact name", "nom du contact", "name"),
    "role": ("job title", "organization title", "organisation title", "job position",
             "person job title", "titre du poste", "poste occupe", "fonction",
             "function"),
    "title": ("job title", "headline"),
    "switchboard": ("company main phone", "telephone societe", "main phone"),
    "direct_phone": ("business phone", "work phone", "phone work", "person phone work",
                     "telephone bureau", "tel direct", "tel. direct", "ligne directe"),
    "mobile_phone": ("mobile phone", "mobile phone number", "cell phone", "phone mobile",
                     "person phone mobile", "tel mobile", "telephone mobile", "portable",
                     "mobile", "telephone portable", "mobilephone"),
    "phone": ("phone number", "phone", "person phone", "primary phone", "other phone",
              "home phone", "telephone principal", "telephone", "tel", "telephone autre",
              "telephone domicile", "phone home", "phone other", "numero de telephone"),
    "email": ("email address", "e mail address", "e mail", "email", "person email",
              "email work", "email home", "email other", "person email work",
              "adresse de messagerie", "adresse de courrier", "adresse de courrier electronique",
              "adresse mail", "adresse e mail", "courriel", "mail"),
    "city": ("business city", "mailing city", "billing city", "address city", "mailingcity",
             "billingcity",
             "ville bureau", "ville"),
    "website": ("website", "web page", "page web", "site web", "domain name",
                "company domain name"),
    "sector": ("industry", "secteur d'activite", "secteur"),
    "headcount": ("number of employees", "employees", "nombre d'employes", "nombre de salaries",
                  "numberofemployees", "tranche d'effectif", "tranche d'effectif salarie",
                  "tranche d'effectifs", "tranche effectif", "effectif salarie",
                  "employee range", "company size"),
    "revenue": ("annual revenue", "chiffre d'affaires annuel", "annualrevenue"),
}

# What a civility column holds (folded, without its full stop).
_CIVILITIES = frozenset({
    "m", "mr", "mrs", "ms", "miss", "mme", "mlle", "mmes", "mm", "messrs", "dr", "pr", "prof",
    "me", "monsieur", "madame", "mademoiselle", "docteur", "professeur", "maitre", "mister",
    "madam", "doctor", "sir", "mx", "m et mme"})

# The last lines of a report: Salesforce's, and those of other tools and of French Excel.
_FOOTER = re.compile(
    r"^(grand totals?|confidential information|informations confidentielles|copyright|"
    r"\(c\) ?\d|© ?\d|generated (by|on)|genere (par|le)|exporte (par|le))\b")
# "Total : 125" ends a French list too, but "Total" alone may be a company: only with
# nothing but numbers beside it.
_TOTAL = re.compile(r"^(totals?|totaux|total general|totaux generaux)\s*(:|\(|$)")
_HEADER_SEARCH = 30  # lines of notes a header may come after


def header_key(header: str) -> str:
    """The header as synonyms are compared: "E-mail 1 - Value" → "e mail"."""
    text = re.sub(r"[^\w']+", " ", fold(header).replace("_", " "))
    words = [w for w in text.split() if not (len(w) == 1 and w.isdigit())]
    if len(words) > 1 and words[-1] in ("value", "valeur"):
        words.pop()
    return " ".join(words).strip("'")


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(header_key(n) for n in names)


def synonyms_of(field_name: str, base: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """Every key naming the field: its own name (`last_name`, as the cockpit's export writes
    it), the French and English names, the CRM's."""
    return _keys((field_name, *base.get(field_name, ()), *CRM_SYNONYMS.get(field_name, ())))


def labels(headers: Sequence[str]) -> tuple[str, ...]:
    """Each column as messages name it: a name the file gives twice (French Outlook's two
    "Titre") is "Titre#2" the second time, as --map takes it."""
    seen: dict[str, int] = {}
    out = []
    for header in headers:
        key = fold(header)
        seen[key] = seen.get(key, 0) + 1
        out.append(header if seen[key] == 1 else f"{header}#{seen[key]}")
    return tuple(out)


def find_column(headers: Sequence[str], spec: str) -> int | None:
    """The column `--map` names: "Titre" is the first so named, "Titre#2" the second."""
    name, sep, nth = spec.rpartition("#")
    if not sep or not nth.isdigit() or not name.strip():
        name, nth = spec, "1"
    wanted = fold(name).strip(" :*")
    found = [i for i, h in enumerate(headers) if fold(h).strip(" :*") == wanted]
    index = int(nth) - 1
    return found[index] if 0 <= index < len(found) else None


def is_civility(value: str) -> bool:
    return fold(value).strip().rstrip(".").replace(".", "") in _CIVILITIES


def holds_civilities(values: Sequence[str]) -> bool:
    """A column most of whose values are M., Mme, Dr…: a civility, whatever its name says
    ("Title" in Outlook and Odoo, "Titre" in French Outlook)."""
    filled = [v for v in values if v.strip()]
    return bool(filled) and sum(is_civility(v) for v in filled) * 10 >= len(filled) * 8


def column_values(table: Table, index: int, limit: int = 200, rows: int = 2000) -> list[str]:
    """The first values of a column, to judge what it holds (from its first rows only: an
    empty column of 100,000 rows is not read to its end)."""
    out: list[str] = []
    for _, cells in table.rows[:rows]:
        if index < len(cells) and cells[index].strip():
            out.append(cells[index].strip())
            if len(out) >= limit:
                break
    return out


def sample(values: Sequence[str], count: int = 3, width: int = 30) -> tuple[str, ...]:
    """Values to show on a terminal: control characters made visible, long ones cut."""
    shown = []
    for value in values[:count]:
        text = printable(" ".join(value.split()))
        shown.append(text if len(text) <= width else text[: width - 1] + "…")
    return tuple(shown)


@dataclass(frozen=True)
class Located:
    table: Table
    before: tuple[int, ...]  # lines skipped before the header (notes, a title)
    after: tuple[int, ...]  # lines of a report footer skipped at the end
    first_skipped: str  # the first skipped line's text, to show what it was
    footer_text: str
    repeated: tuple[int, ...] = ()  # the header again inside the table (exports put end to end)


def locate(table: Table, known: frozenset[str],
           required: Sequence[frozenset[str]]) -> Located:
    """The table between a file's notes and its report footer. The header is the line, of
    the first ones, naming the required fields (each by one of its keys in `required`) and
    the most known columns (`known`: the keys of every field)."""
    table, before, first = _header(table, known, required)
    rows = list(table.rows)
    cut = _footer_start(rows)
    after = tuple(line for line, _ in rows[cut:])
    footer = _text(rows[cut][1]) if cut < len(rows) else ""
    header = tuple(fold(h).strip() for h in table.headers)
    repeated = tuple(line for line, cells in rows[:cut]
                     if len(cells) >= len(header) and cells[:1] and
                     fold(cells[0]).strip() == header[0] and
                     tuple(fold(c).strip() for c in cells[:len(header)]) == header)
    if cut < len(rows) or repeated:
        kept = tuple(row for row in rows[:cut] if row[0] not in repeated) if repeated else tuple(
            rows[:cut])
        table = Table(table.headers, kept, table.encoding, table.delimiter, table.header_line)
    return Located(table, before, after, first, footer, repeated)


def _score(cells: Sequence[str], known: frozenset[str]) -> int:
    return sum(1 for c in cells if c.strip() and header_key(c) in known)


def _header(table: Table, known: frozenset[str], required: Sequence[frozenset[str]],
            ) -> tuple[Table, tuple[int, ...], str]:
    candidates = [(table.header_line, table.headers),
                  *((line, tuple(c.strip() for c in cells))
                    for line, cells in table.rows[:_HEADER_SEARCH])]

    def names_required(cells: Sequence[str]) -> bool:
        found = {header_key(c) for c in cells}
        return all(keys & found for keys in required)

    first_score = _score(table.headers, known)
    if first_score >= 1 and names_required(table.headers):
        return table, (), ""
    best = max(range(len(candidates)), key=lambda i: (
        names_required(candidates[i][1]), _score(candidates[i][1], known), -i))
    line, headers = candidates[best]
    if best == 0 or _score(headers, known) < 2 or _score(headers, known) <= first_score:
        return table, (), ""
    skipped = tuple(n for n, _ in candidates[:best])
    first = _text(candidates[0][1])
    rows = tuple((n, cells) for n, cells in table.rows if n > line)
    return Table(headers, rows, table.encoding, table.delimiter, line), skipped, first


def _text(cells: Sequence[str]) -> str:
    return next((c.strip() for c in cells if c.strip()), "")


def _footer_start(rows: list[tuple[int, tuple[str, ...]]]) -> int:
    """Where a report footer starts: a line saying "Grand Totals", "Confidential
    Information" or "Copyright" in its first cell, followed only by lines of one cell."""
    cut = len(rows)
    for i in range(len(rows) - 1, -1, -1):
        cells = [c for c in rows[i][1] if c.strip()]
        first = fold(cells[0]) if cells else ""
        if cells and (_FOOTER.match(first) or (_TOTAL.match(first) and not any(
                re.search(r"[^\W\d_]", c) for c in cells[1:]))):
            cut = i
        elif len(cells) > 1:
            break
    return cut
