"""Sub-commands of `cockpit`, one module each; each registers its parser and handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from cockpit.commands import check, demo, next, portfolio, queue, reminders

MODULES = (check, demo, queue, next, reminders, portfolio)


def register_all(sub: Any, common: Callable[..., None]) -> None:
    for module in MODULES:
        parser: argparse.ArgumentParser = module.register(sub)
        common(parser, db=getattr(module, "USES_DB", True))
        parser.set_defaults(handler=module.run)
