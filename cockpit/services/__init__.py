"""The use cases the UI and the CLI call. Importing this package loads no database code:
`open_services` does, when it is called."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from cockpit.services.core import Services
    from cockpit.settings import Settings


def open_services(url: str, content: str | None = None,
                  clock: Callable[[], datetime] | None = None, *,
                  settings: Settings | None = None, **options: Any) -> Services:
    from cockpit.services.core import Services

    return Services.open(url, settings=settings, content=content, clock=clock, **options)


def __getattr__(name: str) -> Any:
    if name == "Services":
        from cockpit.services.core import Services

        return Services
    raise AttributeError(name)
