"""Rows of a spreadsheet checked and turned into records to import: columns recognised by
their French or English names (case and accents ignored) or mapped by hand, values parsed
(phones to E.164, e-mails, rates, dates, SIRET), every bad cell reported with its line,
column and reason, duplicates inside the file merged (the same e-mail, or the same number
under the same name: colleagues sharing a switchboard stay apart)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal
from typing import Any

from cockpit.domain.captures import fold
from cockpit.domain.errors import DomainError, Reason, ValidationError
from cockpit.domain.import_cells import _BY_YEAR, _DIRECT, _KIND_VALUES, _cell
from cockpit.domain.import_columns import (
    MULTI,
    column_values,
    find_column,
    header_key,
    holds_civilities,
    is_civility,
    labels,
    split_values,
    synonyms_of,
)
from cockpit.domain.import_figures import (
    gather,
    measure_column,
    merge,
    split_field,
    year_column,
)
from cockpit.domain.import_history import PARIS, date_order
from cockpit.domain.import_phones import (
    NUMBER_CHARS,
    PHONE_FIELDS,
    Seen,
    add_phones,
    label_of,
    mark_shared,
    split_annotation,
    split_extension,
)
from cockpit.domain.phones import Phone
from cockpit.domain.tables import Table

KINDS = ("companies", "contacts", "freelances")

FIELDS: Mapping[str, tuple[str, ...]] = {
    "companies": ("name", "kind", "sector", "city", "website", "revenue", "headcount", "phone",
                  "technologies", "siren", "siret", "address", "postcode", "year",
                  "posts_missions", "next_budget"),
    # The numbers whose column says what they are first: "phone" takes any column left.
    "contacts": ("company", "civility", "first_name", "last_name", "full_name", "role",
                 "decision_maker", "switchboard", "direct_phone", "mobile_phone", "phone",
                 "email", "city", "do_not_call", "last_contact", "comment", "last_caller"),
    "freelances": ("first_name", "last_name", "full_name", "title", "skills", "day_rate",
                   "availability", "available_from", "mobility", "city", "billing", "siret",
                   "direct_phone", "mobile_phone", "phone", "email", "do_not_call",
                   "cv_file", "last_contact"),  # the last as the cockpit's export writes it
}
REQUIRED: Mapping[str, tuple[str, ...]] = {
    "companies": ("name",), "contacts": ("last_name",), "freelances": ("last_name",)}

# Column names people use, folded (lower case, no accents), for each field.
_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "company": ("societe", "entreprise", "company", "organisation", "organization",
                "raison sociale", "employeur", "company name", "client", "compte", "account"),
    "name": ("nom", "name", "societe", "entreprise", "company", "raison sociale",
             "company name", "denomination", "organisation"),
    "civility": ("civilite", "civility", "titre de civilite", "salutation", "genre", "mr/mme"),
    "first_name": ("prenom", "first name", "firstname", "given name", "prenom du contact"),
    "last_name": ("nom", "nom de famille", "last name", "lastname", "surname", "family name",
                  "nom du contact"),
    "full_name": ("nom complet", "full name", "contact", "name", "nom et prenom",
                  "prenom et nom"),
    "role": ("fonction", "poste", "titre", "title", "job title", "position", "role",
             "intitule de poste"),
    "title": ("titre", "title", "poste", "profil", "intitule", "job title", "position"),
    "decision_maker": ("do", "decideur", "decision maker", "donneur d'ordre",
                       "donneur d'ordres"),
    "switchboard": ("standard", "telephone standard", "tel standard", "tel. standard",
                    "numero standard", "standard telephonique", "telephone societe",
                    "tel societe", "telephone entreprise", "switchboard", "company phone",
                    "main phone"),
    "direct_phone": ("ligne directe", "direct", "tel direct", "tel. direct",
                     "telephone direct", "ligne direct", "direct line", "direct phone"),
    "mobile_phone": ("mobile", "portable", "telephone mobile", "tel mobile", "tel. mobile",
                     "telephone portable", "tel portable", "gsm", "cell", "mobile phone"),
    "phone": ("telephone", "tel", "tel.", "phone", "phone number", "numero", "mobile",
              "portable", "telephone mobile", "tel mobile", "ligne directe", "standard",
              "telephone standard", "numero de telephone", "telephone societe",
              "other phones", "autres telephones"),  # the cockpit's export: " ::: " between
    "email": ("e-mail", "email", "mail", "courriel", "adresse e-mail", "adresse email",
              "email address", "e-mail address", "adresse mail", "other emails",
              "autres e-mails"),
    "city": ("ville", "city", "localisation", "location", "commune"),
    "sector": ("secteur", "sector", "industry", "industrie", "secteur d'activite"),
    "website": ("site", "site web", "site internet", "website", "url", "web"),
    "kind": ("type", "kind", "categorie", "category", "type de societe"),
    "revenue": ("ca", "chiffre d'affaires", "chiffre d'affaire", "revenue", "turnover",
                "ca (eur)"),
    "headcount": ("effectif", "effectifs", "headcount", "employees", "salaries",
                  "nombre de salaries"),
    "technologies": ("technologies", "technos", "stack"),
    "posts_missions": ("publie des missions", "publie ses missions", "missions publiees",
                       "poste des missions", "posts missions"),
    "next_budget": ("prochain budget", "date du prochain budget", "next budget",
                    "budget date"),
    "skills": ("competences", "skills", "technologies", "technos", "stack", "mots-cles"),
    "day_rate": ("tjm", "taux journalier", "taux journalier moyen", "daily rate", "day rate",
                 "tarif", "tarif jour"),
    "availability": ("disponibilite", "availability", "dispo", "statut"),
    "available_from": ("disponible le", "disponible a partir du", "date de disponibilite",
                       "available from", "disponible a partir de"),
    "mobility": ("mobilite", "mobility", "regions", "zone"),
    "billing": ("facturation", "billing", "statut juridique", "portage"),
    "siret": ("siret", "n° siret", "numero siret", "siret du siege", "siret siege"),
    "siren": ("siren", "n° siren", "numero siren", "numero de siren"),
    "address": ("adresse", "address", "adresse postale", "rue", "street", "billing street",
                "adresse 1", "address 1 - street", "business street", "adresse (bureau)"),
    "postcode": ("code postal", "cp", "postcode", "postal code", "zip", "zip code",
                 "billing zip/postal code", "billing postal code", "business postal code"),
    "year": ("annee", "year", "exercice", "fiscal year", "annee fiscale", "figures_year"),
    "last_contact": ("dernier contact", "date du dernier contact", "date du dernier appel",
                     "dernier appel", "last activity date", "last activity",
                     "last activity time", "last contacted time", "date of last activity",
                     "last contacted", "date of last contact", "last contact date",
                     "derniere activite", "date de derniere activite", "last call date",
                     "last_contacted_at"),
    "comment": ("commentaire", "commentaires", "notes", "note", "description",
                "dernier commentaire", "remarque", "remarques", "observations",
                "comment", "comments"),
    "last_caller": ("owner", "charge d'affaires", "contact owner", "account owner",
                    "proprietaire", "proprietaire du contact", "commercial", "suivi par",
                    "appele par", "dernier appelant", "responsable"),
    "do_not_call": ("ne pas appeler", "do not call", "liste rouge", "bloctel", "dnc"),
    # A path to the CV, relative to the spreadsheet's folder.
    "cv_file": ("cv", "fichier cv", "cv file", "chemin du cv", "chemin cv",
                "curriculum vitae"),
}

@dataclass(frozen=True)
class RowError:
    line: int
    column: str  # the column's name in the file ("" for the row as a whole)
    reason: Reason  # said in the reader's language by Translator.reason; str() is English


@dataclass
class Record:
    line: int
    values: dict[str, Any]
    # Each number with the label its column or the file gave it ("" when undecided: the
    # store decides, knowing who else has it); see domain.import_phones.
    phones: list[tuple[Phone, str]] = field(default_factory=list)
    merged_lines: list[int] = field(default_factory=list)  # later rows merged into this one
    more_emails: list[str] = field(default_factory=list)  # beyond the first, in the file's order

    @property
    def phone(self) -> Phone | None:
        return self.phones[0][0] if self.phones else None


@dataclass(frozen=True)
class Mapping_:
    columns: dict[int, str]  # column index → field
    unknown: tuple[str, ...]  # columns not imported
    # Columns left out for a reason of their own: index → why ("civility": M., Mme… where
    # the kind keeps no civility; "twice": a second column for a field that takes one).
    left_out: dict[int, str] = field(default_factory=dict)
    labels: tuple[str, ...] = ()  # each column as messages name it ("Titre#2")


class MappingError(DomainError):
    pass


def field_keys(kind: str) -> dict[str, frozenset[str]]:
    """Every header key naming each field of the kind (see domain.import_columns)."""
    return {f: synonyms_of(f, _SYNONYMS) for f in FIELDS[kind]}


# The record a CRM names before each column ("Person - Job title", "Organization - City" in
# Pipedrive's exports): read as the column's own name when that is one the import knows.
_RECORD_PREFIXES = {"contacts": ("person ", "contact "), "freelances": ("person ", "contact "),
                    "companies": ("organization ", "organisation ", "company ", "account ")}


def _record_keys(keys: list[str], kind: str, known: frozenset[str]) -> list[str]:
    """Each header's key as the synonyms know it: without the record's name before it
    ("Person - Phone"), or in the singular ("Téléphones", "E-mails", "Portables") when
    only that is known."""
    out = []
    for key in keys:
        prefix = next((p for p in _RECORD_PREFIXES.get(kind, ()) if key.startswith(p)), "")
        rest = key[len(prefix):]
        key = rest if prefix and key not in known and rest in known else key
        if key not in known:
            single = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w
                              for w in key.split())
            key = single if single in known else key
        out.append(key)
    return out


def known_keys(kind: str) -> tuple[frozenset[str], list[frozenset[str]]]:
    """(the keys of every field, the keys each required field may be found by): what
    import_columns.locate needs to find the header after a file's notes."""
    keys = field_keys(kind)
    required = [keys[f] | (keys["full_name"] if f == "last_name" else frozenset())
                for f in REQUIRED[kind]]
    return frozenset().union(*keys.values()), required


