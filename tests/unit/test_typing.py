"""The types hold: mypy over cockpit/ with the config of pyproject.toml finds nothing.

One run of mypy for the whole package (its cache in .mypy_cache makes the next run quick),
then one test per part of cockpit, so a failure says which part has errors and lists them."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "cockpit"
TOP_LEVEL = "top-level-modules"  # cli.py, errors.py, paths.py…
MOST_IGNORES = 10
_ERROR = re.compile(r"^(?P<path>cockpit/[^:]+\.py):\d+(?::\d+)?: error: ")


def parts() -> list[str]:
    """Each subpackage of cockpit, and its top-level modules as one more part."""
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    return [*packages, TOP_LEVEL]


def part_of(path: str) -> str:
    pieces = Path(path).parts
    return pieces[1] if len(pieces) > 2 else TOP_LEVEL


@cache
def mypy_errors() -> dict[str, list[str]]:
    """mypy's errors by part of cockpit (files and options come from pyproject.toml)."""
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                         text=True, check=False)
    if run.returncode not in (0, 1):  # 2: mypy could not run (a bad config, a crash)
        pytest.fail(f"mypy could not run (exit {run.returncode}):\n{run.stdout}{run.stderr}")
    errors: dict[str, list[str]] = {}
    for line in run.stdout.splitlines():
        found = _ERROR.match(line)
        if found:
            errors.setdefault(part_of(found["path"]), []).append(line)
    if run.returncode == 1 and not errors:
        pytest.fail(f"mypy failed without an error in cockpit/:\n{run.stdout}{run.stderr}")
    return errors


@pytest.mark.parametrize("part", parts())
def test_mypy_finds_no_error(part: str) -> None:
    errors = mypy_errors().get(part, [])
    assert errors == [], f"mypy: {len(errors)} error(s) in {part}:\n" + "\n".join(errors)


def test_every_error_belongs_to_a_part() -> None:
    assert set(mypy_errors()) <= set(parts())


def test_the_config_checks_for_real() -> None:
    """What makes the check worth having stays in the committed config."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["cockpit"]
    assert config.get("check_untyped_defs") is True
    assert config.get("warn_unused_ignores") is True
    assert "ignore_errors" not in config
    assert "ignore_missing_imports" not in config  # only per module, for untyped packages
    for override in config.get("overrides", []):
        assert "ignore_errors" not in override, override
        modules = override["module"]
        assert all(not m.startswith("cockpit") for m in modules), override


def _ignores() -> list[tuple[str, str]]:
    """Every `type: ignore` comment in cockpit/, with where it is."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT and "type: ignore" in token.string:
                found.append((f"{path.relative_to(ROOT)}:{token.start[0]}", token.string))
    return found


_EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[\w,\s-]+\]\s+#\s*\S")


def test_few_type_ignores() -> None:
    ignores = _ignores()
    listed = "\n".join(f"{where}: {comment}" for where, comment in ignores)
    assert len(ignores) <= MOST_IGNORES, (
        f"{len(ignores)} `type: ignore` in cockpit/ (at most {MOST_IGNORES}):\n{listed}")


def test_each_type_ignore_names_its_code_and_says_why() -> None:
    bare = [f"{where}: {comment}" for where, comment in _ignores()
            if not _EXPLAINED.search(comment)]
    assert bare == [], ("write `# type: ignore[code]  # why` for each:\n" + "\n".join(bare))


@pytest.mark.parametrize(("comment", "explained"), [
    ("# type: ignore[arg-type]  # str fields only", True),
    ("# type: ignore[arg-type]", False),
    ("# type: ignore  # no code", False),
])
def test_an_explained_ignore_is_told_from_a_bare_one(comment: str, explained: bool) -> None:
    assert bool(_EXPLAINED.search(comment)) is explained
