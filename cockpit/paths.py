"""Where things live: the content (scripts and catalogues) and the default database file."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent
CONTENT_MARKER = "objections.yaml"


def content_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The content folder: the `content` setting (--content, $COCKPIT_CONTENT, the config
    file), else the checkout, else the copy shipped inside the package."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    if (CHECKOUT_DIR / CONTENT_MARKER).is_file() and (CHECKOUT_DIR / "scripts").is_dir():
        return CHECKOUT_DIR
    return PACKAGE_DIR / "_content"


def default_db_path() -> Path:
    """The embedded database: the checkout's db/ folder, else the user's data folder."""
    if (CHECKOUT_DIR / "db").is_dir() and (CHECKOUT_DIR / "pyproject.toml").is_file():
        return CHECKOUT_DIR / "db" / "cockpit.sqlite"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cockpit" / "cockpit.sqlite"


def default_db_url() -> str:
    """The database when the `db` setting names none."""
    return f"sqlite:///{default_db_path()}"


def dnc_key_path() -> Path:
    """The do-not-call key: $COCKPIT_DNC_KEY_FILE, else the user's config folder
    (~/.config/cockpit/dnc.key)."""
    explicit = os.environ.get("COCKPIT_DNC_KEY_FILE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "cockpit" / "dnc.key"


def state_dir() -> Path:
    """What the cockpit keeps for itself between runs (note drafts, the checked content).
    $COCKPIT_STATE, like $COCKPIT_LOG and $COCKPIT_DNC_KEY, is the machine's, not a setting
    (cockpit/settings.py): deep layers read it, and it never changes during a run."""
    base = os.environ.get("COCKPIT_STATE") or os.environ.get("XDG_STATE_HOME") or str(
        Path.home() / ".local" / "state")
    return Path(base) / "cockpit"