def map_columns(headers: tuple[str, ...], kind: str,
                overrides: Mapping[str, str] | None = None,
                values: Callable[[int], Sequence[str]] | None = None) -> Mapping_:
    """Which column holds which field: --map first (COLUMN=field, COLUMN#2 for the second
    of that name), then the known names; `values` gives a column's values, to tell a
    civility ("Title": M., Mme) from a job title."""
    if kind not in FIELDS:
        raise MappingError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}",
                           code="import_kind")
    fields = FIELDS[kind]
    names = labels(headers)
    columns: dict[int, str] = {}
    for column, target in (overrides or {}).items():
        if target not in fields and not (kind == "companies" and split_field(target)):
            target = _field_named(target, kind) or target  # "portable", "Prénom", "CA 2024"
        if target not in fields and not (kind == "companies" and split_field(target)):
            raise MappingError(f"--map {column}={target}: no field {target!r} for {kind}; "
                               f"fields: {', '.join(fields)}", code="import_map_field",
                               column=column, field=target, fields=", ".join(fields))
        index = find_column(headers, column)
        if index is None:
            raise MappingError(f"--map {column}={target}: no column {column!r} in the file; "
                               f"columns: {', '.join(names)}", code="import_map_column",
                               column=column, columns=", ".join(names))
        columns[index] = target
    by_field = field_keys(kind)
    keys = _record_keys([header_key(h) for h in headers], kind,
                        frozenset().union(*by_field.values()))
    left_out: dict[int, str] = {}
    civil = synonyms_of("civility", _SYNONYMS).union(
        *(by_field.get(f, ()) for f in ("role", "title", "full_name")))
    for i, key in enumerate(keys):  # a column of M., Mme… is a civility, whatever its name
        if i in columns or key not in civil:
            continue
        if values is not None and holds_civilities(values(i)):
            if "civility" in fields and "civility" not in columns.values():
                columns[i] = "civility"
            else:
                left_out[i] = "civility"
    taken = set(columns.values())
    for field_name in fields:  # in the order of FIELDS: "name" before "full_name" for people
        if field_name in taken and field_name not in MULTI:
            continue
        found = [i for i, key in enumerate(keys)
                 if i not in columns and i not in left_out and key in by_field[field_name]]
        if field_name not in MULTI and len(found) > 1 and values is not None:
            # Outlook's first "Title" is often empty: the column with values is the one.
            found = [next((i for i in found if any(v.strip() for v in values(i))), found[0])]
        for i in found[: None if field_name in MULTI else 1]:
            columns[i] = field_name
            taken.add(field_name)
    if kind == "companies":  # "CA 2023", "Effectif 2024 (k€)"…: one field a year
        for i, header in enumerate(headers):
            by_year = year_column(header) if i not in columns else None
            if by_year and by_year not in taken:
                columns[i] = by_year
                taken.add(by_year)
        for i, header in enumerate(headers):  # "Chiffre d'affaires (k€)": the unit named
            measure = measure_column(header) if i not in columns else None
            if measure and measure not in taken:
                columns[i] = measure
                taken.add(measure)
    if "full_name" in taken and "last_name" in taken:
        columns = {i: f for i, f in columns.items() if f != "full_name"}
    chosen = {find_column(headers, column) for column in (overrides or {})}
    whole = _whole_names(columns, chosen, values)
    if whole is not None:
        columns[whole] = "full_name"
    missing = [f for f in REQUIRED[kind] if f not in columns.values()
               and not (f == "last_name" and "full_name" in columns.values())]
    if missing:
        raise MappingError(
            f"no column for {', '.join(missing)} (columns: {', '.join(names)}); "
            f"name it so, or use --map COLUMN={missing[0]}", code="import_missing_column",
            missing=", ".join(missing), columns=", ".join(names))
    unknown = tuple(names[i] for i, h in enumerate(headers)
                    if i not in columns and i not in left_out and h)
    return Mapping_(dict(sorted(columns.items())), unknown, left_out, names)


