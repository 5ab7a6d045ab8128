"""Importing a spreadsheet (CSV or .xlsx) of companies, contacts or freelances: all or nothing
by default, every bad row listed; with skip_invalid, the good rows go in and the rejected ones
are written beside the input with their reasons; a dry run says what would happen."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as day_time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit.domain.errors import DomainError
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part

if TYPE_CHECKING:
    from cockpit.domain.importing import Mapping_, RowError
    from cockpit.domain.tables import Table

Progress = Callable[[int, int], None]  # (rows done, rows in all)


@dataclass
class ImportReport:
    kind: str
    path: Path
    rows: int
    encoding: str
    delimiter: str
    unknown_columns: tuple[str, ...]
    errors: list[RowError]
    to_import: int  # distinct records after merging duplicates inside the file
    created: int = 0
    merged: list[tuple[int, int, str]] = field(default_factory=list)  # (line, id, why)
    merged_in_file: list[tuple[int, int]] = field(default_factory=list)  # (line, into line)
    companies_created: int = 0
    # Numbers several people have (colleagues behind one switchboard): kept apart, the number
    # labelled as their company's switchboard.
    switchboards: int = 0
    history: int = 0  # people whose last contact or comment came in as their history
    unknown_owners: dict[str, int] = field(default_factory=dict)  # not in the team: people
    rejected_file: Path | None = None
    imported: bool = False
    dry_run: bool = False
    # Lines around the table: notes before its header (LinkedIn's), a report's footer
    # (Salesforce's "Grand Totals", "Confidential Information", "Copyright").
    skipped_before: tuple[int, ...] = ()
    skipped_after: tuple[int, ...] = ()
    repeated_headers: tuple[int, ...] = ()  # the header line again inside the table
    skipped_texts: tuple[str, str] = ("", "")  # the first line of each, to show it
    header_line: int = 1
    columns: list[ColumnUse] = field(default_factory=list)


@dataclass(frozen=True)
class RejectedWords:
    """The words of the rejected rows' file, given by the command line in the user's
    language; English by default (the reasons' own text, for logs and tests)."""

    line: str = "line"
    reason: str = "reason"
    separator: str = "; "
    say: Callable[[RowError], str] = lambda e: (f"{e.column}: {e.reason}" if e.column
                                               else str(e.reason))


@dataclass(frozen=True)
class ColumnUse:
    """What the import does with one column, for --dry-run."""

    column: str  # as messages name it ("Titre#2")
    field: str  # "" when not imported
    why: str  # when not imported: "civility" (where the kind keeps none), "" (unknown)
    samples: tuple[str, ...]  # up to three values, safe to print


def _without_collection(method: Callable[..., ImportReport]) -> Callable[..., ImportReport]:
    """Python's cycle collector held during an import: its rows, records and holders are
    hundreds of thousands of objects that live until the end, which every full collection
    walked through again (a third of a 100,000-row import's CPU). They hold no cycles;
    any that something else made meanwhile waits for the next collection after it."""
    import functools

    @functools.wraps(method)
    def held(*args: object, **kwargs: object) -> ImportReport:
        import gc

        was = gc.isenabled()
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            if was:
                gc.enable()

    return held


class ImportServices(Part):
    @store_guard
    @_without_collection
    def import_file(self, kind: str, path: str | os.PathLike[str], *,
                    dry_run: bool = False, skip_invalid: bool = False,
                    mapping: Mapping[str, str] | None = None,
                    progress: Progress | None = None, force: bool = False,
                    words: RejectedWords | None = None) -> ImportReport:
        """`words`: how the rejected rows' file says its reasons, in the language the import
        is run in (the caller's: the services say no words)."""
        from cockpit.domain.import_columns import column_values, locate
        from cockpit.domain.importing import KINDS, check_rows, known_keys, map_columns
        from cockpit.domain.tables import TableError
        from cockpit.store import importer
        from cockpit.store.db import database, refresh_statistics
        from cockpit.store.import_batches import PartlyWritten

        if kind not in KINDS:
            raise ServiceError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}",
                               code="import_kind")
        source = Path(path)
        known, required = known_keys(kind)

        def holds_the_list(candidate: Table) -> bool:  # a workbook's sheet, say
            from cockpit.domain.import_columns import header_key

            found = {header_key(h) for h in locate(candidate, known, required).table.headers}
            return all(keys & found for keys in required)

        located = locate(read_table(source, holds_the_list), known, required)
        table = located.table
        if not table.rows:  # a report of its footer alone
            raise ServiceError(f"{source}: only a header line, no rows to import",
                               code="import_table", path=str(source),
                               cause=TableError("no rows", code="table_header_only"))
        values: dict[int, list[str]] = {}

        def values_of(index: int) -> list[str]:
            if index not in values:
                values[index] = column_values(table, index)
            return values[index]

        try:
            columns = map_columns(table.headers, kind, mapping, values_of)
        except DomainError as exc:
            # The file and its header line: "every refusal says where".
            raise ServiceError(f"{source}, line {table.header_line}: {exc.message}",
                               code=exc.code, path=str(source), line=table.header_line,
                               **exc.params) from exc
        content = self.content

        def is_decision_maker(role: str) -> bool | None:
            found = content.role_for(role) if role else None
            return found.decision_maker if found else None

        records, errors = check_rows(table, kind, columns, self.now().date(), is_decision_maker,
                                     now=self.now())
        from cockpit.services.cv_files import read_imported_cvs

        cv_files, cv_errors = read_imported_cvs(source, records, columns, _cv_paths(table,
                                                columns), _refused_elsewhere(errors, columns))
        if cv_errors:  # a row whose CV cannot be read is a bad row, like any other
            errors = sorted([*errors, *cv_errors], key=lambda e: e.line)
            bad = {e.line for e in cv_errors}
            records = [r for r in records if r.line not in bad]
        report = ImportReport(kind, source, len(table.rows), table.encoding, table.delimiter,
                              columns.unknown, errors, len(records), dry_run=dry_run,
                              skipped_before=located.before, skipped_after=located.after,
                              repeated_headers=located.repeated,
                              skipped_texts=(located.first_skipped, located.footer_text),
                              header_line=table.header_line,
                              columns=_uses(columns, values_of) if dry_run else [])
        report.merged_in_file = [(line, r.line) for r in records for line in r.merged_lines]
        if errors and skip_invalid and not dry_run:
            report.rejected_file = write_rejected(source, table, errors, db_url=self.url,
                                                  force=force, words=words)
        if errors and not skip_invalid:
            return report  # all or nothing: nothing is written
        total = len(records)
        tick = (lambda done: progress(done, total)) if progress else None
        if dry_run:
            db = database.obj
            with db.atomic() as transaction:
                written = importer.write(kind, records, self.now(), tick)
                transaction.rollback()
        else:
            try:
                written = importer.write(kind, records, self.now(), tick)
            except PartlyWritten as exc:
                cause = exc.__cause__ or exc
                raise ServiceError(
                    f"{source}: the import stopped at row {exc.done + 1} of {total} "
                    f"({type(cause).__name__}: {str(cause).splitlines()[0] if str(cause) else ''}"
                    f"); the first {exc.done} are saved. Running the same import again is "
                    "safe: the rows already in are merged (same e-mail, or same phone and name), "
                    "not doubled",
                    code="import_partial", done=exc.done, total=total) from exc
            report.imported = True
            if cv_files:
                from cockpit.services.cv_files import attach_imported

                attach_imported(cv_files, written.ids, self.now())
            if written.created > 1000:  # the planner must know the new sizes at once
                refresh_statistics()
        from cockpit.logs import log

        log.info("import %s: %d rows, %d created, %d merged, %d invalid%s", kind,
                 report.rows, written.created, len(written.merged), len(errors),
                 " (dry run)" if dry_run else "")
        report.created = written.created
        report.merged = written.merged
        report.companies_created = written.companies_created
        report.switchboards = len(written.switchboards)
        report.history = written.history
        report.unknown_owners = written.unknown_owners
        return report


