"""The queue before the calling hours open: greyed lines to prepare, and `a` refuses on them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import PARIS
from tests.rawdb import raw
from tests.ui.helpers import settle

EARLY = datetime(2026, 11, 23, 7, 10, tzinfo=UTC)  # Monday, 08:10 in Paris


@pytest.fixture
def early_app(demo_url: str, tmp_path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))

    def build():  # type: ignore[no-untyped-def]
        from cockpit.services import open_services
        from cockpit.tui.app import CockpitApp

        services = open_services(demo_url, clock=lambda: EARLY)
        caller = services.find_caller("Melissa")
        return CockpitApp(services, caller, lang="fr", clock=lambda: EARLY, display_tz=PARIS)

    return build



async def test_a_on_a_greyed_line_refuses_and_claims_nothing(early_app, demo_url: str) -> None:
    from textual.widgets import OptionList, Static

    from cockpit.tui.widgets.queue_pane import QueuePane
    from cockpit.tui.widgets.script_panel import ScriptPanel

    calls_before = raw(demo_url).execute("SELECT COUNT(*) FROM call").fetchone()
    app = early_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(QueuePane)
        lines = pane.query_one(OptionList)
        assert lines.option_count > 0
        first = str(lines.get_option_at_index(0).prompt)
        assert first.lstrip().startswith("dès 09:00")
        status = str(pane.query_one("#queue-status", Static).render())
        assert "Hors des heures d'appel" in status and "reprise dès 09:00" in status
        await pilot.press("a")
        await settle(pilot)
        assert app.screen.query_one(ScriptPanel).call is None
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Pas d'appel pour l'instant\u00a0: Hors des heures d'appel")
                   for m in said), said
    db = raw(demo_url)
    assert db.execute("SELECT COUNT(*) FROM contact WHERE claimed_by_id IS NOT NULL"
                      ).fetchone() == (0,)
    assert db.execute("SELECT COUNT(*) FROM call").fetchone() == calls_before


def test_the_queue_before_nine(early_app, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(early_app(), terminal_size=(80, 24), run_before=settle)
