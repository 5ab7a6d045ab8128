"""Sub-commands of `cockpit`, one module each; each registers its parser and handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from cockpit.commands import (
    audit,
    check,
    cv,
    demo,
    dnc,
    export,
    import_,
    match,
    needs,
    next,
    person,
    portfolio,
    purge,
    queue,
    recap,
    reminders,
    report,
    review,
)

MODULES = (check, demo, import_, export, queue, next, reminders, portfolio, needs, match, cv,
           recap, report, review, person, dnc, purge, audit)


def register_all(sub: Any, common: Callable[..., None]) -> None:
    for module in MODULES:
        parser: argparse.ArgumentParser = module.register(sub)
        common(parser, db=getattr(module, "USES_DB", True), inherit=True)
        parser.set_defaults(handler=module.run)
