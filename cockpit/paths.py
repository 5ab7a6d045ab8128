"""Where things live: the content (scripts and catalogues) and the default database file.

The places a short command needs (its database, its log) are worked out with os.path:
pathlib, with the `re` and `urllib` it imports, would cost each `cockpit queue` ~6 ms. The
Path forms are for the rest of the program."""

from __future__ import annotations

import os

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    PACKAGE_DIR: Path
    CHECKOUT_DIR: Path

PACKAGE_FOLDER = os.path.dirname(os.path.realpath(__file__))
CHECKOUT_FOLDER = os.path.dirname(PACKAGE_FOLDER)
CONTENT_MARKER = "objections.yaml"


def __getattr__(name: str) -> Path:
    """PACKAGE_DIR and CHECKOUT_DIR, as Paths, made when first asked for (the import system
    asks for others, `__path__` among them: they are not there, and cost nothing)."""
    if name not in ("PACKAGE_DIR", "CHECKOUT_DIR"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from pathlib import Path

    return Path(PACKAGE_FOLDER if name == "PACKAGE_DIR" else CHECKOUT_FOLDER)


def _home() -> str:
    """Path.home(): $HOME, else the user's entry."""
    return os.path.expanduser("~")


def content_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The content folder: the `content` setting (--content, $COCKPIT_CONTENT, the config
    file), else the checkout, else the copy shipped inside the package."""
    from pathlib import Path

    return Path(content_folder(explicit))


def content_folder(explicit: str | os.PathLike[str] | None = None) -> str:
    """content_dir, as text (the same text as str(content_dir()): absolute, resolved)."""
    if explicit:
        return os.path.realpath(os.path.expanduser(os.fspath(explicit)))
    if (os.path.isfile(os.path.join(CHECKOUT_FOLDER, CONTENT_MARKER))
            and os.path.isdir(os.path.join(CHECKOUT_FOLDER, "scripts"))):
        return CHECKOUT_FOLDER
    return os.path.join(PACKAGE_FOLDER, "_content")


def default_db_file() -> str:
    """The embedded database: the checkout's db/ folder, else the user's data folder."""
    if (os.path.isdir(os.path.join(CHECKOUT_FOLDER, "db"))
            and os.path.isfile(os.path.join(CHECKOUT_FOLDER, "pyproject.toml"))):
        return os.path.join(CHECKOUT_FOLDER, "db", "cockpit.sqlite")
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(_home(), ".local", "share")
    return os.path.join(base, "cockpit", "cockpit.sqlite")


def default_db_path() -> Path:
    from pathlib import Path

    return Path(default_db_file())


def default_db_url() -> str:
    """The database when the `db` setting names none."""
    return f"sqlite:///{default_db_file()}"


def dnc_key_path() -> Path:
    """The do-not-call key: $COCKPIT_DNC_KEY_FILE, else the user's config folder
    (~/.config/cockpit/dnc.key)."""
    from pathlib import Path

    explicit = os.environ.get("COCKPIT_DNC_KEY_FILE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(_home(), ".config")
    return Path(base) / "cockpit" / "dnc.key"


def state_folder() -> str:
    """What the cockpit keeps for itself between runs (note drafts, the checked content).
    $COCKPIT_STATE, like $COCKPIT_LOG and $COCKPIT_DNC_KEY, is the machine's, not a setting
    (cockpit/settings.py): deep layers read it, and it never changes during a run."""
    base = os.environ.get("COCKPIT_STATE") or os.environ.get("XDG_STATE_HOME") or os.path.join(
        _home(), ".local", "state")
    return os.path.join(base, "cockpit")


def state_dir() -> Path:
    from pathlib import Path

    return Path(state_folder())
