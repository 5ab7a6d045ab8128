"""The clock a command runs on: COCKPIT_NOW's moment for demos and tests, else the real one.
Its own module so a short command reads it without the full-screen start (commands/tui.py
and cockpit/boot.py)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from cockpit.commands.base import refused


def start_clock(value: str | None) -> Callable[[], datetime] | None:
    """COCKPIT_NOW=2026-11-23T10:42+01:00 (settings.hooks.now) starts the clock at that
    moment (demos, tests); it then runs at the normal pace. None: the real clock."""
    if not value:
        return None
    try:
        start = datetime.fromisoformat(value)
    except ValueError as exc:
        from cockpit.commands._common import quoted

        raise refused("cli.bad_now", value=quoted(value)) from exc
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    origin = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - origin)