def _cv_index(columns: Mapping_) -> int | None:
    return next((i for i, name in columns.columns.items() if name == "cv_file"), None)


def _cv_paths(table: Table, columns: Mapping_) -> Table:
    """The table as the CVs are read from it: each CV cell's path as the import reads it
    ("CVs\\Jean.docx" from Windows is "CVs/Jean.docx"), for the rows refused for another
    cell, whose CV is checked from its cell."""
    from dataclasses import replace

    from cockpit.domain.errors import ValidationError
    from cockpit.domain.import_cells import cv_path

    index = _cv_index(columns)
    if index is None:
        return table

    def path(cell: str) -> str:
        try:
            return cv_path(cell)
        except ValidationError:
            return ""  # said already, as the cell's error

    rows = tuple((line, (*cells[:index], path(cells[index]), *cells[index + 1:]))
                 if index < len(cells) and cells[index].strip() else (line, cells)
                 for line, cells in table.rows)
    return replace(table, rows=rows)


def _refused_elsewhere(errors: list[RowError], columns: Mapping_) -> set[int]:
    """The lines refused, but not for their CV cell (whose error is said already)."""
    index = _cv_index(columns)
    said = columns.labels[index] if index is not None and columns.labels else None
    cv_lines = {e.line for e in errors if said is not None and e.column == said}
    return {e.line for e in errors} - cv_lines