def _field_named(name: str, kind: str) -> str | None:
    """The field a --map target names by a column name the import knows for it ("portable"
    for mobile_phone, "Prénom" for first_name, "CA 2024" for revenue_2024), or None."""
    key = header_key(name)
    found = next((f for f, keys in field_keys(kind).items() if key in keys), None)
    if found is None and kind == "companies":
        found = year_column(name) or measure_column(name)
    return found


def _whole_names(columns: dict[int, str], chosen: set[int | None],
                 values: Callable[[int], Sequence[str]] | None) -> int | None:
    """The column taken for the last name that holds whole names: French Odoo's "Nom", and
    many a list's, gives "Julien Mercier" when no column gives the first name. Split then,
    as a full name — unless --map said so, or most values are one word."""
    if "first_name" in columns.values() or values is None:
        return None
    index = next((i for i, f in columns.items() if f == "last_name"), None)
    if index is None or index in chosen:
        return None
    names = [v.strip() for v in values(index) if v.strip()]
    return index if names and sum(" " in n for n in names) * 2 > len(names) else None


def check_rows(table: Table, kind: str, mapping: Mapping_, today: date,
               decision_maker_role: Callable[[str], bool | None] = lambda _: None,
               now: datetime | None = None) -> tuple[list[Record], list[RowError]]:
    """Every row as a record, or its errors (all of them, not only the first). `now` bounds
    a last contact's date (none after it); the end of `today` when not given."""
    if now is None:
        now = datetime.combine(today, time(23, 59), PARIS)
    records: list[Record] = []
    errors: list[RowError] = []
    seen: Seen[Record] = Seen()
    roles: dict[str, bool] = {}
    phone_order = _phone_order(mapping)
    headers = mapping.labels or table.headers
    columns = [_Column(index, field_name, headers[index],
                       date_order(column_values(table, index))
                       if field_name in _DATE_FIELDS else None)
               for index, field_name in mapping.columns.items()]
    for col in columns:
        if col.phone:
            col.label = _label_column(table.headers, col.index)
    for line, cells in table.rows:
        values: dict[str, Any] = {}
        row_errors: list[RowError] = []
        extensions: list[tuple[str, str]] = []  # (number, what its cell said)
        labelled: dict[str, str] = {}  # number → the label its row gives it
        width = len(cells)
        for col in columns:
            index = col.index
            cell = cells[index].strip() if index < width else ""
            field_name = col.field
            said = ""
            if col.label is not None and cell and col.label < width:
                said = _label_says(cells[col.label])
                if said == _NOT_CALLED:
                    continue  # a fax, a pager: no number to call
            if col.multi:
                # Several numbers or e-mails in one cell: Google joins them with " ::: ",
                # Pipedrive with ", ".
                parts = (split_values(cell, col.phone) if ":::" in cell or "@" in cell[
                    cell.find("@") + 1:] or (col.phone and _LISTED.search(cell)) else (cell,))
                for part in parts:
                    written = part = part.strip()
                    extension, this = "", said
                    if col.phone and part.translate(NUMBER_CHARS):
                        part, note = split_annotation(part)
                        if note:  # "01 23 45 67 89 (standard)": what the number is
                            this = _label_says(note) or said
                            if this == _NOT_CALLED:
                                continue
                        part, extension = split_extension(part)
                    parsed, error = col.read(part, today, now)
                    if error:
                        row_errors.append(RowError(line, col.column, error))
                    elif extension and kind != "contacts":
                        row_errors.append(RowError(line, col.column, Reason(
                            "import_extension", f"{written!r}: a number with an extension "
                            f"({extension}), which only a contact keeps (in their history); "
                            "give the number alone", {"value": written,
                                                      "extension": extension})))
                    elif parsed is not None and parsed != "":
                        values.setdefault(field_name, []).append(parsed)
                        if this and col.phone:
                            labelled[parsed.e164] = this
                        if extension:
                            extensions.append((parsed.e164, f"{col.column}: {written}"))
                continue
            if col.plain and cell.isprintable() and "  " not in cell and cell[:1] not in _MARKS:
                if cell:  # what `read` gives such text, without its call (most cells)
                    values[field_name] = cell
                continue
            parsed, error = col.read(cell, today, now)
            if error:
                row_errors.append(RowError(line, col.column, error))
            elif parsed is not None and parsed != "":
                values[field_name] = parsed
        more_emails = values.pop("email", None) or []
        if more_emails:
            values["email"] = more_emails.pop(0)
        if width > len(headers) and "".join(cells[len(headers):]).strip():
            beyond = sum(1 for c in cells[len(headers):] if c.strip())
            row_errors.append(RowError(line, "", Reason(
                "import_long_row", f"{beyond} cell(s) beyond the last column, which would be "
                f"lost: a separator ({table.delimiter or ','}) inside a cell that is not "
                "quoted?", {"count": beyond, "separator": table.delimiter or ","})))
        if width < len(headers) and any(c.strip() for c in cells):
            short = len(headers) - width
            if short and not row_errors and not _complete(values, kind):
                row_errors.append(RowError(line, "", Reason(
                    "import_short_row", f"{short} column(s) missing: the line is cut short",
                    {"count": short})))
        if "full_name" in values:  # the calls only where they have something to do
            _split_full_name(values, kind)
        if "availability" in values:
            _availability_as_date(values, today)
        if kind == "companies" and not row_errors:
            row_errors += _identity(line, values, headers, mapping)
            sector_says = _KIND_VALUES.get(fold(str(values.get("sector", ""))))
            if "kind" not in values and sector_says and sector_says != "other":
                values["kind"] = sector_says  # "Secteur : ESN": the prospect rule applies
            figures = gather(values, today.year - 1)  # a bare figure: last year's accounts
            if figures:
                values["figures"] = figures
        if not row_errors:
            row_errors += _required(line, kind, values, headers, mapping)
        if row_errors:
            errors += row_errors
            continue
        if extensions:
            _with_extensions(values, extensions)
            labelled.update((e164, "switchboard") for e164, _ in extensions)
        record = Record(line, values, _phones(values, phone_order, labelled),
                        more_emails=[e for e in more_emails if e != values.get("email")]
                        if more_emails else [])
        if kind == "contacts" and "decision_maker" not in values:
            role = values.get("role", "")
            if role not in roles:  # a list has a few dozen roles for thousands of rows
                roles[role] = bool(decision_maker_role(role))
            values["decision_maker"] = roles[role]
        kept = seen.match(record, kind)
        if kept is not None:  # the same person earlier in the file
            _merge(kept, record)
            kept.merged_lines.append(line)
            seen.add(kept, kind)
            continue
        seen.add(record, kind)
        records.append(record)
    if kind == "contacts":
        mark_shared(records)
    return records, errors


