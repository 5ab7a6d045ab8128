"""The checked content, kept between starts. Reading and checking the YAML files costs some
45 ms at every start; loading the result of an earlier check costs 1. The key covers the
files' bytes and the code that reads them, so any change is read and checked afresh."""

from __future__ import annotations

import os
import sys

from cockpit.domain.named import TYPE_CHECKING
from cockpit.paths import PACKAGE_FOLDER, state_dir, state_folder

if TYPE_CHECKING:  # imported when loading: `labels_path` alone needs none of the dataclasses
    from pathlib import Path

    from cockpit.domain.script import ScriptSet

# The modules whose change alters what a content folder loads into.
_READERS = ("domain/script.py", "content/loader.py", "content/schema.py", "content/graph.py",
            "content/yamlsafe.py", "content/cache.py")


def load_content_cached(root: Path) -> ScriptSet:
    """Like loader.load_content (ContentErrors on bad content), remembered between runs."""
    import pickle  # here: `labels_path` alone (a report) needs none of it

    from cockpit.domain.script import ScriptSet

    key = _key(root)
    path = state_dir() / "content" / f"{key}.pickle"
    try:
        found = pickle.loads(path.read_bytes())
        if isinstance(found, ScriptSet):
            return found
    except Exception:  # missing, truncated or from another version: read the files again
        pass
    from cockpit.content.loader import load_content

    content = load_content(root)
    _store(path, content)
    return content


def checked_before(root: Path) -> bool:
    """Whether these very files were read and checked by an earlier start (their result is
    kept): then a start may load them only when first needed, they hold no error to say."""
    return (state_dir() / "content" / f"{_key(root)}.pickle").is_file()


def labels_path(root: Path) -> Path:
    """Where the names a report gives the content's ids are kept (services/lean.Labels), under
    the same key as the checked content: a report reads them without the content's classes."""
    from pathlib import Path

    return Path(labels_file(root))


def labels_file(root: str | os.PathLike[str]) -> str:
    """labels_path, as text (os.path: pathlib would cost a report ~6 ms)."""
    return os.path.join(state_folder(), "content", f"{_key(root)}.labels")


def _key(root: str | os.PathLike[str]) -> str:
    from cockpit.digest import sha256

    folder = os.fspath(root)
    scripts = os.path.join(folder, "scripts")
    try:  # Path.glob("*.yaml"), in the order sorted() gives it
        named = sorted(name for name in os.listdir(scripts) if name.endswith(".yaml"))
    except OSError:
        named = []
    digest = sha256(sys.version.encode())
    files = [os.path.join(folder, "objections.yaml"), os.path.join(folder, "personas.yaml"),
             *(os.path.join(scripts, name) for name in named)]
    for file in files:
        digest.update(file.encode())
        try:
            with open(file, "rb") as handle:
                digest.update(handle.read())
        except OSError:
            digest.update(b"\0missing")
    for name in _READERS:
        try:
            stat = os.stat(os.path.join(PACKAGE_FOLDER, name))
            digest.update(f"{name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()[:32]


def _store(path: Path, content: ScriptSet) -> None:
    """Best effort: a read-only or full disk only costs the next start its 45 ms."""
    import pickle

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in path.parent.glob("*.pickle"):
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pickle.dumps(content))
        os.replace(tmp, path)
    except OSError:
        pass
