"""A CV file handed in by the caller (a typed path, a command's argument, an import's
column), read once and checked: a regular file, of a CV format, not too big, with a name that
can be shown. Whatever is wrong is said with the file's name, before anything is saved."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cockpit.cv.read import CvUnreadable, extract

MAX_BYTES = 20 * 1024 * 1024  # a CV of 20 MB is already a CV of scanned photos
SUFFIXES = (".docx", ".pdf", ".odt", ".txt", ".md")


class CvFileRefused(Exception):
    """`code` names what is wrong (error.<code> in the catalogues), `params` where."""

    def __init__(self, code: str, english: str, **params: Any) -> None:
        super().__init__(english)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class CvFile:
    name: str  # the file's own name, as the list shows it
    format: str
    content: bytes
    text: str
    scanned: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def shown(path: str | os.PathLike[str], limit: int = 120) -> str:
    """A path as a message repeats it: control characters as `?`, one line, not too long."""
    text = "".join("?" if (ord(c) < 32 or 127 <= ord(c) < 160) else c for c in str(path))
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


def read_cv_file(path: str | os.PathLike[str]) -> CvFile:
    """The file at `path`, its bytes and its text; CvFileRefused saying what is wrong."""
    raw = str(path)
    where = shown(raw)
    if not raw.strip():
        raise CvFileRefused("cv_no_path", "no CV file named")
    target = Path(raw).expanduser()
    if any(ord(c) < 32 or ord(c) == 127 for c in target.name):
        raise CvFileRefused("cv_bad_name", f"{where}: its name holds control characters; "
                            "rename the file", path=where)
    if target.is_dir():
        raise CvFileRefused("cv_folder", f"{where}: is a folder, not a file", path=where)
    if target.suffix.casefold() not in SUFFIXES:
        raise CvFileRefused("cv_format", f"{where}: not a CV format the cockpit reads "
                            "(.docx, .pdf, .odt, .txt or .md)", path=where)
    data = _read_regular(target, where)
    try:
        extracted = extract(target)
    except CvUnreadable as exc:
        raise CvFileRefused("cv_unreadable", f"{where}: {exc}", path=where,
                            reason=shown(str(exc).removeprefix(str(target) + ": "))) from exc
    if not extracted.text.strip() and not extracted.scanned:
        raise CvFileRefused("cv_empty_file", f"{where}: the file holds no text", path=where)
    return CvFile(shown(target.name, 200), extracted.format, data, extracted.text,
                  extracted.scanned)


def _read_regular(target: Path, where: str) -> bytes:
    """The bytes of a regular file, at most MAX_BYTES: a folder, a device (a link to
    /dev/zero), a pipe are refused before a byte is read; opened without blocking."""
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise CvFileRefused("cv_missing", f"{where}: no such file", path=where) from None
    except IsADirectoryError:
        raise CvFileRefused("cv_folder", f"{where}: is a folder, not a file",
                            path=where) from None
    except OSError as exc:
        raise CvFileRefused("cv_unopenable", f"{where}: cannot be read ({exc.strerror})",
                            path=where, reason=exc.strerror or "") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CvFileRefused("cv_folder", f"{where}: is a folder, not a file", path=where)
        if not stat.S_ISREG(info.st_mode):
            raise CvFileRefused("cv_not_regular", f"{where}: not an ordinary file (a device "
                                "or a pipe)", path=where)
        if info.st_size > MAX_BYTES:
            raise CvFileRefused("cv_too_big", f"{where}: {info.st_size // 2**20} MB, more "
                                f"than a CV ({MAX_BYTES // 2**20} MB at most)", path=where,
                                size=info.st_size // 2**20, limit=MAX_BYTES // 2**20)
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_BYTES:  # grew while read
                raise CvFileRefused("cv_too_big", f"{where}: more than a CV", path=where,
                                    size=total // 2**20, limit=MAX_BYTES // 2**20)
        return b"".join(chunks)
    except OSError as exc:
        raise CvFileRefused("cv_unopenable", f"{where}: cannot be read ({exc.strerror})",
                            path=where, reason=exc.strerror or "") from None
    finally:
        os.close(fd)
