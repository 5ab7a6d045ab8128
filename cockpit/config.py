"""The config file: read once by `cli.main`, whose `Settings` (cockpit/settings.py) put the
environment over it, then the command line.

The file is TOML: $COCKPIT_CONFIG, else $XDG_CONFIG_HOME/cockpit/config.toml, else
~/.config/cockpit/config.toml. Its keys are the settings' names (settings.VARIABLES): db,
caller, lang, content, dial, firm, policy, tz, margin (the firm's margin on the selling rate,
0.2 = 20 %), sectors (a YAML file of employers and their sectors, for anonymised CVs), phone
(the number the caller gives in a voicemail message; their e-mail otherwise), mail_from,
mail_dir. Example:

    db = "sqlite:////home/melissa/cockpit.sqlite"
    caller = "Melissa"
    dial = "linphonecsh dial"      # the E.164 number is added as the last argument
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


class ConfigError(Exception):
    """The file cannot be used: its path, and why (`problem`, a catalogue key)."""

    def __init__(self, path: str | os.PathLike[str], problem: str, **params: Any) -> None:
        super().__init__(f"{path}: {problem} {params}")
        self.path, self.problem, self.params = path, problem, params

    def said(self, lang: str) -> str:
        from cockpit.i18n import Translator

        tr = Translator(lang)
        return f"{self.path}: {tr(self.problem, **self.params)}"


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    from pathlib import Path

    return Path(config_file(environ))


def config_file(environ: Mapping[str, str] | None = None) -> str:
    """config_path, as text (os.path: pathlib would cost a short command ~6 ms)."""
    environ = os.environ if environ is None else environ
    explicit = environ.get("COCKPIT_CONFIG")
    if explicit:
        return os.path.expanduser(explicit)
    base = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "cockpit", "config.toml")


def read_file(path: str | os.PathLike[str]) -> dict[str, str]:
    """The file's settings, as texts; {} when there is no file. ConfigError otherwise."""
    from cockpit.settings import VARIABLES

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise ConfigError(path, "config.not_utf8") from None
    except OSError as exc:
        raise ConfigError(path, "config.unreadable", reason=exc.strerror or str(exc)) from exc
    import tomllib  # here: most starts have no file, and the parser costs a start ~9 ms

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "config.not_toml", reason=str(exc)) from exc
    unknown = sorted(set(data) - set(VARIABLES))
    if unknown:
        raise ConfigError(path, "config.unknown_key", keys=", ".join(unknown),
                          known=", ".join(VARIABLES))
    for key, value in data.items():
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ConfigError(path, "config.not_text", name=key)
    return {key: str(value) for key, value in data.items()}
