"""A short command's usual line read without argparse.

`cockpit queue`, `next`, `reminders`, `report`, `search` and `agenda` are whole processes of a
few tens of milliseconds, and argparse (with the `re` and `gettext` it imports, and the parser
built for one line) cost each ~5 ms of them. This reads the lines they are given day to day:
the options as their parsers declare them, written in full (`--limit 50`, `--limit=50`), the
values their types accept. Anything else — help, an abbreviated or unknown option, a value
refused, two options that exclude each other, `--` — gives None, and argparse reads the line
as before, with its messages. tests/unit/test_quick_args.py holds these tables equal to the
parsers' declarations and the namespaces equal to argparse's on many lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from types import SimpleNamespace

from cockpit.domain.named import TYPE_CHECKING, NamedTuple, cast

if TYPE_CHECKING:
    import argparse
    from typing import Any

    Options = dict[str, tuple[str, str | tuple[str, ...]]]

FLAG = "flag"  # store_true
TEXT = "text"  # a value kept as typed


class Spec(NamedTuple):
    """One parser: option -> (dest, FLAG, TEXT, choices, or the name of the command
    module's type function); defaults of the dests given one (not argparse.SUPPRESS); the
    groups of options that exclude each other; the positional (dest, type name), if any,
    which takes one or more words."""

    options: dict[str, tuple[str, str | tuple[str, ...]]]
    defaults: dict[str, object]
    groups: tuple[tuple[str, ...], ...] = ()
    positional: tuple[str, str] | None = None


_LANGS = ("fr", "en")
TOP = Spec({"--db": ("db", TEXT), "--content": ("content", TEXT), "--caller": ("caller", TEXT),
            "--lang": ("lang", _LANGS)},
           {"db": None, "content": None, "caller": None, "lang": None})
# What every sub-command inherits (base.common_options): defaults suppressed.
_INHERITED: Options = {"--db": ("db", TEXT), "--content": ("content", TEXT),
                       "--lang": ("lang", _LANGS)}
_CALLER: Options = {"--caller": ("caller", TEXT)}
_FORCE: Options = {"--force": ("force", FLAG)}

SPECS = {
    "queue": Spec({**_CALLER, "--at": ("at", "moment_text"), "--limit": ("limit", "count"),
                   "--why": ("why", FLAG), **_INHERITED},
                  {"at": None, "limit": 30, "why": False}),
    "next": Spec({**_CALLER, **_INHERITED}, {}),
    "reminders": Spec({**_CALLER, "--ics": ("ics", TEXT), "--all": ("all", FLAG),
                       "--done": ("done", "record_id"), "--snooze": ("snooze", "record_id"),
                       "--reassign": ("reassign", "record_id"),
                       "--until": ("until", "moment_text"), "--to": ("to", TEXT), **_FORCE,
                       **_INHERITED},
                      {"ics": None, "all": False, "done": None, "snooze": None,
                       "reassign": None, "until": None, "to": None, "force": False},
                      groups=(("--done", "--snooze", "--reassign"),)),
    "report": Spec({"--date": ("date", "moment_text"), "--week": ("week", "moment_text"),
                    "--caller": ("figures_of", TEXT), "--as": ("viewer", TEXT),
                    "--format": ("format", ("md", "csv", "html")), "--out": ("out", TEXT),
                    "--comma": ("comma", FLAG), **_FORCE, **_INHERITED},
                   {"date": None, "week": None, "figures_of": None, "viewer": None,
                    "format": "md", "out": None, "comma": False, "force": False},
                   groups=(("--date", "--week"),)),
    "search": Spec({**_CALLER, "--limit": ("limit", "count"), **_INHERITED}, {"limit": 8},
                   positional=("text", "_text")),
    "agenda": Spec({"--week": ("week", FLAG), "--month": ("month", FLAG), "--day": ("day", "_day"),
                    **_CALLER, "--all": ("all", FLAG), "--ics": ("ics", TEXT), **_FORCE,
                    **_INHERITED},
                   {"week": False, "month": False, "day": None, "all": False, "ics": None,
                    "force": False},
                   groups=(("--week", "--month"),)),
}
_MODULES = {name: f"cockpit.commands.{name}" for name in SPECS}


def quick_parse(argv: Sequence[str]) -> argparse.Namespace | None:
    """The namespace argparse would give for this line (the same attributes, on a plain
    namespace: the handlers only read them), or None when argparse must read it."""
    tokens = list(argv)
    values: dict[str, Any] = dict(TOP.defaults)
    spec, module = TOP, None
    words: list[str] = []  # the positional's
    running = True  # no option since its first word (argparse takes them in one run)
    seen: set[str] = set()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if not token.startswith("-") or token == "-":
            if module is None:  # the command's name
                if token not in SPECS:
                    return None
                spec, module = SPECS[token], import_module(_MODULES[token])
                values.update(spec.defaults, command=token)
            elif spec.positional is None or (words and not running):
                return None  # no positional, or its words not in one run
            else:
                words.append(token)
                running = True
            continue
        running = not words  # an option ends the positional's run, once begun
        name, equals, value = token.partition("=")
        if name not in spec.options or not name.startswith("--"):
            return None
        dest, kind = spec.options[name]
        if kind == FLAG:
            if equals:
                return None
            converted: object = True
        else:
            if not equals:
                if index >= len(tokens) or tokens[index].startswith("-"):
                    return None
                value = tokens[index]
                index += 1
            found = _value(kind, value, module)
            if found is _REFUSED:
                return None
            converted = found
        values[dest] = converted
        seen.add(name)
    if module is None:
        return None
    if spec.positional is not None:
        if not words:
            return None
        dest, kind = spec.positional
        converted_words = [_value(kind, word, module) for word in words]
        if any(word is _REFUSED for word in converted_words):
            return None
        values[dest] = converted_words
    if any(len(seen.intersection(group)) > 1 for group in spec.groups):
        return None
    values["handler"] = module.run
    return cast("argparse.Namespace", SimpleNamespace(**values))


_REFUSED = object()


def _value(kind: str | tuple[str, ...], text: str, module: Any) -> object:
    if kind == TEXT:
        return text
    if isinstance(kind, tuple):
        return text if text in kind else _REFUSED
    convert: Callable[[str], object] = getattr(module, kind)
    try:
        return convert(text)
    except Exception:  # argparse says why, in its own words
        return _REFUSED
