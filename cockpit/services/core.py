"""The services facade: one object holding the database, the content and the clock."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from cockpit.domain.calling_hours import BUSINESS, POLICIES, CallingPolicy
from cockpit.domain.script import ScriptSet
from cockpit.services.call_end import CallEndServices
from cockpit.services.calls import CallServices
from cockpit.services.cards import CardServices
from cockpit.services.errors import ServiceError
from cockpit.services.imports import ImportServices
from cockpit.services.needs import NeedServices
from cockpit.services.offline import OfflineServices
from cockpit.services.queue import QueueServices
from cockpit.services.review import ReviewServices
from cockpit.services.rights import RightsServices

DEFAULT_MARGIN = 0.2  # the firm's share of the selling rate, unless configured
DEMO_FIRM = "Smarteo"  # the scripts' firm when neither the database nor the settings name one


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _margin_setting() -> float:
    raw = os.environ.get("COCKPIT_MARGIN", "").strip()
    if not raw:
        return DEFAULT_MARGIN
    try:
        margin = float(raw.rstrip("%")) / (100 if raw.endswith("%") else 1)
    except ValueError:
        margin = -1.0
    if not 0 <= margin < 1:
        raise ServiceError(f"margin {raw!r} (COCKPIT_MARGIN or `margin` in the config file) "
                           "must be a fraction below 1, like 0.2, or a percentage, like 20%",
                           code="bad_margin", value=raw)
    return margin


def _stored_firm_name() -> str | None:
    """The firm's name the team set (the first run, `cockpit team firm`)."""
    import peewee as pw

    from cockpit.store.people import firm_name

    try:
        return firm_name()
    except pw.DatabaseError:  # a role that may not read the settings: the default then
        return None


class Services(QueueServices, CardServices, CallServices, CallEndServices, OfflineServices,
               NeedServices, ReviewServices, ImportServices, RightsServices):
    def __init__(self, url: str, content: ScriptSet, clock: Callable[[], datetime],
                 policy: CallingPolicy = BUSINESS, firm_name: str = "Smarteo",
                 dial_command: str | None = None, margin: float = DEFAULT_MARGIN) -> None:
        self.url = url
        self.content = content
        self.clock = clock
        self.policy = policy
        self.firm_name = firm_name
        self.firm_from_environment = False  # COCKPIT_FIRM (or `firm` in the config) wins
        self.dial_command = dial_command
        self.margin = margin
        self._lock = threading.RLock()
        self._sessions: dict[int, Any] = {}
        self._saved_events: dict[int, int] = {}
        self._finishing: set[int] = set()  # calls whose end is being written
        self._zones: dict[int, str] = {}  # the time zone of the number each call dialled
        self._dialled: dict[int, str] = {}  # the number shown to dial by hand, per call
        self._held_by: dict[int, str] = {}  # resumed calls whose person another caller holds
        self._draft_lock = threading.Lock()  # the draft files: never waits on the database
        self._draft_seq: dict[int, int] = {}  # the newest draft handed on, per call
        # Kept in memory while neither the database nor the disk can take them.
        self._drafts_waiting: dict[int, tuple[str, int | None]] = {}
        self._ends_waiting: dict[int, dict[str, Any]] = {}
        self.erased_dropped = 0  # ends of calls of people erased since, dropped (to say once)
        self.offline = False  # the last database work failed; ends of calls wait locally
        self.refused: str | None = None  # the server refused the last write: why
        self.disk_full = False  # the last write found the disk full (database or state folder)
        self._troubles = 0  # database failures noted so far (see errors.store_guard)
        self._fine_at = 0.0  # time.monotonic() of the last sign the connection works
        self._offline_try_at = 0.0  # the last attempt of a call's steps while offline

    @classmethod
    def open(cls, url: str, *, content: str | None = None,
             clock: Callable[[], datetime] | None = None, **options: Any) -> Services:
        from cockpit.content.cache import load_content_cached
        from cockpit.paths import content_dir
        from cockpit.store.migrations import open_and_migrate

        scripts = load_content_cached(content_dir(content))
        open_and_migrate(url)
        policy = POLICIES.get(os.environ.get("COCKPIT_POLICY", ""), BUSINESS)
        options.setdefault("dial_command", os.environ.get("COCKPIT_DIAL") or None)
        firm = os.environ.get("COCKPIT_FIRM", "").strip()
        options.setdefault("firm_name", firm or _stored_firm_name() or DEMO_FIRM)
        options.setdefault("margin", _margin_setting())
        services = cls(url, scripts, clock or _utc_now, policy=policy, **options)
        services.firm_from_environment = bool(firm)
        return services

    def now(self) -> datetime:
        return self.clock()