def _uses(columns: Mapping_, values_of: Callable[[int], list[str]]) -> list[ColumnUse]:
    from cockpit.domain.import_columns import sample

    return [ColumnUse(label, columns.columns.get(i, ""), columns.left_out.get(i, ""),
                      sample(values_of(i)))
            for i, label in enumerate(columns.labels)]


def read_table(source: Path, wanted: Callable[[Table], bool] | None = None) -> Table:
    """The file's table; of a workbook, the first sheet that is `wanted` (the list, not a
    sheet of notes before it), else the first sheet."""
    from cockpit.domain.tables import TableError, read_csv

    data = _file_bytes(source)
    try:
        if source.suffix.casefold() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
            return _read_xlsx(data, wanted)
        if source.suffix.casefold() == ".json" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (
                b"[", b"{"):
            return _read_json(data)
        return read_csv(data)
    except TableError as exc:
        raise ServiceError(f"{source}: {exc.message}", code="import_table",
                           path=str(source), cause=exc) from exc


MAX_BYTES = 200 * 1024 * 1024  # a list of a million people is well under it


def _file_bytes(source: Path) -> bytes:
    """The bytes of a regular file, read once; said otherwise: missing, a folder, a device
    or a pipe (a link to /dev/zero would be read forever), too big."""
    import stat

    try:
        info = source.stat()
    except FileNotFoundError as exc:
        raise ServiceError(f"{source}: no such file", code="import_missing",
                           path=str(source)) from exc
    except OSError as exc:
        raise ServiceError(f"{source}: cannot read it ({exc.strerror})", code="import_read",
                           path=str(source)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ServiceError(f"{source}: a folder, not a file", code="import_folder",
                           path=str(source))
    if not stat.S_ISREG(info.st_mode):
        raise ServiceError(f"{source}: not a regular file (a device, a pipe)",
                           code="import_not_file", path=str(source))
    if info.st_size > MAX_BYTES:
        raise ServiceError(f"{source}: {info.st_size // 2**20} MB, too big for a list",
                           code="import_too_big", path=str(source),
                           size=info.st_size // 2**20, max=MAX_BYTES // 2**20)
    try:
        return source.read_bytes()
    except OSError as exc:
        raise ServiceError(f"{source}: cannot read it ({exc.strerror})", code="import_read",
                           path=str(source)) from exc


# What a workbook may unpack to: half a million rows of a wide export. A .xlsx is a zip, and
# 2 MB of one unpacked to 2 GB of sheet held 4 GB of memory for 22 s before this check; the
# reader holds about what the sheet unpacks to (900 MB of blanks: 980 MB), as a CSV of the
# largest size taken (MAX_BYTES) does.
XLSX_UNPACKED_MAX = 512 * 1024 * 1024


def _read_xlsx(data: bytes, wanted: Callable[[Table], bool] | None = None) -> Table:
    import zipfile

    from openpyxl import load_workbook

    from cockpit.domain.tables import TableError

    damaged = TableError("not a readable .xlsx file (damaged, or another format renamed)",
                         code="table_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # Sizes as the archive declares them: reading never unpacks more than declared.
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise damaged from exc
    if unpacked > XLSX_UNPACKED_MAX:
        raise TableError(f"this .xlsx unpacks to {unpacked // 2**20} MB, more than a list "
                         f"holds ({XLSX_UNPACKED_MAX // 2**20} MB at most): save the sheet as "
                         "CSV", code="table_xlsx_unpacked", size=unpacked // 2**20,
                         max=XLSX_UNPACKED_MAX // 2**20)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise damaged from exc
    has_formulas = _has_formulas(data)
    first: Table | TableError | None = None
    table: Table | TableError = TableError("the file is empty", code="table_empty")
    for number in range(len(book.worksheets)):
        try:
            table = _sheet_table(data, book, number, has_formulas)
        except TableError as exc:
            table = exc
        if first is None:
            first = table
        if wanted is None or (not isinstance(table, TableError) and wanted(table)):
            break
    else:
        table = first if first is not None else table
    book.close()
    if isinstance(table, TableError):
        raise table
    return table


def _sheet_table(data: bytes, book: Any, number: int, has_formulas: bool) -> Table:
    from openpyxl import load_workbook

    from cockpit.domain.tables import table_of

    sheet = book.worksheets[number]
    # A formula the file holds without its value (a sheet written by a program, never
    # opened in Excel) reads as an empty cell: its text is read instead, for the import to
    # refuse it saying so ("a formula, not a value"), not to take the cell as empty.
    formulas = None
    if has_formulas:
        formulas = load_workbook(io.BytesIO(data), read_only=True).worksheets[
            number].iter_rows(values_only=True)
    headers: tuple[str, ...] | None = None
    header_line = 1
    rows: list[tuple[int, tuple[str, ...]]] = []
    for line, values in enumerate(sheet.iter_rows(values_only=True), 1):
        if formulas is not None:
            written = next(formulas, ())
            values = tuple(f if v is None and isinstance(f, str) and f.startswith("=") else v
                           for v, f in zip(values, (*written, *[None] * len(values)),
                                           strict=False))
        cells = tuple(_cell(v) for v in values)
        if not any(c.strip() for c in cells):
            continue
        if headers is None:
            headers, header_line = tuple(c.strip() for c in cells), line
        else:
            rows.append((line, cells))
    return table_of(headers, rows, "xlsx", "", header_line)


def _read_json(data: bytes) -> Table:
    """The cockpit's own JSON export (`cockpit export … --format json`), or any list of
    flat objects: each object a row, named by the line it starts on, its keys the columns
    (true/false as oui/non, null as empty)."""
    import json

    from cockpit.domain.tables import TableError, decode, table_of

    text, encoding = decode(data)
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())
    if not text.strip():
        raise TableError("the file is empty", code="table_empty")
    if text[start] != "[":
        raise TableError("JSON, but not a list of rows ([{…}, {…}]): export it as a list, "
                         "or as CSV", code="table_json_shape")
    rows: list[tuple[int, dict[str, object]]] = []
    at = start + 1
    try:
        while True:
            at = len(text) - len(text[at:].lstrip(" \t\r\n,"))
            if text[at:at + 1] == "]":
                break
            line = text.count("\n", 0, at) + 1
            item, at = decoder.raw_decode(text, at)
            if not isinstance(item, dict):
                raise TableError(f"line {line}: a JSON {type(item).__name__}, not a row "
                                 "({\"name\": …})", code="table_json_row", line=line)
            rows.append((line, item))
    except json.JSONDecodeError as exc:
        raise TableError(f"line {exc.lineno}: not valid JSON ({exc.msg})",
                         code="table_json", line=exc.lineno) from exc
    headers: dict[str, None] = {}
    for _, item in rows:
        headers.update(dict.fromkeys(item))
    names = tuple(headers)
    cells = []
    for line, item in rows:
        values = []
        for name in names:
            value = item.get(name)
            if isinstance(value, dict | list):
                raise TableError(f"line {line}: “{name}” holds a nested value, not a cell",
                                 code="table_json_nested", line=line, column=name)
            values.append(_json_cell(value))
        cells.append((line, tuple(values)))
    return table_of(names or None, cells, encoding, "", 1)


def _json_cell(value: object) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "oui" if value else "non"
    return str(value)


def _has_formulas(data: bytes) -> bool:
    """Whether a sheet of the workbook holds a formula (most exports hold none: one read)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in book.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            with book.open(name) as sheet:  # by pieces: a sheet is not held whole
                tail = b""
                while piece := sheet.read(1 << 20):
                    if re.search(rb"<f[ >]", tail + piece):
                        return True
                    tail = piece[-2:]  # "<f" cut between two pieces
    return False


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() != day_time(0):
        return value.strftime("%Y-%m-%d %H:%M")  # a last contact's hour kept, unambiguous
    if isinstance(value, date | day_time):  # a date cell (a time alone reads as 1900)
        return value.strftime("%d/%m/%Y")
    return str(value)


def write_rejected(source: Path, table: Table, errors: list[RowError], *,
                   db_url: str | None = None, force: bool = False,
                   words: RejectedWords | None = None) -> Path:
    """The rejected rows as they were, with their reasons said in `words`, in a CSV beside
    the input (owner only, like every file with people in it; never over a file without
    `force`)."""
    from cockpit.domain.spreadsheet import neutralise
    from cockpit.services.outputs import open_output

    words = words or RejectedWords()
    reasons: dict[int, list[str]] = {}
    for e in errors:
        reasons.setdefault(e.line, []).append(words.say(e))
    target = source.with_name(f"{source.stem}.rejected.csv")
    delimiter = table.delimiter or ";"
    with open_output(target, db_url=db_url, force=force, encoding="utf-8-sig") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in (*table.headers, words.line, words.reason)])
        for line, cells in table.rows:
            if line in reasons:
                padded = list(cells) + [""] * (len(table.headers) - len(cells))
                writer.writerow([neutralise(c) for c in (*padded, line,
                                                         words.separator.join(reasons[line]))])
    return target
