"""The services facade: one object holding the database, the content and the clock."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from cockpit.domain.calling_hours import BUSINESS, POLICIES, CallingPolicy
from cockpit.domain.script import ScriptSet
from cockpit.services.calls import CallServices
from cockpit.services.cards import CardServices
from cockpit.services.queue import QueueServices


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Services(QueueServices, CardServices, CallServices):
    def __init__(self, url: str, content: ScriptSet, clock: Callable[[], datetime],
                 policy: CallingPolicy = BUSINESS, firm_name: str = "Smarteo",
                 dial_command: str | None = None, margin: float = 0.2) -> None:
        self.url = url
        self.content = content
        self.clock = clock
        self.policy = policy
        self.firm_name = firm_name
        self.dial_command = dial_command
        self.margin = margin
        self._lock = threading.RLock()
        self._sessions: dict[int, Any] = {}
        self._saved_events: dict[int, int] = {}
        self._dialled: dict[int, str] = {}  # the number shown to dial by hand, per call

    @classmethod
    def open(cls, url: str, *, content: str | None = None,
             clock: Callable[[], datetime] | None = None, **options: Any) -> Services:
        from cockpit.content.cache import load_content_cached
        from cockpit.paths import content_dir
        from cockpit.store.db import connect

        scripts = load_content_cached(content_dir(content))
        connect(url)
        policy = POLICIES.get(os.environ.get("COCKPIT_POLICY", ""), BUSINESS)
        options.setdefault("dial_command", os.environ.get("COCKPIT_DIAL") or None)
        options.setdefault("firm_name", os.environ.get("COCKPIT_FIRM", "Smarteo"))
        return cls(url, scripts, clock or _utc_now, policy=policy, **options)

    def now(self) -> datetime:
        return self.clock()
