"""The day's queue of one caller: who to call next and why, and who is left out and why.

A pure function over plain data: the store fetches the candidates with indexed queries, this
module only ranks what it is given, in O(n log n) (a heap when only the first `limit` count).

Buckets, in order:

1. OVERDUE — callbacks, follow-ups and retries whose time has come, oldest first;
2. DUE_TODAY — the ones due later in the caller's day, by time (`ready` is False until then);
3. NEW_LEAD — contacts never contacted (or non-deciders last contacted long ago, who are
   said to be silent, never new): deciders first, then the best prospects, then never
   contacted, then the longest silence;
4. STALE_DECISION_MAKER — deciders not contacted for `stale_after_days` (the "general
   activity" view), oldest contact first, optionally filtered by sector, company, technology;
5. FREELANCE — freelances to call for an open need: available first (best match, longest
   silence), then unavailable ones not contacted for a long time (best match, longest silence).

Nobody is hidden for want of the right moment: outside the caller's calling hours (before
nine, at lunch, in the evening, on a day off) the queue is the one of the moment they open
again, every line held (`hold`) with the hour it becomes callable, so that the caller can
prepare. A reminder booked for the day is never dropped by a rule either: a barrier that
would leave its person out (a colleague's claim, a refusal's delay, the attempts cap) holds
the line instead, with the reason. Do-not-call and another caller's private portfolio (whose
reminders are theirs) still leave the person out.

Every datetime given or returned is aware (UTC). Reason parameters keep datetimes as they are;
`describe` shows them in the reader's time zone.
"""

from __future__ import annotations

# Annotations evaluated, not kept as text (no __future__ import): typing compiles a
# named tuple's text annotations field by field at import (services/views.py).
import heapq
from collections.abc import Collection, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from enum import IntEnum
from zoneinfo import ZoneInfo

from cockpit.domain.calling_hours import (
    BUSINESS,
    CallingPolicy,
    can_call_at,
    next_allowed,
    require_aware,
)
from cockpit.domain.calling_hours import zone_of as _zone_of
from cockpit.domain.named import TYPE_CHECKING, NamedTuple
from cockpit.domain.prospects import ProspectFacts as ProspectFacts
from cockpit.domain.prospects import ProspectVerdict, judge_prospect

DEFAULT_STALE_AFTER_DAYS = 90
DEFAULT_FREELANCE_RECONTACT_DAYS = 1  # an available freelance just called is not offered again
DEFAULT_TIME_ZONE = "Europe/Paris"

# Reminder kinds that ask for a call; "cooldown" and "do_not_call" only forbid one.
CALL_KINDS = frozenset({"retry", "callback", "budget", "follow_up", "new_contact"})
# The ones a caller booked with the person (a retry is the machine trying again).
BOOKED_KINDS = frozenset({"callback", "budget", "follow_up", "new_contact"})


from cockpit.domain.queue_reasons import REASONS, describe  # noqa: E402,F401

if TYPE_CHECKING:
    from typing import Any


class Bucket(IntEnum):
    OVERDUE = 0
    DUE_TODAY = 1
    NEW_LEAD = 2
    STALE_DECISION_MAKER = 3
    FREELANCE = 4

    @property
    def code(self) -> str:
        return f"bucket_{self.name.lower()}"


class DueReminder(NamedTuple):
    kind: str  # retry | callback | budget | follow_up | new_contact | cooldown | do_not_call
    due_at: datetime


