"""The day's queue: who to call, in which order, and who is left out — always with a reason."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.domain.calling_hours import BUSINESS, CONSUMER, can_call_at
from cockpit.domain.prospects import ProspectFacts, prospect_score
from cockpit.domain.queue import (
    REASONS,
    Bucket,
    Candidate,
    DueReminder,
    QueueResult,
    StaleFilter,
    build_queue,
    describe,
)

NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)  # Monday, 10:42 in Paris
PARIS = ZoneInfo("Europe/Paris")
ME, OTHER = 1, 2
GROWING_ESN = ProspectFacts("esn", "up", "up")
DECLINING_ESN = ProspectFacts("esn", "down", "up")
END_CLIENT = ProspectFacts("end_client")


def person(person_id: int, **fields: Any) -> Candidate:
    fields.setdefault("person_kind", "contact")
    fields.setdefault("display_name", f"Personne {person_id}")
    fields.setdefault("company_name", f"Société {person_id}")
    return Candidate(person_id=person_id, **fields)


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def queue(*candidates: Candidate, **options: Any) -> QueueResult:
    return build_queue(list(candidates), ME, NOW, options.pop("policy", BUSINESS), **options)


def order(result: QueueResult) -> list[int]:
    return [entry.candidate.person_id for entry in result.entries]


def reasons(result: QueueResult) -> dict[int, str]:
    return {out.candidate.person_id: out.reason_code for out in result.excluded}


# ---- Example-based -----------------------------------------------------------------------


def test_buckets_come_in_the_stated_order() -> None:
    result = queue(
        person(1, person_kind="freelance", need_id=7, availability="available"),
        person(2, is_decision_maker=True, last_contacted_at=days_ago(200)),
        person(3, company=GROWING_ESN),
        person(4, reminders=(DueReminder("callback", NOW + timedelta(hours=3)),)),
        person(5, reminders=(DueReminder("follow_up", days_ago(2)),)),
    )
    assert order(result) == [5, 4, 3, 2, 1]
    assert [e.bucket for e in result.entries] == list(Bucket)
    assert [e.reason_code for e in result.entries] == [
        "overdue_follow_up",
        "due_today_callback",
        "new_lead",
        "stale_decision_maker",
        "freelance_available",
    ]
    assert result.excluded == ()


def test_overdue_oldest_first_then_today_by_time() -> None:
    result = queue(
        person(1, reminders=(DueReminder("retry", NOW - timedelta(hours=1)),)),
        person(2, reminders=(DueReminder("callback", days_ago(3)),)),
        person(3, reminders=(DueReminder("callback", NOW + timedelta(hours=5)),)),
        person(4, reminders=(DueReminder("retry", NOW + timedelta(hours=1)),)),
        # Two reminders: the earliest decides.
        person(
            5, reminders=(DueReminder("budget", days_ago(1)), DueReminder("retry", days_ago(5)))
        ),
    )
    assert order(result) == [5, 2, 1, 4, 3]
    assert [e.ready for e in result.entries] == [True, True, True, False, False]
    assert result.entries[0].reason_code == "overdue_retry"
    assert result.first_ready() is result.entries[0]


def test_due_later_today_is_listed_but_not_ready() -> None:
    result = queue(person(1, reminders=(DueReminder("callback", NOW + timedelta(hours=4)),)))
    (entry,) = result.entries
    assert entry.bucket is Bucket.DUE_TODAY and not entry.ready
    assert result.first_ready() is None
    assert describe(entry.reason_code, entry.reason_params, "fr") == "Aujourd'hui à 14:42 : rappel"
    assert describe(entry.reason_code, entry.reason_params, "en") == "Today at 14:42: callback"


def test_new_leads_decision_makers_first_then_prospect_then_never_contacted() -> None:
    result = queue(
        person(1, company=DECLINING_ESN, is_decision_maker=True),
        person(2, company=GROWING_ESN),
        person(3, company=GROWING_ESN, is_decision_maker=True),
        person(4, company=END_CLIENT, is_decision_maker=True),
        person(5, company=GROWING_ESN, last_contacted_at=days_ago(400)),  # a permanent, long ago
        person(6, company=GROWING_ESN, last_contacted_at=days_ago(100)),
    )
    assert order(result) == [3, 4, 1, 2, 5, 6]
    assert {e.bucket for e in result.entries} == {Bucket.NEW_LEAD}
    first = result.entries[0]
    assert first.reason_code == "new_lead_decision_maker"
    assert describe(first.reason_code, first.reason_params, "fr") == (
        "Nouveau DO chez Société 3 (ESN en croissance)"
    )


def test_stale_decision_makers_oldest_first_with_filters() -> None:
    stale = [
        person(1, is_decision_maker=True, last_contacted_at=days_ago(120), sector="Banque",
               technologies=frozenset({"Java"})),
        person(2, is_decision_maker=True, last_contacted_at=days_ago(300), sector="Télécoms",
               technologies=frozenset({"SAP"})),
        person(3, is_decision_maker=True, last_contacted_at=days_ago(95), sector="banque",
               company_name="BNP", company_id=33),
        person(4, is_decision_maker=True, last_contacted_at=days_ago(30)),  # too recent
    ]  # fmt: skip
    result = queue(*stale)
    assert order(result) == [2, 1, 3]
    assert reasons(result) == {4: "contacted_recently"}
    assert result.entries[0].reason_params["days"] == 300

    by_sector = queue(*stale, stale_filter=StaleFilter(sectors=frozenset({"BANQUE"})))
    assert order(by_sector) == [1, 3]
    assert reasons(by_sector)[2] == "filtered_out"
    by_tech = queue(*stale, stale_filter=StaleFilter(technologies=frozenset({"java", "Python"})))
    assert order(by_tech) == [1]
    by_company = queue(*stale, stale_filter=StaleFilter(companies=frozenset({"bnp"})))
    assert order(by_company) == [3]
    by_id = queue(*stale, stale_filter=StaleFilter(company_ids=frozenset({33})))
    assert order(by_id) == [3]
    shorter = queue(*stale, stale_after_days=20)
    assert order(shorter) == [2, 1, 3, 4]


def test_general_activity_view_keeps_one_bucket() -> None:
    result = queue(
        person(1, is_decision_maker=True, last_contacted_at=days_ago(120)),
        person(2),
        buckets={Bucket.STALE_DECISION_MAKER},
    )
    assert order(result) == [1]
    assert reasons(result) == {2: "other_view"}
    assert describe("other_view", result.excluded[0].reason_params, "en") == (
        "In another view (New leads)"
    )


def test_freelances_available_first_then_unavailable_long_unheard_of() -> None:
    def freelance(person_id: int, **fields: Any) -> Candidate:
        return person(person_id, person_kind="freelance", need_id=9, **fields)

    result = queue(
        freelance(1, availability="on_mission", last_contacted_at=days_ago(200)),
        freelance(2, availability="available", match_score=0.5),
        freelance(3, availability="available", match_score=0.9, last_contacted_at=days_ago(10)),
        freelance(4, availability="on_mission"),
        freelance(5, availability="on_mission", last_contacted_at=days_ago(20)),  # heard lately
        freelance(6, availability="notice", available_from=date(2026, 11, 20)),  # free by now
        freelance(7, availability="available", last_contacted_at=NOW - timedelta(hours=2)),
        person(8, person_kind="freelance", availability="available"),  # no open need
        freelance(9, availability="on_mission",
                  reminders=(DueReminder("callback", NOW + timedelta(days=30)),)),
    )  # fmt: skip
    assert order(result) == [3, 2, 6, 4, 1]
    assert [e.reason_code for e in result.entries][-2:] == [
        "freelance_unavailable_never_contacted",
        "freelance_unavailable_stale",
    ]
    assert reasons(result) == {
        5: "freelance_unavailable_recent",
        7: "contacted_recently",
        8: "freelance_no_need",
        9: "reminder_scheduled",
    }


def test_same_freelance_for_two_needs_is_ranked_twice() -> None:
    one = person(1, person_kind="freelance", need_id=1, availability="available")
    result = queue(one, one._replace(need_id=2))
    assert [e.candidate.need_id for e in result.entries] == [1, 2]


@pytest.mark.parametrize(
    ("candidate", "reason"),
    [
        (person(1, do_not_call=True), "do_not_call"),
        (person(1, reminders=(DueReminder("do_not_call", days_ago(3)),)), "do_not_call"),
        (person(1, owner_id=OTHER), "private_other_caller"),
        (person(1, claimed_by=OTHER, claim_expires_at=NOW + timedelta(minutes=5)),
         "claimed_other_caller"),
        (person(1, attempts_in_window=4), "attempt_cap"),
        (person(1, last_refusal_at=days_ago(59)), "refusal_cooldown"),
        (person(1, reminders=(DueReminder("cooldown", NOW + timedelta(days=10)),)),
         "refusal_cooldown"),
        (person(1, company=ProspectFacts("esn", "up", "up", posts_missions=True)),
         "esn_posts_missions"),
        (person(1, company=ProspectFacts("esn", "up", "down")), "esn_uses_freelances"),
        (person(1, last_contacted_at=days_ago(10)), "contacted_recently"),
        (person(1, reminders=(DueReminder("budget", NOW + timedelta(days=60)),)),
         "reminder_scheduled"),
        # Do-not-call and another caller's portfolio remove even a booked callback.
        (person(1, owner_id=OTHER, reminders=(DueReminder("callback", days_ago(1)),)),
         "private_other_caller"),
        (person(1, do_not_call=True, reminders=(DueReminder("callback", days_ago(1)),)),
         "do_not_call"),
        (person(1, owner_id=OTHER, reminders=(DueReminder("callback", days_ago(1)),
                                               DueReminder("do_not_call", days_ago(1)))),
         "private_other_caller"),
        # A do-not-call after a running cooldown (and a callback booked): still left out.
        (person(1, reminders=(DueReminder("callback", days_ago(1)),
                              DueReminder("cooldown", NOW + timedelta(days=10)),
                              DueReminder("do_not_call", days_ago(1)))), "do_not_call"),
    ],
)  # fmt: skip
def test_each_exclusion_says_why(candidate: Candidate, reason: str) -> None:
    result = queue(candidate)
    assert result.entries == ()
    (excluded,) = result.excluded
    assert excluded.reason_code == reason
    for lang in ("fr", "en"):
        text = describe(excluded.reason_code, excluded.reason_params, lang)
        assert text and "{" not in text


@pytest.mark.parametrize(
    "candidate",
    [
        person(1, owner_id=ME),  # my own private contact
        person(1, claimed_by=ME, claim_expires_at=NOW + timedelta(minutes=5)),  # my own claim
        person(1, claimed_by=OTHER, claim_expires_at=NOW - timedelta(seconds=1)),  # lease expired
        person(1, attempts_in_window=3),
        person(1, last_refusal_at=days_ago(61)),
        person(1, reminders=(DueReminder("cooldown", days_ago(1)),)),  # cooldown over
        person(1, company=ProspectFacts("esn", "down", "down")),  # not a priority, still listed
        person(1, company=ProspectFacts("end_client", "up", "down", posts_missions=True)),
    ],
)
def test_what_is_not_a_reason_to_leave_out(candidate: Candidate) -> None:
    assert order(queue(candidate)) == [1]


def test_calling_hours_give_the_next_allowed_time() -> None:
    # 05:42 in Guadeloupe: listed, held until 09:00 there (14:00 in Paris).
    result = queue(person(1, time_zone="America/Guadeloupe"))
    (entry,) = result.entries
    assert entry.hold is not None and not entry.ready and result.first_ready() is None
    assert entry.hold.until == datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    assert describe(entry.hold.reason_code, entry.hold.reason_params, "fr") == (
        "Hors des heures d'appel (05:42 à Guadeloupe)\u00a0: dès le 23/11 14:00"
    )
    assert describe(entry.hold.reason_code, entry.hold.reason_params, "en",
                    "America/Guadeloupe") == (
        "Outside calling hours (05:42 in Guadeloupe): from 23 Nov 09:00"
    )  # fmt: skip
    assert result.opens_at is None  # the caller's own hours are open


def test_an_overdue_callback_abroad_waits_for_its_hours_in_its_place() -> None:
    result = queue(
        person(1, time_zone="America/Guadeloupe",
               reminders=(DueReminder("callback", days_ago(1)),)),
        person(2, reminders=(DueReminder("callback", NOW - timedelta(hours=1)),)),
    )
    assert order(result) == [1, 2]
    held, ready = result.entries
    assert held.hold is not None and held.hold.reason_code == "outside_hours" and not held.ready
    assert ready.hold is None and result.first_ready() is ready


def test_consumer_policy_is_stricter() -> None:
    early = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)  # 09:30 in Paris
    (entry,) = build_queue([person(1)], ME, early, BUSINESS).entries
    assert entry.hold is None
    (entry,) = build_queue([person(1)], ME, early, CONSUMER).entries
    assert entry.hold is not None and entry.hold.reason_code == "outside_hours"
    assert entry.hold.until == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def paris(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS).astimezone(UTC)


MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


@pytest.mark.parametrize(
    ("now", "opens", "hold"),
    [
        (paris(MONDAY, 8, 10), paris(MONDAY, 9), "outside_hours"),  # before nine
        (paris(MONDAY, 12, 45), paris(MONDAY, 13, 30), "outside_hours"),  # lunch
        (paris(MONDAY, 19), paris(TUESDAY, 9), "outside_hours"),  # evening
        (paris(date(2026, 11, 28), 10), paris(date(2026, 11, 30), 9), "weekend"),  # Saturday
        (paris(date(2026, 12, 25), 10), paris(date(2026, 12, 28), 9), "holiday"),  # Christmas
    ],
    ids=["08:10", "12:45", "19:00", "saturday", "25-december"],
)
def test_outside_hours_the_list_of_the_opening_is_shown_held(
    now: datetime, opens: datetime, hold: str
) -> None:
    opening_day = opens.astimezone(PARIS).date()
    result = build_queue(
        [
            person(1, company=GROWING_ESN),
            person(2, reminders=(DueReminder("callback", paris(opening_day, 16, 15)),)),
            person(3, reminders=(DueReminder("follow_up", now - timedelta(days=2)),)),
            person(4, reminders=(DueReminder("callback", opens + timedelta(days=1)),)),
        ],
        ME,
        now,
        BUSINESS,
    )
    # The day it opens: the late follow-up, that day's callback, the new lead; every one held
    # until the opening, nobody ready, nobody left out but the callback of the day after.
    assert order(result) == [3, 2, 1]
    assert result.opens_at == opens and result.first_ready() is None
    assert [(e.hold.reason_code, e.hold.until) for e in result.entries if e.hold] == [
        (hold, opens)
    ] * 3
    assert not any(e.ready for e in result.entries)
    assert reasons(result) == {4: "reminder_scheduled"}
    callback = result.entries[1]
    same_day = opening_day == now.astimezone(PARIS).date()
    assert callback.reason_code == ("due_today_callback" if same_day else "due_later_callback")
    text = describe(callback.reason_code, callback.reason_params, "fr")
    assert text == ("Aujourd'hui à 16:15 : rappel" if same_day
                    else f"Le {opening_day:%d/%m} à 16:15 : rappel")  # fmt: skip
    held = result.entries[0].hold
    assert held is not None and describe(held.reason_code, held.reason_params, "fr").endswith(
        f"dès le {opens.astimezone(PARIS):%d/%m %H:%M}"
    )


def test_inside_the_callers_hours_nothing_is_held() -> None:
    result = queue(person(1), person(2, reminders=(DueReminder("retry", days_ago(1)),)))
    assert result.opens_at is None and all(e.hold is None for e in result.entries)


def test_a_zone_already_open_is_callable_before_nine_in_paris() -> None:
    # 08:10 in Paris is 11:10 in La Réunion: that number may ring, the Paris one not yet.
    now = paris(MONDAY, 8, 10)
    result = build_queue(
        [person(1, time_zone="Indian/Reunion"), person(2)], ME, now, BUSINESS
    )
    holds = {e.candidate.person_id: e.hold for e in result.entries}
    assert holds[1] is None and holds[2] is not None
    assert result.first_ready() is not None and result.first_ready().candidate.person_id == 1


BOOKED_CALLBACK = (DueReminder("callback", NOW - timedelta(hours=1)),)


@pytest.mark.parametrize(
    ("candidate", "policy", "reason", "until"),
    [
        (person(1, reminders=BOOKED_CALLBACK, claimed_by=OTHER,
                claim_expires_at=NOW + timedelta(minutes=5)), BUSINESS,
         "claimed_other_caller", NOW + timedelta(minutes=5)),
        (person(1, reminders=BOOKED_CALLBACK, last_refusal_at=days_ago(10)), BUSINESS,
         "refusal_cooldown", days_ago(10) + timedelta(days=60)),
        (person(1, reminders=(*BOOKED_CALLBACK, DueReminder("cooldown", NOW + timedelta(days=3)))),
         BUSINESS, "refusal_cooldown", NOW + timedelta(days=3)),
        # The machine's own retry stays under the cap; the consumer cap holds every call.
        (person(1, reminders=(DueReminder("retry", NOW - timedelta(hours=1)),),
                attempts_in_window=4), BUSINESS, "attempt_cap", None),
        (person(1, reminders=BOOKED_CALLBACK, attempts_in_window=4), CONSUMER,
         "attempt_cap", None),
    ],
    ids=["claimed", "refused", "cooldown", "retry-capped", "consumer-capped"],
)  # fmt: skip
def test_a_call_booked_for_the_day_is_held_with_its_reason_never_dropped(
    candidate: Candidate, policy: Any, reason: str, until: datetime | None
) -> None:
    result = build_queue([candidate], ME, NOW, policy)
    (entry,) = result.entries
    assert result.excluded == () and entry.bucket is Bucket.OVERDUE
    assert entry.hold is not None and not entry.ready and result.first_ready() is None
    assert (entry.hold.reason_code, entry.hold.until) == (reason, until)
    for lang in ("fr", "en"):
        text = describe(entry.hold.reason_code, entry.hold.reason_params, lang)
        assert text and "{" not in text


@pytest.mark.parametrize("kind", ["callback", "budget", "follow_up", "new_contact"])
def test_the_business_cap_never_holds_back_a_booked_call(kind: str) -> None:
    booked = person(1, reminders=(DueReminder(kind, NOW - timedelta(hours=1)),),
                    attempts_in_window=6)  # fmt: skip
    (entry,) = queue(booked).entries
    assert entry.hold is None and entry.ready and entry.reason_code == f"overdue_{kind}"


def test_someone_already_called_is_never_new() -> None:
    result = queue(
        person(1, last_contacted_at=days_ago(200), company=GROWING_ESN),
        person(2, company=GROWING_ESN),
    )
    by_id = {e.candidate.person_id: e for e in result.entries}
    assert by_id[2].reason_code == "new_lead"
    silent = by_id[1]
    assert silent.reason_code == "silent_contact"
    assert describe(silent.reason_code, silent.reason_params, "fr") == (
        "Sans nouvelles depuis 200 jours chez Société 1 (ESN en croissance)"
    )


def test_limit_cuts_after_ranking() -> None:
    people = [person(i, last_contacted_at=days_ago(100 + i)) for i in range(10)]
    full = queue(*people)
    top = queue(*people, limit=3)
    assert order(top) == order(full)[:3]
    assert top.cut == 7 and full.cut == 0
    assert queue(*people, limit=0).entries == ()


def test_describe_unknown_code_and_missing_parameter() -> None:
    assert describe("no_such_code", {}, "fr") == "no_such_code"
    assert (
        describe("attempt_cap", {}, "en") == "Already {count} calls in {days} days (at most {max})"
    )
    assert describe("overdue_callback", {}, "fr").startswith("En retard depuis le {due}")


# ---- Properties --------------------------------------------------------------------------

ZONES = ["Europe/Paris", "Europe/Paris", "America/Guadeloupe", "America/Toronto", "Indian/Reunion"]
FACTS = st.one_of(
    st.none(),
    st.builds(
        ProspectFacts,
        kind=st.sampled_from([None, "esn", "end_client"]),
        revenue_trend=st.sampled_from(["up", "down", "flat", "unknown"]),
        headcount_trend=st.sampled_from(["up", "down", "flat", "unknown"]),
        posts_missions=st.booleans(),
    ),
)
OFFSETS = st.integers(-400 * 24, 200 * 24).map(lambda hours: NOW + timedelta(hours=hours))
PAST = st.one_of(st.none(), st.integers(0, 400 * 24).map(lambda hours: days_ago(hours / 24)))
DATES = st.dates(date(2026, 10, 1), date(2027, 3, 1))
REMINDERS = st.lists(
    st.builds(
        DueReminder,
        kind=st.sampled_from(
            ["retry", "callback", "budget", "follow_up", "new_contact", "cooldown", "do_not_call"]
        ),
        due_at=OFFSETS,
    ),
    max_size=3,
).map(tuple)


@st.composite
def candidates(draw: st.DrawFn) -> list[Candidate]:
    count = draw(st.integers(0, 40))
    people = []
    for person_id in range(count):
        kind = draw(st.sampled_from(["contact", "contact", "freelance"]))
        people.append(
            Candidate(
                person_id=person_id,
                person_kind=kind,
                display_name=f"P{person_id}",
                company_name=draw(st.sampled_from(["Alpha", "Beta", "Gamma"])),
                is_decision_maker=draw(st.booleans()),
                owner_id=draw(st.sampled_from([None, None, ME, OTHER])),
                claimed_by=draw(st.sampled_from([None, None, ME, OTHER])),
                claim_expires_at=draw(st.one_of(st.none(), st.sampled_from(
                    [NOW - timedelta(minutes=1), NOW + timedelta(minutes=10)]))),
                do_not_call=draw(st.sampled_from([False, False, False, True])),
                time_zone=draw(st.sampled_from(ZONES)),
                reminders=draw(REMINDERS),
                last_contacted_at=draw(PAST),
                attempts_in_window=draw(st.integers(0, 5)),
                last_refusal_at=draw(st.one_of(st.none(), st.integers(0, 120).map(days_ago))),
                company=draw(FACTS),
                sector=draw(st.sampled_from([None, "Banque", "Assurance"])),
                need_id=draw(st.sampled_from([None, 1, 2])) if kind == "freelance" else None,
                availability=draw(st.sampled_from([None, "available", "notice", "on_mission"])),
                available_from=draw(st.one_of(st.none(), DATES)),
                match_score=draw(st.floats(0, 1)),
            )
        )  # fmt: skip
    return people


BOOKED = ("callback", "budget", "follow_up", "new_contact")  # the reminders a caller books

NOWS = st.sampled_from(
    [
        NOW,
        datetime(2026, 11, 23, 21, 0, tzinfo=UTC),  # evening in Paris, afternoon overseas
        datetime(2026, 11, 28, 10, 0, tzinfo=UTC),  # Saturday
        datetime(2026, 11, 23, 14, 0, tzinfo=UTC),
    ]
)


def _check_order(result: QueueResult, now: datetime) -> None:
    never = datetime.min.replace(tzinfo=UTC)
    buckets = [e.bucket for e in result.entries]
    assert buckets == sorted(buckets)
    for previous, current in zip(result.entries, result.entries[1:], strict=False):
        if previous.bucket != current.bucket:
            continue
        a, b = previous.candidate, current.candidate
        if current.bucket in (Bucket.OVERDUE, Bucket.DUE_TODAY):
            assert previous.due_at <= current.due_at  # type: ignore[operator]
        elif current.bucket is Bucket.NEW_LEAD:
            assert (not a.is_decision_maker, -prospect_score(a.company),
                    a.last_contacted_at or never) <= (
                not b.is_decision_maker, -prospect_score(b.company),
                b.last_contacted_at or never)  # fmt: skip
        elif current.bucket is Bucket.STALE_DECISION_MAKER:
            assert a.last_contacted_at <= b.last_contacted_at  # type: ignore[operator]
        else:
            free_a = previous.reason_code == "freelance_available"
            free_b = current.reason_code == "freelance_available"
            assert (not free_a, -a.match_score, a.last_contacted_at or never) <= (
                not free_b, -b.match_score, b.last_contacted_at or never)  # fmt: skip
    for entry in result.entries:
        if entry.bucket is Bucket.OVERDUE:
            assert entry.due_at is not None and entry.due_at <= now
            assert entry.ready is (entry.hold is None)
        if entry.bucket is Bucket.DUE_TODAY:
            assert entry.due_at is not None and entry.due_at > now and not entry.ready


@settings(max_examples=100, deadline=None)
@given(
    candidates(),
    NOWS,
    st.sampled_from([BUSINESS, CONSUMER]),
    st.one_of(st.none(), st.integers(0, 15)),
)
def test_queue_properties(
    people: list[Candidate], now: datetime, policy: Any, limit: int | None
) -> None:
    result = build_queue(people, ME, now, policy, limit)
    entry_ids = [e.candidate.person_id for e in result.entries]
    excluded_ids = [x.candidate.person_id for x in result.excluded]

    # Nothing excluded ever appears; everyone is accounted for exactly once.
    assert not set(entry_ids) & set(excluded_ids)
    assert len(entry_ids) + len(excluded_ids) + result.cut == len(people)
    assert len(set(entry_ids)) == len(entry_ids) and len(set(excluded_ids)) == len(excluded_ids)
    if limit is not None:
        assert len(entry_ids) <= limit

    # The rules of calling hold for every entry that may be called; the others are held with
    # a reason, and only a call booked for the day is held by a rule rather than left out.
    for entry in result.entries:
        c = entry.candidate
        assert not c.do_not_call
        assert not any(r.kind == "do_not_call" for r in c.reminders)
        if entry.hold is not None:
            assert not entry.ready and entry.hold.reason_code in REASONS
            assert c.owner_id in (None, ME)
            if entry.hold.reason_code not in ("outside_hours", "weekend", "holiday"):
                assert entry.bucket in (Bucket.OVERDUE, Bucket.DUE_TODAY)
            continue
        assert c.owner_id in (None, ME)
        assert not (c.claimed_by == OTHER and c.claim_expires_at and c.claim_expires_at > now)
        assert c.attempts_in_window < policy.max_attempts or (
            not policy.booked_calls_capped and entry.reason_code.endswith(BOOKED)
        )
        assert c.last_refusal_at is None or c.last_refusal_at <= now - timedelta(days=60)
        assert not any(r.kind == "cooldown" and r.due_at > now for r in c.reminders)
        assert can_call_at(policy, now, c.time_zone).allowed

    # The order follows the buckets, and each bucket its own rule.
    _check_order(result, now)

    # Every reason is known and reads well in both languages.
    for code, params in [(e.reason_code, e.reason_params) for e in result.entries] + [
        (x.reason_code, x.reason_params) for x in result.excluded
    ] + [(e.hold.reason_code, e.hold.reason_params) for e in result.entries if e.hold]:
        assert code in REASONS
        for lang in ("fr", "en"):
            text = describe(code, params, lang)
            assert text and "{" not in text, (code, text)

    # A limit only cuts the full ranking.
    if limit is not None:
        full = build_queue(people, ME, now, policy)
        assert entry_ids == [e.candidate.person_id for e in full.entries][:limit]
        assert result.cut == max(len(full.entries) - limit, 0)


@settings(max_examples=30, deadline=None)
@given(candidates())
def test_queue_does_not_depend_on_input_order(people: list[Candidate]) -> None:
    forward = build_queue(people, ME, NOW)
    backward = build_queue(list(reversed(people)), ME, NOW)
    assert [e.candidate for e in forward.entries] == [e.candidate for e in backward.entries]
    assert {x.candidate.person_id: x.reason_code for x in forward.excluded} == {
        x.candidate.person_id: x.reason_code for x in backward.excluded
    }


def test_naive_now_is_refused() -> None:
    from cockpit.domain.errors import ValidationError

    with pytest.raises(ValidationError) as error:
        build_queue([person(1)], ME, datetime(2026, 11, 23, 10, 0))
    assert error.value.code == "naive_datetime"


def test_candidates_may_come_from_a_generator() -> None:
    result = build_queue((person(i) for i in range(3)), ME, NOW, limit=2)
    assert order(result) == [0, 1] and result.cut == 1
