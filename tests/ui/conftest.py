from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import FIXED_NOW, PARIS


@pytest.fixture
def make_app(demo_url: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """A cockpit on its own copy of the small demo, with the clock stopped at FIXED_NOW."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))

    def build(caller: str = "Melissa", lang: str = "fr", url: str = demo_url,
              start: str = "caller", settings: object = None) -> object:
        from cockpit.services import open_services
        from cockpit.tui.app import CockpitApp

        services = open_services(url, clock=lambda: FIXED_NOW)
        found = services.find_caller(caller)
        assert found is not None
        return CockpitApp(services, found, lang=lang, clock=lambda: FIXED_NOW, display_tz=PARIS,
                          start="review" if start == "review" else "cockpit",
                          settings=settings)  # type: ignore[arg-type]

    return build
