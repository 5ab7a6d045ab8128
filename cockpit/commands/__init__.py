"""Sub-commands of `cockpit`, one module each; each registers its parser and handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from cockpit.commands import (
    check,
    cv,
    demo,
    match,
    needs,
    next,
    portfolio,
    queue,
    recap,
    reminders,
    report,
    review,
)

MODULES = (check, demo, queue, next, reminders, portfolio, needs, match, cv, recap, report, review)


def register_all(sub: Any, common: Callable[..., None]) -> None:
    for module in MODULES:
        parser: argparse.ArgumentParser = module.register(sub)
        common(parser, db=getattr(module, "USES_DB", True), inherit=True)
        parser.set_defaults(handler=module.run)
