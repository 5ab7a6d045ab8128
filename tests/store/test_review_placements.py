"""The review's figures of the staffing side: CVs sent, interviews, placements and margin,
per caller (whose need it is) and for the team, through the services on a real database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cockpit.i18n import Translator
from cockpit.reports.model import worded
from cockpit.services import open_services
from cockpit.services.views import PersonRef
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

WEEK = (datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC))


@pytest.fixture
def services(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    return open_services(demo_url, clock=lambda: FIXED_NOW)


def _need_of(services, url: str, caller: str) -> int:
    with raw(url) as db:
        (contact_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = TRUE "
                                   "AND email <> '' ORDER BY id LIMIT 1").fetchone()
        db.execute("DELETE FROM proposal")  # the demo's own: the week then holds ours only
    return services.create_need(services.find_caller(caller).id, {
        "title": "Dev Java", "technologies": "java"}, PersonRef("contact", contact_id))


def test_cvs_interviews_placements_and_margin_per_caller_and_team(services,
                                                                   demo_url: str) -> None:
    karim, melissa = services.find_caller("Karim"), services.find_caller("Melissa")
    need = _need_of(services, demo_url, "Karim")
    first, second = services.match_freelances(need, limit=2).rows
    one, two = services.propose(need, first.id), services.propose(need, second.id)
    services.send_cv(karim.id, one.id, "Le consultant…", "/tmp/cv.eml", "CV envoyé")
    services.send_cv(karim.id, two.id, "Le consultant…", "/tmp/cv2.eml", "CV envoyé")
    services.book_interview(karim.id, one.id, datetime(2026, 11, 26, 14, tzinfo=UTC))
    # December 2026, 1st to 31st: 22 working days (Christmas off) at 120 € a day.
    services.record_placement(one.id, non_compete_signed=True, non_solicitation_signed=True,
                              start=date(2026, 12, 1), end=date(2026, 12, 31),
                              buying_rate=480, selling_rate=600)
    sophie = services.find_caller("Sophie")
    hers = services.create_need(sophie.id, {"title": "Dev Python", "technologies": "python"},
                                PersonRef("contact", services.need(need).contact.id))
    three = services.propose(hers, first.id)
    services.send_cv(sophie.id, three.id, "Le consultant…", "/tmp/cv3.eml", "CV envoyé")
    facts = services.report(melissa.id, *WEEK, "semaine 48")
    report = worded(facts, Translator("fr"))
    (section,) = [s for s in report.sections if s.key == "placements"]
    rows = {r[0]: r[1:] for r in section.rows}
    assert rows["Karim"] == (2, 1, 1, 2640, "20\u00a0%")
    assert rows["Sophie"] == (1, 0, 0, 0, "–")
    assert rows["Équipe"] == (3, 1, 1, 2640, "20\u00a0%")
    # A caller sees their own figures only; Thomas, with no need, zeros.
    own = services.pipeline(karim.id, *WEEK)
    assert (own.team.cvs_sent, own.team.placements, own.team.margin) == (2, 1, 2640)
    thomas = services.pipeline(services.find_caller("Thomas").id, *WEEK)
    assert (thomas.team.cvs_sent, thomas.team.placements) == (0, 0)
