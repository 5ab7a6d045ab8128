"""What every part of the services reads: the database's URL, the content, the clock, the
settings' values, and the one view of the connection. The parts (calls, call end, queue,
cards…) are objects built on it by `core.Services`; none imports another's module back."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from cockpit.domain.calling_hours import BUSINESS, CallingPolicy
from cockpit.services.connection import Connection

if TYPE_CHECKING:  # the scripts' module is not loaded for a part that reads none (search)
    from cockpit.domain.script import ScriptSet

PARIS = ZoneInfo("Europe/Paris")  # the zone of the firm's callers, unless configured
DEFAULT_MARGIN = 0.2  # the firm's share of the selling rate, unless configured


@dataclass
class Setup:
    """One run's values, shared by the parts (the firm's name may be renamed meanwhile)."""

    url: str
    content: ScriptSet
    clock: Callable[[], datetime]
    policy: CallingPolicy = BUSINESS
    firm_name: str = "Smarteo"
    firm_from_environment: bool = False  # a configured firm wins over the database's
    dial_command: str | None = None
    margin: float = DEFAULT_MARGIN
    phone: str = ""  # the caller's number said in voicemail messages
    mail_from: str = ""  # the sender of the .eml drafts
    sectors: str | None = None  # YAML file of employers -> sectors, for anonymised CVs
    zone: tzinfo = PARIS  # the caller's day: reminders typed, ends of day


class Part:
    def __init__(self, setup: Setup, connection: Connection) -> None:
        self.setup = setup
        self.connection = connection  # errors.store_guard notes each failure here

    @property
    def content(self) -> ScriptSet:
        return self.setup.content

    @property
    def policy(self) -> CallingPolicy:
        return self.setup.policy

    @property
    def url(self) -> str:
        return self.setup.url

    @property
    def margin(self) -> float:
        return self.setup.margin

    @property
    def firm_name(self) -> str:
        return self.setup.firm_name

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.setup.clock

    def now(self) -> datetime:
        return self.setup.clock()

    @property
    def zone(self) -> tzinfo:
        return self.setup.zone

    def db_mark(self) -> str:
        """Which database an outbox entry belongs to (the state folder is shared by every
        database this computer opens): a digest, the URL may name a server and a login."""
        return hashlib.sha256(self.url.encode()).hexdigest()[:16]
