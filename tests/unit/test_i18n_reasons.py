"""Every refusal the domain and the services give carries a code the catalogues word, in both
languages, with the parameters their words need: none can reach a French user as the English
text of its exception (what an import's rows were refused with until the codes)."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit.domain.errors import Reason
from cockpit.i18n import CATALOGUES, Translator

ROOT = Path(__file__).parents[2] / "cockpit"
# The errors whose `code=` names their words, and the one that takes it first.
CODED = {"ValidationError", "DomainError", "MappingError", "FigureError", "HistoryError",
         "TableError", "ServiceError", "StoreUnavailable"}
FIRST_IS_CODE = {"CvFileRefused", "Reason"}
# Where a row's or a field's values are checked: no refusal there without a code.
CHECKING = ["domain/importing.py", "domain/import_figures.py", "domain/import_history.py",
            "domain/import_phones.py", "domain/import_columns.py", "domain/phones.py",
            "domain/siret.py", "domain/creating.py", "domain/tables.py", "domain/rates.py",
            "domain/captures.py", "domain/activity.py", "domain/placement.py",
            "domain/calling_hours.py", "domain/session.py", "domain/ics.py"]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(
        func, ast.Attribute) else ""


def _coded_calls() -> Iterator[tuple[str, str, set[str] | None]]:
    """(where, code, the parameters given, None when some are passed on with **)."""
    for path in sorted([*ROOT.glob("domain/*.py"), *ROOT.glob("services/*.py"),
                        *ROOT.glob("cv/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            keywords = {k.arg: k.value for k in node.keywords}
            params: set[str] | None = {k for k in keywords if k and k != "code"}
            if None in keywords:
                params = None
            if name in CODED and isinstance(keywords.get("code"), ast.Constant):
                yield where, keywords["code"].value, params  # type: ignore[union-attr]
            elif name in FIRST_IS_CODE and node.args and isinstance(node.args[0], ast.Constant):
                if name == "Reason":
                    given = node.args[2] if len(node.args) > 2 else keywords.get("params")
                    params = ({k.value for k in given.keys if isinstance(k, ast.Constant)}
                              if isinstance(given, ast.Dict) else set() if given is None
                              else None)
                yield where, node.args[0].value, params


def _fields(template: str) -> set[str]:
    return {name.partition("|")[0].partition(".")[0].partition("!")[0].partition(":")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_given_has_words_in_both_languages_with_their_parameters() -> None:
    found = list(_coded_calls())
    assert len(found) > 150  # the walk sees them (a broken walk would pass on nothing)
    for lang, catalogue in CATALOGUES.items():
        for where, code, params in found:
            template = catalogue.get(f"error.{code}")
            assert template is not None, f"{where}: error.{code} missing in {lang}.py"
            if params is not None:
                # The services add the file and its line to an import's refusals.
                extra = {"path", "line"} if code.startswith(("import_", "table_")) else set()
                missing = _fields(template) - params - extra
                assert not missing, f"{where}: error.{code} in {lang} needs {missing}"


def test_the_codes_made_from_a_word_have_words_too() -> None:
    for code in ("import_day_rate", "import_day_rate_range", "capture_date",
                 "capture_datetime", "capture_money", "capture_integer", "capture_email"):
        for catalogue in CATALOGUES.values():
            assert f"error.{code}" in catalogue, code


def _uncoded_raises(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        name, call = _name(node.exc), node.exc
        uncoded = name == "ValueError" or (
            name in CODED and not any(k.arg == "code" for k in call.keywords))
        # ValueError(raw) caught at once and raised again with a code is a signal, not words:
        # a sentence (an f-string) is what a user would read.
        if uncoded and call.args and isinstance(call.args[0], ast.JoinedStr):
            yield f"{path.relative_to(ROOT)}:{node.lineno}"


@pytest.mark.parametrize("module", CHECKING)
def test_no_refusal_of_a_value_goes_without_its_code(module: str) -> None:
    assert list(_uncoded_raises(ROOT / module)) == []


def test_a_reason_said_inside_a_sentence_keeps_an_acronym_and_drops_its_full_stop() -> None:
    siret = Reason("siret_key", "SIRET '1' fails its check key", {"value": "1"})
    assert Translator("fr").reason(siret) == "le SIRET «\xa01\xa0» a une clé de contrôle fausse"
    assert Translator("en").reason(siret) == "SIRET “1” has a wrong check key"
    empty = Reason("import_required", "empty, and it is required")
    assert Translator("fr").reason(empty) == "vide, alors que ce champ est obligatoire"
    assert str(empty) == "empty, and it is required"  # the English, for logs


def test_an_error_without_words_of_its_own_is_said_with_its_value() -> None:
    reason = Reason.of(ValueError("some library's English"), value="abc")
    assert Translator("fr").reason(reason) == "«\xa0abc\xa0» est refusé ici"
    assert str(reason) == "some library's English"


def test_a_row_is_refused_with_a_reason_never_with_words() -> None:
    """RowError(line, column, "English words") is what French users read as English."""
    worded = []
    for path in sorted([*ROOT.glob("domain/*.py"), *ROOT.glob("services/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node) == "RowError" and len(node.args) > 2:
                reason = node.args[2]
                if isinstance(reason, ast.Constant | ast.JoinedStr) or (
                        isinstance(reason, ast.Call) and _name(reason) == "str"):
                    worded.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert worded == []


def test_the_value_a_user_typed_is_shown_as_typed_even_when_it_reads_like_a_code() -> None:
    reason = Reason("import_email", "'too_long' is not an e-mail address", {"value": "too_long"})
    assert Translator("fr").reason(reason) == "«\xa0too_long\xa0» n'est pas une adresse e-mail"
