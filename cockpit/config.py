"""Settings from a config file, overridden by the environment, overridden by the command line.

The file is TOML: $COCKPIT_CONFIG, else ~/.config/cockpit/config.toml. Keys: db, caller, lang,
dial, firm, policy, tz, margin (the firm's margin on the selling rate, 0.2 = 20 %), sectors (a
YAML file of employers and their sectors, for anonymised CVs), phone (the number the caller
gives in a voicemail message; their e-mail otherwise). Example:

    db = "sqlite:////home/melissa/cockpit.sqlite"
    caller = "Melissa"
    dial = "linphonecsh dial"      # the E.164 number is added as the last argument
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

KEYS = {"db": "COCKPIT_DB", "caller": "COCKPIT_CALLER", "lang": "COCKPIT_LANG",
        "dial": "COCKPIT_DIAL", "firm": "COCKPIT_FIRM", "policy": "COCKPIT_POLICY",
        "tz": "COCKPIT_TZ", "margin": "COCKPIT_MARGIN", "sectors": "COCKPIT_SECTORS",
        "phone": "COCKPIT_PHONE"}


class ConfigError(Exception):
    pass


def config_path() -> Path:
    explicit = os.environ.get("COCKPIT_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "cockpit" / "config.toml"


@lru_cache(maxsize=1)
def _file_settings() -> dict[str, str]:
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror})") from exc
    import tomllib  # here: most starts have no file, and the parser costs a start ~9 ms

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    unknown = set(data) - set(KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(KEYS)}")
    return {key: str(value) for key, value in data.items()}


def setting(key: str) -> str | None:
    """The environment variable wins over the file."""
    return os.environ.get(KEYS[key]) or _file_settings().get(key)


def apply_to_environment() -> None:
    """Make file settings visible to the code that reads COCKPIT_* variables."""
    for key, variable in KEYS.items():
        value = _file_settings().get(key)
        if value and not os.environ.get(variable):
            os.environ[variable] = value
