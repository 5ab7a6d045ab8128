"""Claims: eight processes, one SQLite file, each person taken exactly once; leases expire."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cockpit.store import claims
from cockpit.store.migrations import open_and_migrate

NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)
PEOPLE = 2000
WORKERS = 8


def _seed(url: str, people: int) -> None:
    from cockpit.store.models import Caller, Contact, Phone

    open_and_migrate(url)
    Caller.insert_many([(i, f"c{i}", f"C{i}") for i in range(1, WORKERS + 1)],
                       fields=[Caller.id, Caller.name, Caller.first_name]).execute()
    naive = NOW.replace(tzinfo=None)
    rows = [(i, f"Nom{i}", naive) for i in range(1, people + 1)]
    for start in range(0, len(rows), 500):
        Contact.insert_many(rows[start:start + 500],
                            fields=[Contact.id, Contact.last_name, Contact.created_at]).execute()
    Phone.insert_many([(f"+3314268{i:04d}", i) for i in range(1, people + 1)],
                      fields=[Phone.e164, Phone.contact]).execute()


def _claim_all(url: str, caller_id: int, people: int, out: mp.Queue, ready: Any) -> None:
    open_and_migrate(url)
    ready.wait(timeout=120)  # all connected, then all at once: they really compete
    order = list(range(1, people + 1))
    random.Random(caller_id).shuffle(order)
    taken, errors = [], []
    for person in order:
        try:
            if claims.claim("contact", person, caller_id, NOW):
                taken.append(person)
        except Exception as exc:
            errors.append(repr(exc))
    out.put((caller_id, taken, errors))


def _run_callers(target: object, url: str, people: int) -> list[tuple[int, list[int], list[str]]]:
    """WORKERS processes, one per caller, each running target(url, caller, people, out)."""
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    ready = ctx.Barrier(WORKERS)  # on a loaded machine the first one started took everyone
    workers = [ctx.Process(target=target, args=(url, c, people, out, ready))
               for c in range(1, WORKERS + 1)]
    for w in workers:
        w.start()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=30)
    return results


@pytest.mark.slow
def test_eight_processes_take_each_person_exactly_once(store_url: str) -> None:
    _seed(store_url, PEOPLE)
    results = _run_callers(_claim_all, store_url, PEOPLE)
    errors = [e for _, _, errs in results for e in errs]
    assert errors == [], errors[:3]
    taken = [p for _, people, _ in results for p in people]
    assert len(taken) == PEOPLE
    assert sorted(taken) == list(range(1, PEOPLE + 1))
    assert sum(1 for _, people, _ in results if people) >= 2  # they really competed


def test_a_lease_holds_then_expires(store_url: str) -> None:
    _seed(store_url, 3)
    assert claims.claim("contact", 1, 1, NOW)
    assert claims.claim("contact", 1, 1, NOW + timedelta(minutes=1))  # renewing is fine
    assert not claims.claim("contact", 1, 2, NOW + timedelta(minutes=10))
    assert claims.holder("contact", 1, NOW + timedelta(minutes=10)) == 1
    assert claims.claim("contact", 1, 2, NOW + timedelta(minutes=17))
    claims.release("contact", 1, 2)
    assert claims.holder("contact", 1, NOW + timedelta(minutes=17)) is None


def test_do_not_call_is_checked_at_claim_time(store_url: str) -> None:
    from cockpit.store.models import Contact, DoNotCall

    _seed(store_url, 3)
    DoNotCall.create(e164="+33142680002", digest="x", created_at=NOW.replace(tzinfo=None))
    assert not claims.claim("contact", 2, 1, NOW)
    Contact.update(do_not_call=True).where(Contact.id == 3).execute()
    assert not claims.claim("contact", 3, 1, NOW)
    assert claims.claim("contact", 1, 1, NOW)


HOLDER = """
import sys, time
from datetime import datetime, UTC
from cockpit.store.migrations import open_and_migrate
from cockpit.store import claims
open_and_migrate(sys.argv[1])
assert claims.claim("contact", 1, 1, datetime.fromisoformat(sys.argv[2]))
print("claimed", flush=True)
time.sleep(60)
"""


def test_a_killed_caller_frees_the_person_after_the_lease_not_before(store_url: str) -> None:
    _seed(store_url, 1)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, store_url, NOW.isoformat()],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "claimed"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    open_and_migrate(store_url)
    assert not claims.claim("contact", 1, 2, NOW + timedelta(minutes=14))
    assert claims.claim("contact", 1, 2, NOW + timedelta(minutes=16))


def _take_next_until_none(url: str, caller_id: int, people: int, out: mp.Queue,
                          ready: Any) -> None:
    open_and_migrate(url)
    ready.wait(timeout=120)
    order = list(range(1, people + 1))  # every caller wants the same people first
    taken: list[int] = []
    errors: list[str] = []
    while True:
        try:
            person = claims.claim_first("contact", order, caller_id, NOW)
        except Exception as exc:
            errors.append(repr(exc))
            break
        if person is None:
            break
        taken.append(person)
        order.remove(person)  # as the cockpit does: a held person is not asked for again
    out.put((caller_id, taken, errors))


@pytest.mark.slow
def test_eight_callers_asking_for_the_next_person_never_share_one(store_url: str) -> None:
    """The worst case for contention: all ask for the first free person of one list at once
    (on PostgreSQL, SKIP LOCKED lets each go past the rows the others are taking)."""
    people = 160
    _seed(store_url, people)
    results = _run_callers(_take_next_until_none, store_url, people)
    assert [e for _, _, errs in results for e in errs] == []
    taken = sorted(p for _, got, _ in results for p in got)
    assert taken == list(range(1, people + 1))


# -- a call resumed after a crash, and the end of a call, against the lease ------------------


def _services_at(url: str, moment: datetime):
    from cockpit.services import open_services

    return open_services(url, clock=lambda: moment)


def _first_call(url: str):
    """The second caller of the demo starts a call to the first person of their queue."""
    services = _services_at(url, NOW)
    caller = services.callers()[1]
    person = services.queue_page(caller.id, limit=1).rows[0].person
    return caller, services.start_call(caller.id, person)


def test_a_call_resumed_after_its_lease_ran_out_claims_the_person_again(
        demo_url: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    caller, call = _first_call(demo_url)
    later = NOW + timedelta(minutes=20)  # killed, restarted after the lease
    assert claims.holder(call.person.kind, call.person.id, later) is None
    resumed, _ = _services_at(demo_url, later).unfinished_call(caller.id)
    assert resumed.held_by == ""
    assert claims.holder(call.person.kind, call.person.id, later) == caller.id


def test_a_call_resumed_while_another_caller_holds_the_person_is_read_only(
        demo_url: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first caller's cockpit died; the lease ran out; another caller took the person.
    The first caller's restart names who holds the person, lets them only end the call (their
    note is kept), and that end leaves the other caller's claim alone."""
    from cockpit.services.errors import ServiceError

    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    caller, call = _first_call(demo_url)
    later = NOW + timedelta(minutes=20)
    services = _services_at(demo_url, later)
    other = next(c for c in services.callers() if c.id != caller.id)
    assert claims.claim(call.person.kind, call.person.id, other.id, later)

    resumed, _ = services.unfinished_call(caller.id)
    assert resumed.held_by == other.name
    assert claims.holder(call.person.kind, call.person.id, later) == other.id
    with pytest.raises(ServiceError) as refused:
        services.choose(call.call_id, 1)
    assert refused.value.code == "held_by_other"
    services.finish_call(call.call_id, "no_answer", "", "Coupé, repris par un collègue")
    assert claims.holder(call.person.kind, call.person.id, later) == other.id


def test_ending_a_call_clears_only_ones_own_claim(demo_url: str, tmp_path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    caller, call = _first_call(demo_url)
    services = _services_at(demo_url, NOW)
    services.unfinished_call(caller.id)
    services.finish_call(call.call_id, "no_answer", "", "")
    assert claims.holder(call.person.kind, call.person.id, NOW) is None
