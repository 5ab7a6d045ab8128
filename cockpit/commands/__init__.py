"""Sub-commands of `cockpit`, one module each; each registers its parser and handler."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any

# One module per sub-command, imported only when its command is asked for (or for --help):
# the cockpit's own start then pays for none of them.
NAMES = ("check", "demo", "import", "export", "queue", "next", "reminders", "portfolio",
         "agenda", "needs", "match", "cv", "recap", "report", "review", "person", "dnc", "purge",
         "audit", "team", "copy", "activity", "add", "search", "freelance")
_MODULE = {"import": "import_"}


def register_all(sub: Any, common: Callable[..., None], only: str | None = None) -> None:
    """Register every sub-command, or only `only` (the one the command line names)."""
    for name in NAMES if only is None else (only,):
        module = importlib.import_module(f"cockpit.commands.{_MODULE.get(name, name)}")
        parser: argparse.ArgumentParser = module.register(sub)
        common(parser, db=getattr(module, "USES_DB", True), inherit=True)
        parser.set_defaults(handler=module.run)