# Values read once a distinct cell of a column (a list has a few thousand companies, a few
# dozen roles for its rows): only those nothing can change, shared by the rows.
_SHARED_TYPES = (str, int, bool, Decimal, date, Phone, type(None))
_TRY_CACHE = 5000  # cells of a column read before judging whether its values repeat


class _Column:
    """One imported column: its cells read through `_cell`, each distinct value once while
    the column's values repeat (names, e-mails and numbers of a list mostly do not)."""

    __slots__ = ("cache", "column", "direct", "field", "index", "label", "multi", "order",
                 "phone", "plain", "reads", "zone")

    def __init__(self, index: int, field_name: str, column: str,
                 order: str | None = None) -> None:
        self.index, self.field, self.column = index, field_name, column
        self.order = order  # how the column writes its dates (03/12 or 12/03)
        # The cockpit's own export writes its moments in UTC, under its own column's name;
        # any other file, in the firm's wall-clock time.
        self.zone: tzinfo = UTC if fold(column) == "last_contacted_at" else PARIS
        self.multi = field_name in MULTI
        self.phone = field_name in PHONE_FIELDS
        self.label: int | None = None  # the column labelling its numbers (Google's)
        self.plain = _is_plain_text(field_name)
        # The parse of the field's usual cells, chosen once for the file, not at each cell
        # through `_parse`'s chain of fields; None: `_cell` reads them all.
        self.direct = _DIRECT.get("phone" if field_name in PHONE_FIELDS else field_name)
        self.cache: dict[str, tuple[Any, Reason | None]] | None = {}
        self.reads = 0

    def read(self, raw: str, today: date, now: datetime) -> tuple[Any, Reason | None]:
        if self.plain and raw.isprintable() and "  " not in raw and raw[:1] not in _MARKS:
            # A name, a role, a company as most cells hold them: what `_cell` gives back
            # for such text (itself, or None when empty), without its dispatch on the field.
            return (raw or None), None
        cache = self.cache
        if cache is None:
            return self._read(raw, today, now)
        self.reads += 1
        if self.reads == _TRY_CACHE and len(cache) > _TRY_CACHE * 0.9:
            self.cache = None  # nearly all distinct: a cache would only cost
        found = cache.get(raw)
        if found is None:
            found = self._read(raw, today, now)
            if isinstance(found[0], _SHARED_TYPES):
                cache[raw] = found
        return found

    def _read(self, raw: str, today: date, now: datetime) -> tuple[Any, Reason | None]:
        direct = self.direct
        if direct is None or not raw or raw[:1] in _MARKS or not raw.isprintable():
            return _cell(self.field, raw, today, self.column, now, self.order, self.zone)
        # What `_cell` does with a printable cell that is no formula: `_parse` of the field.
        try:
            return direct(raw), None
        except (ValidationError, ValueError) as exc:
            return None, Reason.of(exc, value=raw)