# Named tuples, not dataclasses: as immutable, quicker to build by the thousand, and a few
# milliseconds less to define at import (every short command and the first screen pay it).
class Candidate(NamedTuple):
    """One person the store offers for the queue, with the facts the rules need."""

    person_id: int
    person_kind: str  # contact | freelance
    display_name: str
    company_name: str = ""
    is_decision_maker: bool = False
    owner_id: int | None = None  # in this caller's private portfolio; None = shared
    claimed_by: int | None = None
    claim_expires_at: datetime | None = None  # the lease; a claim without one holds nothing
    do_not_call: bool = False
    has_number: bool = True  # no number at all: nothing can be dialled, whatever they asked
    time_zone: str = DEFAULT_TIME_ZONE  # where the phone rings, from the number
    reminders: tuple[DueReminder, ...] = ()  # open reminders, call kinds and barriers
    last_contacted_at: datetime | None = None
    attempts_in_window: int = 0  # calls in the policy's attempts window, counted by the store
    last_refusal_at: datetime | None = None
    company: ProspectFacts | None = None
    company_id: int | None = None
    sector: str | None = None
    technologies: frozenset[str] = frozenset()
    need_id: int | None = None  # freelances: the open need they would be called for
    availability: str | None = None  # freelances: available | notice | on_mission
    available_from: date | None = None
    match_score: float = 0.0  # freelances: fit with the need, higher first


class StaleFilter(NamedTuple):
    """Narrows the "general activity" bucket; empty sets do not filter (case-insensitive)."""

    sectors: frozenset[str] = frozenset()
    companies: frozenset[str] = frozenset()  # company names
    company_ids: frozenset[int] = frozenset()
    technologies: frozenset[str] = frozenset()  # any one of them is enough

    def matches(self, candidate: Candidate) -> bool:
        if self.sectors and (candidate.sector or "").casefold() not in _folded(self.sectors):
            return False
        if (self.companies or self.company_ids) and not (
            candidate.company_id in self.company_ids
            or candidate.company_name.casefold() in _folded(self.companies)
        ):
            return False
        if self.technologies:
            wanted = _folded(self.technologies)
            return any(t.casefold() in wanted for t in candidate.technologies)
        return True


def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


# Entries and exclusions are named tuples: immutable, and quick to make by the ten thousand.
class Hold(NamedTuple):
    """Why a listed person may not be called yet, and from when (None: no known time)."""

    reason_code: str
    reason_params: Mapping[str, Any]
    until: datetime | None = None


class QueueEntry(NamedTuple):
    candidate: Candidate
    bucket: Bucket
    reason_code: str
    reason_params: Mapping[str, Any]
    due_at: datetime | None  # the reminder's time in the first two buckets
    sort_key: tuple[Any, ...]
    ready: bool = True  # False while a reminder due later has not come, or while held
    hold: Hold | None = None  # listed to prepare, not to call: outside hours or held by a rule


class Excluded(NamedTuple):
    candidate: Candidate
    reason_code: str
    reason_params: Mapping[str, Any]
    until: datetime | None = None  # when the reason lapses, if it does


class QueueResult(NamedTuple):
    entries: tuple[QueueEntry, ...]
    excluded: tuple[Excluded, ...]
    cut: int = 0  # ranked candidates beyond the limit
    # Outside the caller's own calling hours: when they open again (the list is that moment's).
    opens_at: datetime | None = None

    def first_ready(self) -> QueueEntry | None:
        """The person to call now: the first entry whose time has come."""
        return next((entry for entry in self.entries if entry.ready), None)


_OVERDUE_CODE = {kind: f"overdue_{kind}" for kind in CALL_KINDS}
_DUE_TODAY_CODE = {kind: f"due_today_{kind}" for kind in CALL_KINDS}
_DUE_LATER_CODE = {kind: f"due_later_{kind}" for kind in CALL_KINDS}
# Enum members as plain names: an attribute lookup on an Enum class costs ~100 ns.
_OVERDUE, _DUE_TODAY, _NEW_LEAD, _STALE, _FREELANCE = Bucket
_SKIP = ProspectVerdict.SKIP
_NEVER = datetime.min.replace(tzinfo=UTC)  # sorts "never contacted" before any contact
_NO_PARAMS: Mapping[str, Any] = {}  # shared, like the calling-hours parameters: read-only
_UNSEEN: Any = object()
_new = tuple.__new__  # builds a named tuple without the Python-level __new__ frame


