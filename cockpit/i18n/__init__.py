"""Interface text, one catalogue per language (French first: the callers are French)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from importlib import import_module

from cockpit.domain.named import TYPE_CHECKING, cast

if TYPE_CHECKING:
    import re
    from typing import Any, SupportsFloat  # noqa: F401 (SupportsFloat: in a cast's text)

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


class _Catalogues(Mapping[str, Mapping[str, str]]):
    """Each language's catalogue, loaded when first asked for: a command says its words in
    one language, and each catalogue costs ~0.7 ms to load."""

    def __init__(self) -> None:
        self._loaded: dict[str, Mapping[str, str]] = {}

    def __getitem__(self, lang: str) -> Mapping[str, str]:
        found = self._loaded.get(lang)
        if found is None:
            if lang not in LANGUAGES:
                raise KeyError(lang)
            found = self._loaded[lang] = import_module(f"cockpit.i18n.{lang}").TEXT
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

    def __contains__(self, lang: object) -> bool:
        return lang in LANGUAGES


CATALOGUES: Mapping[str, Mapping[str, str]] = _Catalogues()


@cache
def _plural_forms() -> re.Pattern[str]:
    """{count|besoin|besoins}: the word that agrees with the number given as `count`
    (compiled when a text first has one: `re` costs a short command ~5 ms to import)."""
    import re

    return re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def plural(lang: str, count: object, one: str, many: str) -> str:
    """The form that agrees with `count`: French puts 0 and 1 in the singular, English
    only 1."""
    try:
        number = abs(float(cast("SupportsFloat", count)))
    except (TypeError, ValueError):  # not a number, or a text that is not one
        return many
    singular = number < 2 if lang == "fr" else number == 1
    return one if singular else many


def _inner(sentence: str) -> str:
    """A sentence said inside another one: no capital (but an acronym keeps its own: SIRET),
    no full stop."""
    if sentence[1:2].isupper():
        return sentence.rstrip(".")
    return sentence[:1].lower() + sentence[1:].rstrip(".")


class Translator:
    """Looks text up by key; a missing key shows itself rather than crashing a call."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        if lang not in CATALOGUES:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self._text = CATALOGUES[lang]
        self._texts: frozenset[str] | None = None  # the catalogue's texts, when first asked

    def is_text(self, value: str) -> bool:
        """Whether this is one of the catalogue's texts as written (a key's description
        already translated, say)."""
        if self._texts is None:
            self._texts = frozenset(self._text.values())
        return value in self._texts

    def __call__(self, key: str, **params: Any) -> str:
        template = self._text.get(key)
        if template is None:
            return key
        if "|" in template:
            template = _plural_forms().sub(lambda m: plural(self.lang, params.get(m.group(1)),
                                                    m.group(2), m.group(3)), template)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template

    def error(self, exc: object) -> str:
        """A domain error in the user's language, by its code; its own message otherwise."""
        code = getattr(exc, "code", None)
        params = getattr(exc, "params", {}) or {}
        key = f"error.{code}"
        if code and key in self._text:
            # Parameters that are themselves codes ("too_short") are translated too, but not
            # the value a user typed (a cell reading "too_long" stays as written); an error
            # given as the cause is said by its own code.
            said = {k: self._text.get(f"reason.{v}", v) if isinstance(v, str) and k != "value"
                    else _inner(self.error(v)) if isinstance(v, BaseException) else v
                    for k, v in params.items()}
            return self(key, **said)
        return str(exc)

    def reason(self, reason: object) -> str:
        """Why a row or a cell is refused (domain.errors.Reason, or any error), said inside
        the sentence that names where: "ligne 3, colonne « Tél » : …"."""
        return _inner(self.error(reason))  # a code and parameters suffice
