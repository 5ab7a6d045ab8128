"""Every file the cockpit writes for the user (exports, .ics, .eml, reports, rejected rows)
goes through here, so none of them can destroy what is already there:

- never over the database in use, nor its -wal/-shm/-journal, even through a link;
- never over the cockpit's own files (settings, do-not-call key, log) nor into its state
  folder (note drafts, ends of calls waiting for the database);
- never over an existing file unless asked (--force), never through a symlink;
- written to a temporary file beside the target, then renamed: a failure leaves the old file;
- readable by its owner only from the first byte (they hold people's data)."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from cockpit.services.errors import ServiceError

_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
QUOTED_MAX = 80  # characters of a user's value a message repeats


def shorten(value: object, limit: int = QUOTED_MAX) -> str:
    """A value as a message quotes it: one line, at most `limit` characters."""
    text = str(value)
    if any(ch in text for ch in "\n\r\t"):
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class OutputError(ServiceError):
    """A file cannot be written where the user asked; `code` names why, `path` where."""

    def __init__(self, code: str, path: Path | str, english: str, **params: Any) -> None:
        shown = shorten(path, 160)
        super().__init__(f"{shown}: {english}", code=code, path=shown, **params)


def protected_files(db_url: str | None) -> tuple[Path, ...]:
    """The database file behind a URL and its SQLite companions (none for PostgreSQL)."""
    if not db_url:
        return ()
    from cockpit.store.db import sqlite_path

    path = sqlite_path(db_url)
    if path is None:
        return ()
    return tuple(path.with_name(path.name + suffix) for suffix in _SQLITE_COMPANIONS)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _resolved(path: Path) -> Path:
    """The path with its folder's links resolved, the name itself kept."""
    try:
        return Path(os.path.realpath(path.parent)) / path.name
    except OSError:
        return path.absolute()


def _is_database(target: Path, protected: tuple[Path, ...]) -> bool:
    mine = _identity(target)
    where = _resolved(target)
    for guarded in protected:
        if where == _resolved(guarded) or Path(os.path.realpath(guarded)) == where:
            return True
        if mine is not None and mine == _identity(guarded):
            return True
    return False


def own_files() -> tuple[Path, ...]:
    """The cockpit's own files, which no output may replace: its settings, the do-not-call
    key (lost, the numbers of the people erased could no longer be matched: they would be
    called again), its log and the log's older parts."""
    from cockpit.config import config_path
    from cockpit.logs import KEEP_FILES, log_path
    from cockpit.paths import dnc_key_path

    log = Path(log_path())
    older = (log.with_name(f"{log.name}.{n}") for n in range(1, KEEP_FILES + 1))
    return (config_path(), dnc_key_path(), log, *older)


def _inside(target: Path, folder: Path) -> bool:
    where = _resolved(target)
    try:
        root = Path(os.path.realpath(folder))
    except OSError:
        return False
    return where == root or root in where.parents


