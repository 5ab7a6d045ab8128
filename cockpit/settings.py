"""The settings of one run, decided once: config file, then environment, then command line.

Built in `cli.main` and passed down; no other module reads COCKPIT_* variables. Each value
remembers where it came from, for `cockpit check`.

(First cut: the fields and `load` are the interface the layers build on.)"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

# setting -> its environment variable (the config file uses the setting's name as its key)
VARIABLES = {"db": "COCKPIT_DB", "caller": "COCKPIT_CALLER", "lang": "COCKPIT_LANG",
             "dial": "COCKPIT_DIAL", "firm": "COCKPIT_FIRM", "policy": "COCKPIT_POLICY",
             "tz": "COCKPIT_TZ", "margin": "COCKPIT_MARGIN", "sectors": "COCKPIT_SECTORS",
             "phone": "COCKPIT_PHONE", "mail_from": "COCKPIT_MAIL_FROM",
             "mail_dir": "COCKPIT_MAIL_DIR"}


@dataclass(frozen=True)
class Settings:
    db: str | None = None  # database URL; None: the default SQLite file
    caller: str | None = None  # the caller's name (or login)
    lang: str = "fr"
    dial: str | None = None  # command that dials (the E.164 number appended)
    firm: str | None = None  # the firm's name; None: the database's, else the demo's
    policy: str = "business"  # calling hours policy name (domain.calling_hours.POLICIES)
    tz: str = "Europe/Paris"  # the caller's own time zone
    margin: str | None = None  # raw: "0.2" or "20%"; checked where it is used
    sectors: str | None = None  # YAML file of employers -> sectors, for anonymised CVs
    phone: str | None = None  # the caller's number said in voicemail messages
    mail_from: str | None = None
    mail_dir: str | None = None
    # where each value came from: "default", "file <path>", "environment <VAR>", "command line"
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None,
             file_values: Mapping[str, str] | None = None,
             arguments: Mapping[str, str | None] | None = None,
             file_label: str = "file") -> Settings:
        """file_values, overridden by environ, overridden by arguments (None or '' skipped)."""
        environ = os.environ if environ is None else environ
        values: dict[str, str] = {}
        sources: dict[str, str] = {}
        for name, variable in VARIABLES.items():
            for value, source in (((file_values or {}).get(name), file_label),
                                  (environ.get(variable), f"environment {variable}"),
                                  ((arguments or {}).get(name), "command line")):
                if value:
                    values[name] = str(value)
                    sources[name] = source
        for name in VARIABLES:
            sources.setdefault(name, "default")
        return cls(**values, sources=sources)  # type: ignore[arg-type]  # str fields only
