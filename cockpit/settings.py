"""The settings of one run, decided once: config file, then environment, then command line.

Built in `cli.main` and passed down (`args.settings`, then the services and the app); no
other module reads the COCKPIT_* settings. Each value remembers where it came from, for
`cockpit check` and for the message that refuses a bad one.

The test hooks (COCKPIT_NOW, COCKPIT_HEADLESS, COCKPIT_EXIT_WHEN_READY, COCKPIT_BOOT_WITHOUT) are
environment only, never in the config file: they are read here too, once, into `hooks`."""

from __future__ import annotations

# Annotations evaluated, not kept as text (no __future__ import): typing compiles a
# named tuple's text annotations field by field at import (services/views.py).
import os
from collections.abc import Mapping
from datetime import tzinfo
from types import MappingProxyType

from cockpit.domain.named import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any, Literal

# setting -> its environment variable (the config file uses the setting's name as its key)
VARIABLES = {"db": "COCKPIT_DB", "caller": "COCKPIT_CALLER", "lang": "COCKPIT_LANG",
             "content": "COCKPIT_CONTENT",
             "dial": "COCKPIT_DIAL", "firm": "COCKPIT_FIRM", "policy": "COCKPIT_POLICY",
             "tz": "COCKPIT_TZ", "margin": "COCKPIT_MARGIN", "sectors": "COCKPIT_SECTORS",
             "phone": "COCKPIT_PHONE", "mail_from": "COCKPIT_MAIL_FROM",
             "mail_dir": "COCKPIT_MAIL_DIR"}
# setting -> its command-line option, for those the command line sets
OPTIONS = {"db": "--db", "caller": "--caller", "lang": "--lang", "content": "--content"}
LANGUAGES = ("fr", "en")
POLICY_NAMES = ("business", "consumer")  # domain.calling_hours.POLICIES, not imported here


# Named tuples, not dataclasses: a short command (`cockpit reminders`) then loads no
# dataclasses module (~10 ms with what it imports).
class Source(NamedTuple):
    """Where a value came from: the default, the config file (its path), a variable, an
    option of the command line."""

    kind: Literal["default", "file", "environment", "command line"]
    where: str = ""  # the file's path, the variable's name, the option

    def said(self, lang: str, key: str | None = None) -> str:
        """In the user's words: "file ~/.config/cockpit/config.toml" (with the file's `key`:
        ", key margin"), "variable COCKPIT_TZ", "option --db", "default"."""
        from cockpit.i18n import Translator

        said = {"default": "settings.from.default",
                "file": "settings.from.file_key" if key else "settings.from.file",
                "environment": "settings.from.environment",
                "command line": "settings.from.option"}[self.kind]
        return Translator(lang)(said, where=_home_short(self.where), name=key or "")

    def __str__(self) -> str:
        return self.kind if self.kind == "default" else f"{self.kind} {self.where}"


DEFAULT = Source("default")


class SettingsError(Exception):
    """A setting that cannot be used: which one, the value, where it came from, and why
    (`problem`: a catalogue key, said in the user's language by `said`)."""

    def __init__(self, setting: str, value: str, source: Source, problem: str,
                 **params: str) -> None:
        super().__init__(f"{source}: {setting} = {value!r}: {problem}")
        self.setting, self.value, self.source = setting, value, source
        self.problem, self.params = problem, params

    def said(self, lang: str) -> str:
        from cockpit.i18n import Translator

        tr = Translator(lang)
        return tr("settings.bad", where=self.source.said(lang, self.setting),
                  setting=self.setting, value=_short(self.value),
                  problem=tr(self.problem, **self.params))


class TestHooks(NamedTuple):
    """What tests, demos and benchmarks ask through the environment only."""

    now: str | None = None  # COCKPIT_NOW: the clock starts there (commands/clock.py)
    headless: bool = False  # COCKPIT_HEADLESS: the app draws off-screen
    exit_when_ready: bool = False  # COCKPIT_EXIT_WHEN_READY: quit once the first screen is up
    # COCKPIT_BOOT_WITHOUT=fork,gc,pgdriver: start-up tricks left out (cockpit/boot.py);
    # COCKPIT_NO_FORK: the same as "fork" (read the first screen in this process)
    boot_without: frozenset[str] = frozenset()

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> TestHooks:
        return cls(now=environ.get("COCKPIT_NOW") or None,
                   headless=bool(environ.get("COCKPIT_HEADLESS")),
                   exit_when_ready=bool(environ.get("COCKPIT_EXIT_WHEN_READY")),
                   boot_without=frozenset(
                       name.strip() for name in environ.get("COCKPIT_BOOT_WITHOUT", "").split(",")
                       if name.strip()) | ({"fork"} if environ.get("COCKPIT_NO_FORK") else set()))


