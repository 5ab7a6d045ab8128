"""The layers' rules, read from the sources (DESIGN.md, "Layers"): arrows point down only.

Every import counts: at the top of a module, inside a function (the lazy ones that keep the
start fast) and under `if TYPE_CHECKING:` too. A type-only import is still a dependency a
reader must follow, and it turns into a real one the day someone needs the name at run time;
the UI that names a store model in an annotation already knows the store.

No rule has an allow-list: a failure names each file and line that breaks it."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "cockpit"


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. cockpit.tui.app
    target: str  # the module imported, e.g. cockpit.store.db
    where: str  # file:line

    def __str__(self) -> str:
        return f"{self.where}: {self.source} imports {self.target}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The modules a `from … import …` names, relative imports resolved."""
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        origin = ".".join([*base, *([node.module] if node.module else [])])
    else:
        origin = node.module or ""
    # `from cockpit import outputs` imports cockpit.outputs; `from x import name` imports x.
    targets = []
    for alias in node.names:
        candidate = f"{origin}.{alias.name}"
        targets.append(candidate if _is_ours(candidate) and _exists(candidate) else origin)
    return targets


def _is_ours(module: str) -> bool:
    return module == "cockpit" or module.startswith("cockpit.")


def _exists(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@cache
def imports() -> tuple[Import, ...]:
    found: list[Import] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        where = str(path.relative_to(PACKAGE.parent))
        for node in ast.walk(tree):  # every import, wherever it sits
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                targets = _resolve(node, module, path.name == "__init__.py")
            else:
                continue
            found += [Import(module, t, f"{where}:{node.lineno}") for t in targets]
    return tuple(found)


def part(module: str) -> str:
    """The top-level part of cockpit a module belongs to: cockpit.tui.app → cockpit.tui."""
    return ".".join(module.split(".")[:2])


def breaking(sources: str, forbidden: tuple[str, ...]) -> list[str]:
    def within(module: str, prefix: str) -> bool:
        return module == prefix or module.startswith(prefix + ".")

    return [str(i) for i in imports()
            if within(i.source, sources) and any(within(i.target, f) for f in forbidden)]


def test_the_scan_sees_lazy_and_type_checking_imports() -> None:
    """The rules below are only as good as the scan: it must see imports in functions."""
    found = {(i.source, i.target) for i in imports()}
    assert len(imports()) > 500
    # cli._main imports the quick reader of a line inside a function, to keep the start fast.
    assert ("cockpit.cli", "cockpit.commands.quick") in found


# The domain is pure: nothing of ours but itself, no framework, no database, no files format.
FRAMEWORKS = ("textual", "rich", "peewee", "playhouse", "sqlite3", "psycopg2", "yaml",
              "openpyxl")


def test_the_domain_imports_nothing_of_ours_but_itself() -> None:
    bad = [str(i) for i in imports()
           if part(i.source) == "cockpit.domain" and _is_ours(i.target)
           and part(i.target) != "cockpit.domain"]
    assert bad == [], "the domain imports other layers:\n" + "\n".join(bad)


def test_the_domain_imports_no_framework() -> None:
    bad = breaking("cockpit.domain", FRAMEWORKS)
    assert bad == [], "the domain imports a framework:\n" + "\n".join(bad)


@pytest.mark.parametrize(("layer", "forbidden"), [
    # The UI goes through the services, never the database.
    ("cockpit.tui", ("cockpit.store", "peewee", "playhouse")),
    # The services serve the UI and the command line; they never know them.
    ("cockpit.services", ("cockpit.tui", "textual", "cockpit.commands", "cockpit.cli")),
    # The services return records and codes; the screen and the command line say them.
    ("cockpit.services", ("cockpit.i18n",)),
    # Below the services: the store, the content, the reports know nothing above them.
    ("cockpit.store", ("cockpit.services", "cockpit.tui", "cockpit.commands", "cockpit.cli")),
    ("cockpit.content", ("cockpit.store", "cockpit.services", "cockpit.tui",
                         "cockpit.commands", "cockpit.cli")),
    ("cockpit.reports", ("cockpit.store", "cockpit.services", "cockpit.tui",
                         "cockpit.commands", "cockpit.cli", "textual")),
    ("cockpit.i18n", ("cockpit.store", "cockpit.services", "cockpit.tui",
                      "cockpit.commands", "cockpit.cli")),
], ids=["ui-never-the-store", "services-never-the-ui", "services-say-no-words", "store",
        "content", "reports", "i18n"])
def test_arrows_point_down(layer: str, forbidden: tuple[str, ...]) -> None:
    bad = breaking(layer, forbidden)
    assert bad == [], f"{layer} imports what sits above it:\n" + "\n".join(bad)


def _graph() -> dict[str, dict[str, list[str]]]:
    """cockpit.X → cockpit.Y → the places where X imports Y (the root package left out)."""
    graph: dict[str, dict[str, list[str]]] = {}
    for i in imports():
        if not _is_ours(i.target) or "cockpit" in (i.source, i.target):
            continue
        a, b = part(i.source), part(i.target)
        if a != b:
            places = graph.setdefault(a, {}).setdefault(b, [])
            if i.where not in places:  # `from x import (a, b)` is one place
                places.append(i.where)
    return graph


def _cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """The strongly connected parts with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    parts: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                members.append(member)
                if member == node:
                    break
            if len(members) > 1:
                parts.append(sorted(members))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return parts


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b": ["x:1"]}, "b": {"c": ["x:2"]}, "c": {"a": ["x:3"]}, "d": {"a": ["x:4"]}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b": ["x:1"]}}) == []


def test_no_cycle_between_the_parts_of_cockpit() -> None:
    graph = _graph()
    lines = []
    for members in _cycles(graph):
        lines.append("cycle: " + " ↔ ".join(members))
        for a in members:
            for b in members:
                places = graph.get(a, {}).get(b, [])
                if places:
                    more = f" (and {len(places) - 8} more)" if len(places) > 8 else ""
                    lines.append(f"  {a} → {b} at {', '.join(places[:8])}{more}")
    assert lines == [], "\n".join(lines)
