"""A freelance's CV files (attached from the cockpit, `cockpit freelance cv`, an import's CV
column) and the draft e-mail that carries the anonymised CV to a decision maker."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.later_views import MailDraft
from cockpit.services.part import Part

if TYPE_CHECKING:
    from cockpit.cv.files import CvFile
    from cockpit.domain.importing import Mapping_, Record, RowError
    from cockpit.domain.tables import Table


class CvFileRow(NamedTuple):
    id: int
    name: str
    format: str
    size: int
    scanned: bool  # a PDF without a text layer: kept, but nothing to read or search
    added_at: datetime
    added_by: str  # the caller's first name, "" when unknown (an import, a command)


def refused(exc: Exception) -> ServiceError:
    """A CvFileRefused as the services' error (its code, its params)."""
    return ServiceError(str(exc), code=getattr(exc, "code", "cv_unreadable"),
                        **getattr(exc, "params", {}))


class CvFileServices(Part):
    @store_guard
    def attach_cv(self, freelance_id: int, path: str | os.PathLike[str],
                  caller_id: int | None = None) -> CvFileRow:
        """Keep the file at `path` as the freelance's newest CV; refused, nothing kept, when
        the file is not a CV the cockpit can read (say why) or the freelance is unknown."""
        from cockpit.cv.files import CvFileRefused, read_cv_file
        from cockpit.store import cv_files, reads

        if reads.freelance(freelance_id) is None:
            raise ServiceError(f"no freelance #{freelance_id}", code="no_freelance",
                               id=freelance_id)
        try:
            cv = read_cv_file(path)
        except CvFileRefused as exc:
            raise refused(exc) from exc
        cv_id, new = cv_files.add(freelance_id, name=cv.name, format=cv.format,
                                  content=cv.content, sha256=cv.sha256, text=cv.text,
                                  scanned=cv.scanned, caller_id=caller_id, now=self.now())
        if not new:
            raise ServiceError(f"{cv.name}: this freelance has this CV already",
                               code="cv_already", name=cv.name)
        return next(r for r in self.cv_files(freelance_id) if r.id == cv_id)

    @store_guard
    def cv_files(self, freelance_id: int) -> tuple[CvFileRow, ...]:
        from cockpit.store import cv_files, reads

        if reads.freelance(freelance_id) is None:
            raise ServiceError(f"no freelance #{freelance_id}", code="no_freelance",
                               id=freelance_id)
        return tuple(CvFileRow(int(r["id"]), r["name"], r["format"], int(r["size"]),
                               bool(r["scanned"]), r["added_at"], r.get("first_name") or "")
                     for r in cv_files.listed(freelance_id))

    @store_guard
    def save_cv_eml(self, caller_id: int, draft: MailDraft, cv_text: str,
                    folder: str | os.PathLike[str], *, stem: str = "cv",
                    open_it: bool = False) -> Path:
        """Write the CV's e-mail as a .eml draft (owner-only) in `folder`, the anonymised CV
        attached as a .docx, From the caller's e-mail; `open_it`: then open it in the mail
        client (xdg-open, or open on macOS). Returns the file."""
        from cockpit.cv.mail import cv_docx, cv_message
        from cockpit.services.outputs import (
            eml_in_folder,
            is_database,
            is_own_file,
            own_file_refused,
            write_output,
        )
        from cockpit.store import reads

        if not cv_text.strip():
            raise ServiceError("the anonymised CV is empty", code="empty_cv")
        target = Path(folder).expanduser()
        if is_database(target, self.url):
            from cockpit.services.outputs import OutputError

            raise OutputError("output_is_database", target,
                              "this is the database in use; choose another file")
        if is_own_file(target):
            raise own_file_refused(target)
        opener = _opener() if open_it else None
        if open_it and opener is None:
            raise ServiceError("no program to open a mail draft (xdg-open or open)",
                               code="no_mail_opener")
        caller = next((c for c in reads.callers() if c.id == caller_id), None)
        sender = (caller.email if caller else "") or self.setup.mail_from
        now = self.now()
        data = cv_message(sender=sender, to=draft.to, subject=draft.subject, body=draft.body,
                          date=now, attachment_name="CV-anonyme.docx",
                          attachment=cv_docx(cv_text))
        path = eml_in_folder(target, f"{stem}-{now:%Y%m%d-%H%M%S}")
        written = write_output(path, data, db_url=self.url)
        if opener is not None:
            try:
                subprocess.Popen([opener, str(written)], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
            except OSError as exc:
                raise ServiceError(f"{opener}: {exc.strerror}", code="mail_opener_failed",
                                   path=str(written), reason=exc.strerror or "") from exc
        return written


def read_imported_cvs(source: Path, records: list[Record], columns: Mapping_,
                      table: Table, refused: set[int]) -> tuple[dict[int, CvFile], list[RowError]]:
    """The CV files an import's CV column names (relative to the spreadsheet's folder), read
    and checked before anything is written: each line's file, or the row's error. The rows
    already `refused` for another cell are checked too, so that one round of fixing does."""
    from cockpit.cv.files import CvFileRefused, read_cv_file
    from cockpit.domain.errors import Reason
    from cockpit.domain.importing import RowError

    index = next((i for i, name in columns.columns.items() if name == "cv_file"), None)
    files: dict[int, CvFile] = {}
    errors: list[RowError] = []
    if index is None:
        return files, errors
    column = table.headers[index]

    def read(line: int, named: str) -> CvFile | None:
        path = Path(named).expanduser()
        try:
            return read_cv_file(path if path.is_absolute() else source.parent / path)
        except CvFileRefused as exc:
            errors.append(RowError(line, column, Reason.of(exc)))
            return None

    for record in records:
        named = record.values.pop("cv_file", None)
        if named:
            cv = read(record.line, named)
            if cv is not None:
                files[record.line] = cv
    for line, cells in table.rows:
        if line in refused and index < len(cells) and cells[index].strip():
            read(line, cells[index].strip())
    return files, errors


def attach_imported(files: dict[int, CvFile], ids: dict[int, int], now: datetime) -> int:
    """Keep the CVs read by read_imported_cvs for the freelances written (line -> id); a CV a
    freelance has already is not kept twice. Returns how many were kept."""
    from cockpit.store import cv_files

    kept = 0
    for line, cv in files.items():
        if line in ids:
            kept += cv_files.add(ids[line], name=cv.name, format=cv.format,
                                 content=cv.content, sha256=cv.sha256, text=cv.text,
                                 scanned=cv.scanned, caller_id=None, now=now)[1]
    return kept


def _opener() -> str | None:
    return shutil.which("open" if sys.platform == "darwin" else "xdg-open")