def build_queue(
    candidates: Iterable[Candidate],
    caller_id: int,
    now_utc: datetime,
    policy: CallingPolicy = BUSINESS,
    limit: int | None = None,
    *,
    caller_time_zone: str = DEFAULT_TIME_ZONE,
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS,
    stale_filter: StaleFilter | None = None,
    freelance_recontact_days: int = DEFAULT_FREELANCE_RECONTACT_DAYS,
    buckets: Collection[Bucket] | None = None,
) -> QueueResult:
    """Rank the candidates for `caller_id` at `now_utc`.

    Every candidate ends as an entry, an exclusion with its reason, or in `cut` (beyond
    `limit`). "Today" is the caller's day in `caller_time_zone`. `buckets` keeps only some
    buckets (e.g. the general-activity view); the others' candidates are excluded as
    `other_view`."""
    require_aware(now_utc)
    return _build(
        candidates,
        caller_id,
        now_utc,
        policy,
        limit,
        caller_zone=_zone_of(caller_time_zone),
        stale_after_days=stale_after_days,
        stale_filter=stale_filter,
        freelance_recontact_days=freelance_recontact_days,
        buckets=buckets,
    )


def _build(
    candidates: Iterable[Candidate],
    caller_id: int,
    now_utc: datetime,
    policy: CallingPolicy,
    limit: int | None,
    *,
    caller_zone: ZoneInfo,
    stale_after_days: int,
    stale_filter: StaleFilter | None,
    freelance_recontact_days: int,
    buckets: Collection[Bucket] | None,
) -> QueueResult:
    now = now_utc.astimezone(UTC)
    # Outside the caller's hours the list is the one of the moment they open again (this
    # morning, after lunch, the next working day): "today" is that day.
    opens = next_allowed(policy, now, caller_zone.key)
    this_day = now.astimezone(caller_zone).date()
    today = opens.astimezone(caller_zone).date()
    # In UTC, like the candidates' moments: comparing across zones asks the zone for its
    # offset at every comparison, twice a reminder.
    end_of_day = _day_end(today, caller_zone).astimezone(UTC)
    end_of_this_day = datetime.combine(this_day + timedelta(days=1), time.min,
                                       tzinfo=caller_zone).astimezone(UTC)
    stale_cut = now - timedelta(days=stale_after_days)
    freelance_cut = now - timedelta(days=freelance_recontact_days)
    cooldown = timedelta(days=policy.refusal_cooldown_days)
    refusal_cut = now - cooldown
    max_attempts, window_days = policy.max_attempts, policy.attempts_window_days
    booked_capped = policy.booked_calls_capped
    wanted = None if buckets is None else frozenset(buckets)
    hours: dict[str, Hold | None] = {}  # per time zone: None, or the hold to share
    judgements: dict[Any, Any] = {}

    # Ranked items are flat tuples: a 6-part sort key, a sequence number (so that comparisons
    # never reach the candidate, even for a freelance offered for two needs), the candidate,
    # the reason, one extra value and the hold. Sorting plain tuples needs no key function.
    ranked: list[tuple[Any, ...]] = []
    excluded: list[Excluded] = []
    rank = ranked.append
    exclude = excluded.append

    for c in candidates:
        # 1. Barriers no booking lifts: do-not-call, another caller's private portfolio.
        if c.do_not_call:
            exclude(Excluded(c, "do_not_call", _NO_PARAMS))
            continue
        if not c.has_number:
            exclude(Excluded(c, "no_number", _NO_PARAMS))
            continue
        if c.owner_id is not None and c.owner_id != caller_id:
            exclude(Excluded(c, "private_other_caller", {"owner": c.owner_id}))
            continue

        # 2. Reminders: the earliest call reminder due by the end of the day decides the
        # bucket; a do-not-call reminder or a running cooldown forbids the call.
        due: datetime | None = None
        due_kind = ""
        later: datetime | None = None
        stop: Excluded | None = None
        for kind, at in c.reminders:
            if kind in CALL_KINDS:
                if at < end_of_day:
                    if due is None or at < due:
                        due, due_kind = at, kind
                elif later is None or at < later:
                    later = at
            elif kind == "do_not_call":
                stop = Excluded(c, "do_not_call", _NO_PARAMS)
                break
            elif kind == "cooldown" and at > now and stop is None:
                stop = _cooling(c, at, policy)  # a do-not-call found later still wins

        # 3. Barriers: taken by someone else, refused lately, called too often. They leave the
        # person out, except one with a call booked for the day: listed, held, with the reason.
        barrier = None if c.claimed_by is None and c.last_refusal_at is None else _barrier(
            c, caller_id, now, refusal_cut, cooldown, policy)  # most have neither
        if barrier is None and c.attempts_in_window >= max_attempts and (
            booked_capped or due_kind not in BOOKED_KINDS
        ):
            params = {"count": c.attempts_in_window, "max": max_attempts, "days": window_days}
            barrier = Excluded(c, "attempt_cap", params)
        if stop is not None and (barrier is None or stop.reason_code == "do_not_call"):
            barrier = barrier or stop
            if stop.reason_code == "do_not_call":
                exclude(barrier)
                continue
        hold: Hold | None
        if barrier is not None:
            if due is None:
                exclude(barrier)
                continue
            hold = _new(Hold, (barrier.reason_code, barrier.reason_params, barrier.until))
        else:
            # 4. Calling hours where the phone rings: one verdict per time zone.
            zone = c.time_zone or DEFAULT_TIME_ZONE
            hold = hours.get(zone, _UNSEEN)
            if hold is _UNSEEN:
                hold = hours[zone] = _hours_hold(policy, now, zone)

        # 5. The bucket and the order inside it (keys padded to six parts).
        last = c.last_contacted_at
        pkind, pid, seq = c.person_kind, c.person_id, len(ranked)
        if due is not None:
            if due <= now:
                code = _OVERDUE_CODE[due_kind]
                rank((_OVERDUE, due, 0, 0, pkind, pid, seq, c, code, due, hold))
            else:
                code = (_DUE_TODAY_CODE if due < end_of_this_day else _DUE_LATER_CODE)[due_kind]
                rank((_DUE_TODAY, due, 0, 0, pkind, pid, seq, c, code, due, hold))
            continue
        if c.person_kind == "freelance":
            if c.need_id is None:
                exclude(Excluded(c, "freelance_no_need", _NO_PARAMS))
                continue
            free = c.availability == "available" or (
                c.available_from is not None and c.available_from <= today
            )
            if free:
                if last is not None and last > freelance_cut:
                    exclude(Excluded(c, "contacted_recently", {"days": (now - last).days}))
                    continue
                reason = "freelance_available"
            elif later is not None:  # on a mission, and we already know when to call back
                exclude(Excluded(c, "reminder_scheduled", {"due": later}, later))
                continue
            elif last is not None and last > stale_cut:
                params = {"days": (now - last).days, "need": c.need_id}
                exclude(Excluded(c, "freelance_unavailable_recent", params))
                continue
            else:
                reason = "freelance_unavailable_" + ("never_contacted" if last is None else "stale")
            since = last or _NEVER
            rank((_FREELANCE, not free, -c.match_score, since, pkind, pid, seq, c, reason, None,
                  hold))
            continue

        if later is not None:
            exclude(Excluded(c, "reminder_scheduled", {"due": later}, later))
            continue
        if last is not None and last > stale_cut:
            exclude(Excluded(c, "contacted_recently", {"days": (now - last).days}))
            continue
        f = c.company
        # Cached per distinct facts: a company's people share the same judgement.
        fact_key = f and (f.kind, f.revenue_trend, f.headcount_trend, f.posts_missions)
        judgement = judgements.get(fact_key)
        if judgement is None:
            judgement = judgements[fact_key] = judge_prospect(f)
        if judgement.verdict is _SKIP:
            exclude(Excluded(c, judgement.reason_code, {"company": c.company_name}))
            continue
        if last is None or not c.is_decision_maker:
            # Someone already called is never "new": a non-decider silent for long comes back.
            if last is not None:
                reason = "silent_contact"
            else:
                reason = "new_lead_decision_maker" if c.is_decision_maker else "new_lead"
            not_dm, score, since = not c.is_decision_maker, -judgement.score, last or _NEVER
            rank((_NEW_LEAD, not_dm, score, since, pkind, pid, seq, c, reason,
                  judgement.reason_code, hold))
            continue
        if stale_filter is not None and not stale_filter.matches(c):
            exclude(Excluded(c, "filtered_out", _NO_PARAMS))
            continue
        rank((_STALE, last, 0, 0, pkind, pid, seq, c, "stale_decision_maker", None, hold))

    if wanted is not None:
        kept = []
        for item in ranked:
            if item[0] in wanted:
                kept.append(item)
            else:
                excluded.append(Excluded(item[7], "other_view", {"bucket": item[0].code}))
        ranked = kept
    if limit is None or limit >= len(ranked):
        chosen = sorted(ranked)
    else:
        chosen = heapq.nsmallest(max(limit, 0), ranked)
    entries = tuple([_entry(item, now) for item in chosen])
    return QueueResult(entries, tuple(excluded), len(ranked) - len(entries),
                       opens if opens > now else None)