_LISTED = re.compile(r"[,;\n|/]|\s[–-]\s")  # a cell of numbers that may hold several
_DATE_FIELDS = frozenset({"last_contact", "available_from", "next_budget", "availability"})
_MARKS = ("'", "=")  # a cell starting with one goes the long way (`_cell`)
# The fields `_cell` and `_parse` read in their own way; any other is text kept as written.
_SPECIAL_FIELDS = frozenset({"last_contact", "revenue", "headcount", "year", "siren",
                             "postcode", "comment", "email", "day_rate", "kind",
                             "availability", "billing", "available_from", "siret",
                             "do_not_call", "decision_maker", "skills", "technologies",
                             "posts_missions", "next_budget", "cv_file"})


def _is_plain_text(field_name: str) -> bool:
    return not (field_name in _SPECIAL_FIELDS or field_name in PHONE_FIELDS
                or field_name.startswith(_BY_YEAR))


def _phone_order(mapping: Mapping_) -> tuple[str, ...]:
    """The phone fields of the file, in the order of their columns (once, not a row)."""
    return tuple(sorted(set(mapping.columns.values()) & PHONE_FIELDS.keys(),
                        key=lambda f: min(i for i, n in mapping.columns.items() if n == f)))


def _phones(values: dict[str, Any], order: tuple[str, ...],
            labelled: Mapping[str, str] | None = None) -> list[tuple[Phone, str]]:
    """The row's numbers, in the order of its columns, each once, with its column's label,
    or the one the row gives it (`labelled`): a number given with an extension, or labelled
    "Main", is its company's switchboard (one asks for the extension there)."""
    found: list[tuple[Phone, str]] = []
    known: set[str] = set()
    for field_name in order:
        for phone in values.pop(field_name, ()):
            if phone.e164 not in known:
                hint = labelled.get(phone.e164) if labelled else None
                found.append((phone, label_of(phone, hint or field_name)))
                known.add(phone.e164)
    return found