def is_own_file(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is one of the cockpit's own files, or lies in its state folder."""
    from cockpit.paths import state_dir

    target = Path(path).expanduser()
    return _is_database(target, own_files()) or _inside(target, state_dir())


def own_file_refused(path: Path) -> OutputError:
    return OutputError("output_own_file", path, "is one of the cockpit's own files (settings, "
                       "do-not-call key, log, note drafts); choose another file")


def is_database(path: str | os.PathLike[str], db_url: str | None) -> bool:
    """Whether `path` is the database behind `db_url` (or one of its companions)."""
    return _is_database(Path(path).expanduser(), protected_files(db_url))


def refuse_dash(path: str | os.PathLike[str]) -> None:
    """ "-" is the standard output to most tools: here it would be a file (or a folder)
    named "-" where the user stands, with people's data in it."""
    if str(path).strip() == "-":
        raise OutputError("output_dash", Path("-"), "names no file; give the file's name "
                          "(people's data go into a file readable by its owner only)")


def check_target(path: str | os.PathLike[str], *, db_url: str | None = None,
                 force: bool = False) -> Path:
    """The target, once sure it may be written; OutputError (saying why) otherwise.
    Also called before long work, so a refusal comes before anything is done."""
    target = Path(path).expanduser()
    if not str(path).strip():
        raise OutputError("output_empty", target, "no file named")
    refuse_dash(path)
    if _is_database(target, protected_files(db_url)):
        raise OutputError("output_is_database", target,
                          "this is the database in use; choose another file")
    if is_own_file(target):
        raise own_file_refused(target)
    if target.is_symlink():
        raise OutputError("output_symlink", target,
                          "is a symbolic link; name the file itself")
    if target.is_dir():
        raise OutputError("output_is_folder", target, "is a folder, not a file")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError("output_no_folder", target, "its folder does not exist",
                          folder=shorten(folder, 160))
    if target.exists() and not force:
        raise OutputError("output_exists", target,
                          "already exists (--force to replace it)")
    return target


@contextlib.contextmanager
def open_output(path: str | os.PathLike[str], *, db_url: str | None = None,
                force: bool = False, binary: bool = False, encoding: str = "utf-8",
                newline: str | None = "") -> Iterator[IO[Any]]:
    """A file to write the output into; it takes the target's place only once complete."""
    target = check_target(path, db_url=db_url, force=force)
    temporary, fd = _create_temporary(target)
    try:
        handle: IO[Any] = (os.fdopen(fd, "wb") if binary
                           else os.fdopen(fd, "w", encoding=encoding, newline=newline))
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(temporary, target, db_url, force)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_output(path: str | os.PathLike[str], data: str | bytes, *,
                 db_url: str | None = None, force: bool = False,
                 encoding: str = "utf-8") -> Path:
    """Write a whole file at once (see open_output)."""
    binary = isinstance(data, bytes)
    with open_output(path, db_url=db_url, force=force, binary=binary,
                     encoding=encoding) as out:
        out.write(data)
    return Path(path).expanduser()


def _create_temporary(target: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(20):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temporary, flags, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _unwritable(target, exc) from exc
        os.fchmod(fd, 0o600)  # whatever the umask
        return temporary, fd
    raise OutputError("output_unwritable", target, "cannot create a file beside it",
                      reason="")


def _put_in_place(temporary: Path, target: Path, db_url: str | None, force: bool) -> None:
    # Checked again: the place may have changed while the file was being written.
    check_target(target, db_url=db_url, force=force)
    if not force:
        try:  # a hard link fails when the name exists: never replaces a file appeared meanwhile
            os.link(temporary, target)
        except FileExistsError as exc:
            raise OutputError("output_exists", target,
                              "already exists (--force to replace it)") from exc
        except OSError:  # a file system without hard links
            os.replace(temporary, target)
        else:
            os.unlink(temporary)
        return
    os.replace(temporary, target)


def _unwritable(target: Path, exc: OSError) -> OutputError:
    if exc.errno == errno.ENOENT:
        return OutputError("output_no_folder", target, "its folder does not exist",
                           folder=shorten(target.parent, 160))
    reason = exc.strerror or type(exc).__name__
    return OutputError("output_unwritable", target, f"cannot write it ({reason})",
                       reason=reason)


def eml_in_folder(folder: Path, stem: str) -> Path:
    """A new name for a draft in a folder (created, owner-only, when missing): the first of
    stem.eml, stem-2.eml… that is free, so two drafts saved the same second both stay."""
    if is_own_file(folder):
        raise own_file_refused(folder)
    if folder.is_symlink() and not folder.is_dir():
        raise OutputError("output_symlink", folder, "is a symbolic link; name the file itself")
    if folder.exists() and not folder.is_dir():
        raise OutputError("output_not_folder", folder, "is a file, not a folder")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(folder, exc) from exc
    for n in range(1, 1000):
        candidate = folder / (f"{stem}.eml" if n == 1 else f"{stem}-{n}.eml")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise OutputError("output_exists", folder / f"{stem}.eml",
                      "already exists (--force to replace it)")