def queue_day_end(now_utc: datetime, policy: CallingPolicy = BUSINESS,
                  caller_time_zone: str = DEFAULT_TIME_ZONE) -> datetime:
    """The end of the queue's day: reminders due before it rank first (OVERDUE, DUE_TODAY).
    Outside the caller's hours that day is the one they open again."""
    require_aware(now_utc)
    zone = _zone_of(caller_time_zone)
    opens = next_allowed(policy, now_utc.astimezone(UTC), zone.key)
    return _day_end(opens.astimezone(zone).date(), zone)


def _day_end(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def _barrier(c: Candidate, caller_id: int, now: datetime, refusal_cut: datetime,
             cooldown: timedelta, policy: CallingPolicy) -> Excluded | None:
    """Another caller's claim, a refusal lately (in that order)."""
    lease = c.claim_expires_at
    if c.claimed_by is not None and c.claimed_by != caller_id and lease and lease > now:
        return Excluded(c, "claimed_other_caller", {"caller": c.claimed_by, "until": lease}, lease)
    if c.last_refusal_at is not None and c.last_refusal_at > refusal_cut:
        return _cooling(c, c.last_refusal_at + cooldown, policy)
    return None


def _entry(item: tuple[Any, ...], now: datetime) -> QueueEntry:
    """The chosen few get their parameters; the rest of the ranking never pays for them."""
    bucket, c, reason, extra, hold = item[0], item[7], item[8], item[9], item[10]
    if bucket is _OVERDUE or bucket is _DUE_TODAY:
        params = {"due": extra, "company": c.company_name}
        ready = bucket is _OVERDUE and hold is None
        return _new(QueueEntry, (c, bucket, reason, params, extra, item[:6], ready, hold))
    last = c.last_contacted_at
    if bucket is _NEW_LEAD:
        params = {"company": c.company_name, "prospect": extra}
        if last is not None:
            params["days"] = (now - last).days
    elif bucket is _STALE:
        params = {"days": (now - last).days if last else 0, "company": c.company_name}
    else:
        params = {"need": c.need_id}
        if last is not None:
            params["days"] = (now - last).days
    return _new(QueueEntry, (c, bucket, reason, params, None, item[:6], hold is None, hold))


def _cooling(c: Candidate, until: datetime, policy: CallingPolicy) -> Excluded:
    return Excluded(
        c, "refusal_cooldown", {"days": policy.refusal_cooldown_days, "until": until}, until
    )


def _hours_hold(policy: CallingPolicy, now: datetime, zone: str) -> Hold | None:
    """None when the zone may be called now, else the hold its people share."""
    verdict = can_call_at(policy, now, zone)
    if verdict.allowed:
        return None
    params = {
        "next": verdict.next_allowed_utc,
        "local_time": verdict.local_time.strftime("%H:%M"),
        "zone": zone,
    }
    return Hold(verdict.reason_code, params, verdict.next_allowed_utc)