# What the label beside a number says ("Phone 1 - Label": Mobile, Work, Main, Work Fax), as
# the field it makes the number, or that it is no number to call.
_NOT_CALLED = "-"
_LABEL_WORDS = (("fax", _NOT_CALLED), ("pager", _NOT_CALLED), ("telecopie", _NOT_CALLED),
                ("main", "switchboard"), ("standard", "switchboard"),
                ("principal", "switchboard"), ("company", "switchboard"),
                ("societe", "switchboard"), ("accueil", "switchboard"),
                ("mobile", "mobile_phone"), ("portable", "mobile_phone"),
                ("cell", "mobile_phone"), ("gsm", "mobile_phone"),
                ("direct", "direct_phone"), ("bureau", "direct_phone"))


def _label_says(cell: str) -> str:
    text = fold(cell)
    return next((said for word, said in _LABEL_WORDS if word in text), "")


def _label_column(headers: Sequence[str], index: int) -> int | None:
    """The column labelling a number's ("Phone 1 - Label" or "- Type" for Google's "Phone 1
    - Value"), or None."""
    match = re.fullmatch(r"(.*?)\s*-?\s*(?:value|valeur)", fold(headers[index]).strip())
    if match is None:
        return None
    stem = match.group(1)
    for i, header in enumerate(headers):
        other = re.fullmatch(r"(.*?)\s*-?\s*(?:label|type|libelle)", fold(header).strip())
        if i != index and other is not None and other.group(1) == stem:
            return i
    return None


