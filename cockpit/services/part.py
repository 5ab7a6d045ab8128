"""What every part of the services reads: the database's URL, the content, the clock, the
settings' values, and the one view of the connection. The parts (calls, call end, queue,
cards…) are objects built on it by `core.Services`; none imports another's module back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from cockpit.domain.calling_hours import BUSINESS, POLICIES, CallingPolicy
from cockpit.domain.named import TYPE_CHECKING
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError

if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:  # the scripts' module is not loaded for a part that reads none (search)
    from cockpit.domain.script import ScriptSet
    from cockpit.settings import Settings

PARIS = ZoneInfo("Europe/Paris")  # the zone of the firm's callers, unless configured
DEFAULT_MARGIN = 0.2  # the firm's share of the selling rate, unless configured
DEMO_FIRM = "Smarteo"  # the scripts' firm when neither the database nor the settings name one


class Setup:
    """One run's values, shared by the parts (the firm's name may be renamed meanwhile).
    A plain class, not a dataclass: `dataclasses` costs every short command ~8 ms."""

    def __init__(
        self,
        url: str,
        # The content, or how to read it when first needed: the first screen, read before
        # the interface starts, needs it only for a card's persona (~30 ms of CPU).
        content: ScriptSet | Callable[[], ScriptSet],
        clock: Callable[[], datetime],
        policy: CallingPolicy = BUSINESS,
        firm_name: str = "Smarteo",
        firm_from_environment: bool = False,  # a configured firm wins over the database's
        dial_command: str | None = None,
        margin: float = DEFAULT_MARGIN,
        phone: str = "",  # the caller's number said in voicemail messages
        mail_from: str = "",  # the sender of the .eml drafts
        sectors: str | None = None,  # YAML file of employers -> sectors, for anonymised CVs
        zone: tzinfo = PARIS,  # the caller's day: reminders typed, ends of day
    ) -> None:
        self.url = url
        self._content = content
        self.clock = clock
        self.policy = policy
        self.firm_name = firm_name
        self.firm_from_environment = firm_from_environment
        self.dial_command = dial_command
        self.margin = margin
        self.phone = phone
        self.mail_from = mail_from
        self.sectors = sectors
        self.zone = zone

    @property
    def content(self) -> ScriptSet:
        if callable(self._content):
            self._content = self._content()
        return self._content


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
        from cockpit.digest import sha256

        return sha256(self.url.encode()).hexdigest()[:16]


def utc_now() -> datetime:
    return datetime.now(UTC)


def margin_of(raw: str | None) -> float:
    """The `margin` setting: a fraction ("0.2") or a percentage ("20%")."""
    raw = (raw or "").strip()
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


def open_setup(url: str, *, settings: Settings | None = None, content: str | None = None,
               clock: Callable[[], datetime] | None = None, **options: Any) -> Setup:
    """Open (and migrate) the database, read the content: the run's values every part
    shares. `settings` None: read from the environment. The parts are built on it by
    `core.Services.on`, or only the few the first screen reads (services/warm.py)."""
    from cockpit.content.cache import load_content_cached
    from cockpit.paths import content_dir
    from cockpit.settings import Settings
    from cockpit.store.migrations import open_and_migrate

    settings = Settings.load() if settings is None else settings
    scripts = load_content_cached(content_dir(content or settings.content))
    open_and_migrate(url)
    policy = POLICIES.get(settings.policy, BUSINESS)
    options.setdefault("dial_command", settings.dial or None)
    firm = (settings.firm or "").strip()
    options.setdefault("firm_name", firm or _stored_firm_name() or DEMO_FIRM)
    options.setdefault("margin", margin_of(settings.margin))
    options.setdefault("phone", settings.phone or "")
    options.setdefault("mail_from", settings.mail_from or "")
    options.setdefault("sectors", settings.sectors or None)
    options.setdefault("zone", settings.zone)
    setup = Setup(url, scripts, clock or utc_now, policy, **options)
    setup.firm_from_environment = bool(firm)
    return setup