TestHooks.__test__ = False  # type: ignore[attr-defined]  # not a pytest test, despite its name


class Settings(NamedTuple):
    db: str | None = None  # database URL; None: the default SQLite file
    caller: str | None = None  # the caller's name (or login)
    lang: str = "fr"
    content: str | None = None  # the content folder; None: the checkout's or the shipped one
    dial: str | None = None  # command that dials (the E.164 number appended)
    firm: str | None = None  # the firm's name; None: the database's, else the demo's
    policy: str = "business"  # calling hours policy name (domain.calling_hours.POLICIES)
    tz: str = "Europe/Paris"  # the caller's own time zone
    margin: str | None = None  # raw: "0.2" or "20%" (checked by `load`; see margin_rate)
    sectors: str | None = None  # YAML file of employers -> sectors, for anonymised CVs
    phone: str | None = None  # the caller's number said in voicemail messages
    mail_from: str | None = None
    mail_dir: str | None = None
    hooks: TestHooks = TestHooks()
    # where each value came from (every setting has one; DEFAULT when none was given)
    sources: Mapping[str, Source] = MappingProxyType({})

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None,
             file_values: Mapping[str, str] | None = None,
             arguments: Mapping[str, str | None] | None = None,
             file_label: str = "file") -> Settings:
        """file_values, overridden by environ, overridden by arguments (None or '' skipped).
        `file_label`: the config file's path. SettingsError for a value that cannot work."""
        environ = os.environ if environ is None else environ
        values: dict[str, str] = {}
        sources: dict[str, Source] = {}
        for name, variable in VARIABLES.items():
            for value, source in (((file_values or {}).get(name), Source("file", file_label)),
                                  (environ.get(variable), Source("environment", variable)),
                                  ((arguments or {}).get(name),
                                   Source("command line", OPTIONS.get(name, "")))):
                if value is not None and str(value).strip():
                    # Checked even when a later one overrides it: it would bite the day the
                    # variable is unset.
                    _check(name, str(value).strip(), source)
                    values[name] = str(value).strip()
                    sources[name] = source
        for name in VARIABLES:
            sources.setdefault(name, DEFAULT)
        given: dict[str, Any] = values  # every field named in VARIABLES is a text
        return cls(**given, hooks=TestHooks.from_environment(environ), sources=sources)

    @property
    def zone(self) -> tzinfo:
        """The caller's time zone (checked by `load`), for the times a person reads."""
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.tz)

    @property
    def margin_rate(self) -> float | None:
        """The margin as a fraction (0.2); None when not set (the services' default)."""
        return parse_margin(self.margin) if self.margin else None

    def source(self, name: str) -> Source:
        return self.sources.get(name, DEFAULT)


def parse_margin(raw: str) -> float:
    """'0.2' or '20%' -> 0.2; ValueError unless a fraction from 0 to below 1."""
    text = raw.strip()
    margin = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    if not 0 <= margin < 1:
        raise ValueError(raw)
    return margin


def _check(name: str, value: str, source: Source) -> None:
    """A value that would fail later, deep in a screen, is refused now, with its source."""
    if name == "lang" and value not in LANGUAGES:
        raise SettingsError(name, value, source, "settings.problem.choices",
                            choices=", ".join(LANGUAGES))
    if name == "policy" and value not in POLICY_NAMES:
        raise SettingsError(name, value, source, "settings.problem.choices",
                            choices=", ".join(POLICY_NAMES))
    if name == "margin":
        try:
            parse_margin(value)
        except ValueError:
            raise SettingsError(name, value, source, "settings.problem.margin") from None
    if name == "tz":
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(value)
        except (KeyError, ValueError, OSError):  # not found (a KeyError), a bad path
            raise SettingsError(name, value, source, "settings.problem.tz") from None


def _short(value: str) -> str:
    return value if len(value) <= 80 else value[:79] + "…"


def _home_short(path: str) -> str:
    home = os.path.expanduser("~")
    return "~" + path[len(home):] if home not in ("", "/") and path.startswith(home + "/") \
        else path