def _with_extensions(values: dict[str, Any], extensions: Sequence[tuple[str, str]]) -> None:
    """The extensions a row gives, kept in its comment (the card's history shows it) as
    its cells wrote them: the cockpit dials the switchboard, the caller asks for the
    extension."""
    said = "\n".join(text for _, text in extensions)
    comment = values.get("comment")
    values["comment"] = f"{comment}\n{said}" if comment else said


def _availability_as_date(values: dict[str, Any], today: date) -> None:
    """An availability given as a date: free from then (in notice until), unless a column
    of its own says from when."""
    when = values.get("availability")
    if isinstance(when, date):
        values.setdefault("available_from", when)
        values["availability"] = "notice" if when > today else "available"


def _complete(values: dict[str, Any], kind: str) -> bool:
    return all(f in values for f in REQUIRED[kind])


def _required(line: int, kind: str, values: dict[str, Any], headers: tuple[str, ...],
              mapping: Mapping_) -> list[RowError]:
    out = []
    for f in REQUIRED[kind]:
        if f not in values:
            column = next((headers[i] for i, name in mapping.columns.items()
                           if name in (f, "full_name")), f)
            out.append(RowError(line, column, _REQUIRED))
    if kind == "contacts" and values.keys().isdisjoint(_REACH):
        out.append(RowError(line, "", _UNREACHABLE))
    return out


