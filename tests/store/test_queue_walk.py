"""The queue's first page comes from a walk of today's reminders; it must show the same people,
in the same order, with the same reasons and holds, as the whole ranking, whatever the rules
say about them (claims, cooldowns, refusals, attempts, do-not-call, private, time zones)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cockpit.services import open_services
from tests.rawdb import raw

NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)  # a Monday, 10:42 in Paris


def _naive(moment: datetime) -> str:
    return moment.replace(tzinfo=None).isoformat(sep=" ")


def _scenario(url: str) -> None:
    """Twenty people with a reminder due this morning, each under another rule."""
    db = raw(url)
    ids = [row[0] for row in db.execute(
        "SELECT c.id FROM contact c WHERE EXISTS (SELECT 1 FROM phone p WHERE p.contact_id = c.id)"
        " AND c.owner_id IS NULL ORDER BY c.id LIMIT 20").fetchall()]
    for n, contact in enumerate(ids):
        due = NOW - timedelta(minutes=30 + 7 * (n % 5))  # ties on purpose: same due, by id
        db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, created_at)"
                   " VALUES (?, ?, ?, 'test', ?, ?)",
                   (1 if n % 2 else None, contact, ("callback", "retry", "follow_up")[n % 3],
                    _naive(due), _naive(NOW - timedelta(days=3))))
    a, b, c, d, e, f, g, h, i, j = ids[:10]
    db.execute("UPDATE contact SET claimed_by_id = 2, claim_expires_at = ? WHERE id = ?",
               (_naive(NOW + timedelta(minutes=10)), a))
    db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, created_at)"
               " VALUES (NULL, ?, 'cooldown', 'test', ?, ?)",
               (b, _naive(NOW + timedelta(days=2)), _naive(NOW)))
    db.execute("UPDATE contact SET do_not_call = ? WHERE id = ?", (True, c))
    db.execute("UPDATE contact SET owner_id = 2 WHERE id = ?", (d,))
    db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, created_at)"
               " VALUES (3, ?, 'callback', 'test', ?, ?)",
               (e, _naive(NOW + timedelta(days=5)), _naive(NOW)))
    db.execute("INSERT INTO do_not_call (e164, digest, reason, created_at)"
               " SELECT e164, 'x' || e164, 'test', ? FROM phone WHERE contact_id = ?",
               (_naive(NOW), f))
    db.execute("DELETE FROM phone WHERE contact_id = ?", (g,))
    db.execute("UPDATE phone SET time_zone = 'America/Montreal' WHERE contact_id = ?", (h,))
    for minutes in (60, 120, 180, 240):
        db.execute("INSERT INTO call (caller_id, contact_id, started_at, outcome, script, state)"
                   " VALUES (1, ?, ?, ?, 'esn', '{}')",
                   (i, _naive(NOW - timedelta(days=1, minutes=minutes)), "no_answer"))
    db.execute("INSERT INTO call (caller_id, contact_id, started_at, outcome, script, state)"
               " VALUES (1, ?, ?, 'refused', 'esn', '{}')", (j, _naive(NOW - timedelta(days=2))))
    db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, created_at)"
               " VALUES (NULL, ?, 'do_not_call', 'test', ?, ?)",
               (ids[10], _naive(NOW), _naive(NOW)))
    db.connection.commit()


@pytest.mark.parametrize("at", [NOW, NOW + timedelta(hours=8), NOW - timedelta(hours=3)])
def test_the_walked_page_is_the_whole_rankings_first_page(demo_url: str,
                                                          at: datetime) -> None:
    _scenario(demo_url)
    services = open_services(demo_url)
    walked, held = 0, set()
    for limit in (1, 3, 8, 15):
        page = services.queue_page(1, limit=limit, at=at)
        whole = services.queue_page(1, limit=limit, at=at, count_all=True)
        assert page.rows == whole.rows and page.opens_at == whole.opens_at
        assert page.total <= whole.total and not whole.more
        walked += page.more
        held |= {row.held for row in page.rows}
    assert walked  # the walk answered at least once: it was compared, not skipped
    assert len(held) >= 3  # callable, and held for at least two different reasons


def _first_page_ids(services, at: datetime, limit: int) -> list[int]:
    return [row.person.id for row in services.queue_page(1, limit=limit, at=at).rows]


def test_people_with_two_reminders_due_today_are_listed_once_and_the_page_is_full(
        demo_url: str) -> None:
    """The walk reads a row per reminder: people booked twice today take two rows, and the
    page still holds as many people as asked, the whole ranking's, in its order."""
    _scenario(demo_url)
    services = open_services(demo_url)
    first = [row for row in services.queue_page(1, limit=20, at=NOW).rows if row.due_at]
    assert len(first) >= 9
    db = raw(demo_url)
    for row in first:  # a second call booked a second after the one that ranks them
        db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, created_at)"
                   " VALUES (NULL, ?, 'retry', 'again', ?, ?)",
                   (row.person.id, _naive(row.due_at + timedelta(seconds=1)), _naive(NOW)))
    db.connection.commit()
    for limit in (3, 5, 9):
        page = services.queue_page(1, limit=limit, at=NOW)
        whole = services.queue_page(1, limit=limit, at=NOW, count_all=True)
        ids = [row.person.id for row in page.rows]
        assert page.more and len(ids) == len(set(ids)) == limit
        assert page.rows == whole.rows


def test_a_refresh_sees_what_changed_since_the_last_one(demo_url: str) -> None:
    """The walk and the whole ranking keep the people they built for the next refresh: a call
    made in between (here a refusal, by a colleague) must show on the next page all the same."""
    _scenario(demo_url)
    services = open_services(demo_url)
    at = NOW
    first = services.queue_page(1, limit=8, at=at)
    assert first.more and services.queue_page(1, limit=8, at=at, count_all=True).rows == first.rows
    target = first.rows[0]
    assert target.held == ""
    db = raw(demo_url)
    # A refusal an hour ago: the line stays (booked for today), held by the refusal's delay.
    db.execute("INSERT INTO call (caller_id, contact_id, started_at, outcome, script, state)"
               " VALUES (2, ?, ?, 'refused', 'esn', '{}')",
               (target.person.id, _naive(at - timedelta(hours=1))))
    db.connection.commit()
    again = services.queue_page(1, limit=8, at=at)
    whole = services.queue_page(1, limit=8, at=at, count_all=True)
    assert again.rows == whole.rows
    for page in (again, whole):  # the walk and the whole ranking alike
        row = next(r for r in page.rows if r.person == target.person)
        assert row.held != "" and row.held != target.held


@pytest.mark.parametrize("at", [NOW, NOW + timedelta(hours=8)])
def test_next_claims_the_whole_rankings_first_ready_person_when_few_reminders_are_due(
        demo_url: str, at: datetime) -> None:
    """Fewer than 50 reminders are due: `next` takes its person from the walk (it read the
    whole ranking for one person), and that person is always the whole ranking's first
    ready one, claim after claim, until the reminders are all taken and the leads follow."""
    _scenario(demo_url)
    services = open_services(demo_url, clock=lambda: at)
    from_walk = 0
    for _ in range(25):
        whole = services.queue.ranked(1, at)
        first = whole.first_ready()
        claimed = services.queue.claim_next(1)
        if first is None:
            assert claimed is None
            break
        assert claimed is not None
        assert claimed.row.person.id == first.candidate.person_id
        from_walk += first.due_at is not None
    if at == NOW:  # within calling hours: the reminders due were claimed, then leads
        assert from_walk >= 5
    else:  # evening: nobody is ready, and nobody is claimed
        assert from_walk == 0