_REACH = frozenset({"email", *PHONE_FIELDS})  # a contact needs one of them
_REQUIRED = Reason("import_required", "empty, and it is required")
_UNREACHABLE = Reason("import_unreachable",
                      "no phone number and no e-mail: nothing to reach them by")


def _identity(line: int, values: dict[str, Any], headers: tuple[str, ...],
              mapping: Mapping_) -> list[RowError]:
    """A SIRET starts with its company's SIREN: both given, they must agree."""
    siren, siret = values.get("siren"), values.get("siret")
    if siret and not siren:
        values["siren"] = siret[:9]
    elif siren and siret and siret[:9] != siren:
        column = next((headers[i] for i, name in mapping.columns.items() if name == "siret"),
                      "siret")
        return [RowError(line, column, Reason(
            "import_siret_siren", f"SIRET {siret} is not an establishment of SIREN {siren} "
            "(its first nine digits differ)", {"siret": siret, "siren": siren}))]
    return []


def _split_full_name(values: dict[str, Any], kind: str) -> None:
    """A whole name as lists write it: "Jean Dupont", "DUPONT Jean" or "Jean-Pierre LE
    GOFF" (the name in capitals is the last name, wherever it stands), "M. Pierre Martin"
    (a civility first: the civility, never the first name)."""
    full = values.pop("full_name", None)
    if not full or "last_name" in values:
        return
    parts = full.split()
    if len(parts) > 1 and is_civility(parts[0]):
        civility = parts.pop(0)
        if "civility" in FIELDS[kind]:
            values.setdefault("civility", civility)
    if len(parts) == 1:
        values["last_name"] = parts[0]
        return
    caps = [_in_capitals(p) for p in parts]
    if any(caps) and not all(caps):
        start = caps.index(True)
        end = len(caps) - caps[::-1].index(True)
        if all(caps[start:end]) and (start == 0 or end == len(parts)):
            while start > 0 and fold(parts[start - 1]) in _PARTICLES:
                start -= 1  # "Claire de LA FONTAINE"
            first = parts[:start] + parts[end:]
            values.setdefault("first_name", " ".join(first))
            values["last_name"] = " ".join(parts[start:end])
            return
    values.setdefault("first_name", parts[0])
    values["last_name"] = " ".join(parts[1:])


_PARTICLES = frozenset({"de", "du", "des", "d'", "le", "la", "van", "von", "der", "den", "di",
                        "da", "del", "della"})


def _in_capitals(word: str) -> bool:
    """"DUPONT", "LE", "D'ARTOIS": a word of two letters or more, all of them capitals."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _merge(kept: Record, other: Record) -> None:
    if "figures" in other.values:  # the long format: one row a year of the same company
        merge(kept.values.setdefault("figures", {}), other.values["figures"])
    for k, v in other.values.items():
        kept.values.setdefault(k, v)
    add_phones(kept.phones, other.phones)
    for email in (other.values.get("email"), *other.more_emails):
        if email and email != kept.values.get("email") and email not in kept.more_emails:
            kept.more_emails.append(email)
