"""Deterministic demo data: `cockpit demo`. The same seed and day give the same database.

Rows are built in Python and written with bulk inserts in one transaction per table group,
with explicit ids, so the large demo (200,000 calls) builds in seconds."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee as pw
import phonenumbers

from cockpit.domain.matching import search_text
from cockpit.domain.outcomes import Outcome
from cockpit.domain.workdays import is_working_day, next_working_day
from cockpit.store import demo_words as W
from cockpit.store.db import StoreError, mask_url, refresh_statistics
from cockpit.store.migrations import open_and_migrate
from cockpit.store.models import (
    ALL_MODELS,
    Call,
    Caller,
    CallEvent,
    Company,
    CompanyFigure,
    Contact,
    DoNotCall,
    Freelance,
    Need,
    Note,
    Phone,
    Proposal,
    Reminder,
    SchemaVersion,
    Setting,
)
from cockpit.store.privacy import digest_number
from cockpit.store.times import naive as _naive

SIZES = {
    "small": {"companies": 40, "freelances": 500, "calls": 1500},
    "large": {"companies": 3000, "freelances": 60000, "calls": 200000},
}
PARIS = ZoneInfo("Europe/Paris")
CHUNK = 400
CALLERS = (("Melissa", "Melissa", "Mazet", True), ("Karim", "Karim", "Benali", False),
           ("Sophie", "Sophie", "Lemoine", False), ("Thomas", "Thomas", "Girard", False))
_OUTCOME_WEIGHTS = (
    (Outcome.NO_ANSWER, 30), (Outcome.CALLBACK, 12), (Outcome.NO_NEED, 18),
    (Outcome.INFO_SENT, 8), (Outcome.NEED_QUALIFIED, 6), (Outcome.REDIRECTED, 6),
    (Outcome.REFUSED, 10), (Outcome.REFERENCING, 3), (Outcome.WRONG_NUMBER, 2),
)
_DO_PATHS = {
    Outcome.NO_ANSWER: [("standard", "ask_for_do")],
    Outcome.CALLBACK: [("standard", "ask_for_do"), ("standard", "do_absent")],
    Outcome.NO_NEED: [("standard", "ask_for_do"), ("do", "intro"), ("do", "no_need")],
    Outcome.INFO_SENT: [("standard", "ask_for_do"), ("do", "intro"), ("do", "no_need")],
    Outcome.NEED_QUALIFIED: [("standard", "ask_for_do"), ("do", "intro"), ("do", "qualify_need")],
    Outcome.REDIRECTED: [("standard", "ask_for_do"), ("do", "intro"), ("do", "redirected")],
    Outcome.REFUSED: [("standard", "ask_for_do"), ("do", "intro"), ("do", "not_interested")],
    Outcome.REFERENCING: [("standard", "ask_for_do"), ("do", "intro"), ("do", "referencing")],
    Outcome.WRONG_NUMBER: [("standard", "ask_for_do")],
}
_OBJECTIONS = ("switchboard_barrier", "already_have_suppliers", "no_need_now",
               "freelancers_expensive", "in_house_consultants", "head_office_abroad")


def _chunks(rows: Sequence[tuple], size: int) -> Iterator[Sequence[tuple]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _insert(model: type[pw.Model], fields: Sequence[pw.Field], rows: list[tuple]) -> None:
    size = max(1, min(CHUNK, 30000 // max(len(fields), 1)))
    for chunk in _chunks(rows, size):
        model.insert_many(chunk, fields=fields).execute()


def _siret(rng: random.Random) -> str:
    """A 14-digit number whose SIREN and SIRET both pass the Luhn key."""
    from cockpit.domain.siret import luhn_ok

    while True:
        siren = "".join(str(rng.randrange(10)) for _ in range(8))
        siren += next(str(d) for d in range(10) if luhn_ok(siren + str(d)))
        if siren.startswith("356000000"):
            continue
        nic = "0001" + ""
        for d in range(10):
            if luhn_ok(siren + nic + str(d)):
                return siren + nic + str(d)


class _Builder:
    def __init__(self, size: str, seed: int, today: date, now: datetime, scale: int) -> None:
        self.rng = random.Random(seed)
        self.spec = {k: v * scale for k, v in SIZES[size].items()}
        self.today = today
        self.now = now
        self.ids = {"phone": 0}
        self.valid_heads: dict[str, bool] = {}

    # -- people and companies -----------------------------------------------------------------

    def company_name(self, kind: str) -> tuple[str, str]:
        rng = self.rng
        core = rng.choice(W.NAME_HEADS) + rng.choice(W.NAME_TAILS)
        if kind == "end_client":
            sector, pattern = rng.choice(W.END_CLIENTS)
            return pattern.format(name=core), sector
        return f"{core} {rng.choice(W.ESN_SUFFIXES)}", "Services numériques"

    def number(self, prefix: str, mobile: bool = False) -> str:
        """A number phonenumbers accepts as valid (validity follows the leading digits)."""
        while True:
            candidate = self._raw_number(prefix, mobile)
            head = candidate[:8]
            valid = self.valid_heads.get(head)
            if valid is None:
                valid = self.valid_heads[head] = phonenumbers.is_valid_number(
                    phonenumbers.parse(candidate))
            if valid:
                return candidate

    def _raw_number(self, prefix: str, mobile: bool) -> str:
        rng = self.rng
        if prefix.startswith("+33") and mobile:
            return f"+33{rng.choice('67')}{rng.randrange(10**8):08d}"
        if prefix.startswith("+590") or prefix.startswith("+596") or prefix.startswith("+262"):
            country = prefix[:4]
            mobile_prefix = {"+590": "690", "+596": "696", "+262": "692"}[country]
            return f"{country}{mobile_prefix if mobile else prefix[4:]}{rng.randrange(10**6):06d}"
        if prefix == "+1514":
            return f"+1514{rng.randrange(200, 999)}{rng.randrange(10**4):04d}"
        if prefix.startswith("+32"):
            return f"+322{rng.randrange(2, 9)}{rng.randrange(10**6):06d}"
        if prefix.startswith("+41"):
            return f"+4122{rng.randrange(3, 9)}{rng.randrange(10**6):06d}"
        return f"{prefix}{rng.randrange(1, 9)}{rng.randrange(10**7):07d}"

    def person(self) -> tuple[str, str, str]:
        rng = self.rng
        if rng.random() < 0.5:
            return "Madame", rng.choice(W.FIRST_NAMES_F), rng.choice(W.LAST_NAMES)
        return "Monsieur", rng.choice(W.FIRST_NAMES_M), rng.choice(W.LAST_NAMES)

    def build(self) -> dict[str, int]:
        rng, now, today = self.rng, self.now, self.today
        naive_now = _naive(now)
        counts: dict[str, int] = {}
        callers = [(i + 1, name, first, last, f"{first.lower()}@cockpit.demo", lead, True)
                   for i, (name, first, last, lead) in enumerate(CALLERS)]
        _insert(Caller, [Caller.id, Caller.name, Caller.first_name, Caller.last_name,
                         Caller.email, Caller.is_lead, Caller.active], callers)
        companies, figures, contacts, phones = [], [], [], []
        contact_meta: list[tuple[int, bool, str, int]] = []  # id, is DO, tz, company id
        contact_id = 0
        kinds = ("esn_classique",) * 45 + ("esn_conseil",) * 25 + ("end_client",) * 30
        for company_id in range(1, self.spec["companies"] + 1):
            kind = rng.choice(kinds)
            name, sector = self.company_name(kind)
            city, _region, prefix, zone = rng.choices(W.PLACES, weights=[12, 4, 3, 6, 2, 3, 2, 4, 2,
                                                                         3, 2, 3, 3, 2, 1, 1, 1,
                                                                         1, 1, 1])[0]
            posts = kind != "end_client" and rng.random() < 0.08
            picked = rng.sample(W.PROFILES, 3)
            techs = " ".join(sorted({t for p in picked for t in p[1].split()[:2]}))
            budget = today + timedelta(days=rng.randrange(20, 200)) if rng.random() < 0.2 else None
            companies.append((company_id, name, kind, sector, city,
                              f"https://www.{name.split()[0].lower()}.fr", posts, techs, budget,
                              naive_now - timedelta(days=rng.randrange(400, 1500))))
            revenue: float = rng.randrange(2, 400) * 1_000_000  # grows by a factor below
            headcount = max(8, revenue // rng.randrange(70_000, 140_000))
            rev_step, head_step = rng.choice(((1.12, 1.08), (1.10, 0.93), (0.9, 1.05), (0.88, 0.9),
                                              (1.15, 1.1)))
            for year in range(today.year - 3, today.year):
                figures.append((company_id, year, int(revenue), int(headcount)))
                revenue, headcount = revenue * rev_step, max(5, int(headcount * head_step))
            switchboard = self.number(prefix)
            for index in range(rng.randrange(4, 10)):
                contact_id += 1
                civility, first, last = self.person()
                is_do = index < 3 and rng.random() < 0.85
                roles = (W.DO_ROLES if is_do else W.PERMANENT_ROLES)[
                    kind if kind in W.DO_ROLES else "end_client"]
                owner = rng.choice((2, 3, 4)) if rng.random() < 0.05 else None
                email = f"{first[0].lower()}.{last.lower()}@{name.split()[0].lower()}.fr"
                persona = rng.choice(W.PERSONAS) if is_do and rng.random() < 0.3 else ""
                contacts.append((contact_id, company_id, civility, first, last, rng.choice(roles),
                                 is_do, persona, email.replace("é", "e").replace("è", "e"), owner,
                                 naive_now - timedelta(days=rng.randrange(30, 900))))
                contact_meta.append((contact_id, is_do, zone, company_id))
                phones.append(self._phone(switchboard, zone, "standard", contact_id=contact_id))
                if rng.random() < 0.35:
                    phones.append(self._phone(self.number(prefix, mobile=True), zone, "mobile",
                                              contact_id=contact_id, kind="mobile"))
        _insert(Company, [Company.id, Company.name, Company.kind, Company.sector, Company.city,
                          Company.website, Company.posts_missions, Company.technologies,
                          Company.next_budget, Company.created_at], companies)
        _insert(CompanyFigure, [CompanyFigure.company, CompanyFigure.year, CompanyFigure.revenue,
                                CompanyFigure.headcount], figures)
        _insert(Contact, [Contact.id, Contact.company, Contact.civility, Contact.first_name,
                          Contact.last_name, Contact.role, Contact.is_decision_maker,
                          Contact.persona, Contact.email, Contact.owner, Contact.created_at],
                contacts)
        counts.update(companies=len(companies), contacts=len(contacts))
        freelances = self._freelances(phones)
        counts["freelances"] = freelances
        _insert(Phone, [Phone.id, Phone.e164, Phone.kind, Phone.time_zone, Phone.label,
                        Phone.contact, Phone.freelance], phones)
        counts["calls"] = self._calls(contact_meta, freelances)
        self._needs_and_reminders(contact_meta, freelances)
        dnc = rng.sample(contact_meta, k=max(3, len(contact_meta) // 200))
        Contact.update(do_not_call=True).where(Contact.id.in_([c[0] for c in dnc])).execute()
        numbers = [p[1] for p in phones if p[5] in {c[0] for c in dnc} and p[4] == "mobile"]
        _insert(DoNotCall, [DoNotCall.e164, DoNotCall.digest, DoNotCall.reason,
                            DoNotCall.created_at],
                [(n, digest_number(n), "demande de la personne", naive_now) for n in numbers])
        return counts

    def _phone(self, e164: str, zone: str, label: str, *, contact_id: int | None = None,
               freelance_id: int | None = None, kind: str = "landline") -> tuple:
        self.ids["phone"] += 1
        return (self.ids["phone"], e164, kind, zone, label, contact_id, freelance_id)

    def _freelances(self, phones: list[tuple]) -> int:
        rng, today, naive_now = self.rng, self.today, _naive(self.now)
        rows = []
        regions = sorted({p[1] for p in W.PLACES[:14]})
        for freelance_id in range(1, self.spec["freelances"] + 1):
            _civility, first, last = self.person()
            title, skills, rate = rng.choice(W.PROFILES)
            availability = rng.choices(("available", "on_mission", "notice"), (45, 40, 15))[0]
            available_from = None if availability == "available" else today + timedelta(
                days=rng.randrange(10, 150))
            billing = rng.choices(("own_company", "portage", "unknown"), (55, 30, 15))[0]
            mobility = ", ".join(rng.sample(regions, k=rng.randrange(1, 4)))
            day_rate = int(rate * rng.uniform(0.8, 1.3) / 10) * 10
            years = rng.randrange(3, 20)
            cv = W.cv_text(freelance_id, first, last, title, skills, years, today.year)
            rows.append((freelance_id, first, last, title, f" {skills} ", day_rate, availability,
                         available_from, mobility, billing,
                         _siret(rng) if billing == "own_company" else "",
                         f"{first[0].lower()}{last.lower()}@freelance.demo".replace("é", "e"),
                         cv, naive_now - timedelta(days=rng.randrange(10, 700)),
                         naive_now - timedelta(days=rng.randrange(700, 2000)),
                         search_text(first, last, title, skills)))
            phones.append(self._phone(self.number("+33", mobile=True), "Europe/Paris", "mobile",
                                      freelance_id=freelance_id, kind="mobile"))
        _insert(Freelance, [Freelance.id, Freelance.first_name, Freelance.last_name,
                            Freelance.title, Freelance.skills, Freelance.day_rate,
                            Freelance.availability, Freelance.available_from, Freelance.mobility,
                            Freelance.billing, Freelance.siret, Freelance.email, Freelance.cv_text,
                            Freelance.last_contacted_at, Freelance.created_at,
                            Freelance.search], rows)
        return len(rows)

    def _calls(self, contacts: list[tuple[int, bool, str, int]], freelances: int) -> int:
        rng, now = self.rng, self.now
        outcomes = [o for o, _ in _OUTCOME_WEIGHTS]
        weights = [w for _, w in _OUTCOME_WEIGHTS]
        calls, events, notes = [], [], []
        last_contact: dict[int, datetime] = {}
        event_id = 0
        total = self.spec["calls"]
        today_start = datetime.combine(self.today, time(8, 0), PARIS)
        # Callers work on working days only (no weekends, no bank holidays), evenly.
        workdays = [d for d in (self.today - timedelta(days=k) for k in range(1, 365))
                    if is_working_day(d)]
        for call_id in range(1, total + 1):
            contact_id, _is_do, _zone, _company = rng.choice(contacts)
            caller = rng.randrange(1, len(CALLERS) + 1)
            if call_id > total - 12:  # activity on the current day, before now
                started = today_start + timedelta(minutes=rng.randrange(0, 90))
                if started >= now:
                    started = now - timedelta(minutes=rng.randrange(5, 60))
            else:
                day = rng.choice(workdays)
                started = datetime.combine(day, time(9, 0), PARIS) + timedelta(
                    minutes=rng.randrange(0, 540))
            outcome = rng.choices(outcomes, weights)[0]
            seconds = 20 if outcome == Outcome.NO_ANSWER else rng.randrange(60, 900)
            ended = started + timedelta(seconds=seconds)
            script = "standard"
            calls.append((call_id, caller, contact_id, _naive(started), _naive(ended), script,
                          str(outcome)))
            if last_contact.get(contact_id, started - timedelta(days=1)) <= started:
                last_contact[contact_id] = started
            recent = (self.now - started).days < 21 or total <= 5000
            if recent:
                path = _DO_PATHS[outcome]
                at = started
                for seq, (script_id, step) in enumerate(path):
                    event_id += 1
                    events.append((event_id, call_id, seq, _naive(at), "step", script_id, step,
                                   "{}"))
                    at += timedelta(seconds=seconds / (len(path) + 1))
                if len(path) > 2 and rng.random() < 0.35:
                    event_id += 1
                    objection = rng.choice(_OBJECTIONS)
                    events.append((event_id, call_id, len(path), _naive(at), "objection",
                                   path[-1][0], path[-1][1], json.dumps({"objection": objection})))
                event_id += 1
                events.append((event_id, call_id, len(path) + 1, _naive(ended), "ended",
                               path[-1][0], path[-1][1], json.dumps({"outcome": str(outcome)})))
            if recent or rng.random() < 0.1:
                template = rng.choice(W.NOTE_TEMPLATES[str(outcome)])
                profile = rng.choice(W.PROFILES)
                body = template.format(month=rng.choice(W.MONTHS_FR), hour=rng.randrange(9, 18),
                                       profile=profile[0], city=rng.choice(W.PLACES)[0],
                                       rate=profile[2])
                notes.append((contact_id, call_id, caller, body, False, _naive(ended),
                              _naive(ended)))
        _insert(Call, [Call.id, Call.caller, Call.contact, Call.started_at, Call.ended_at,
                       Call.script, Call.outcome], calls)
        _insert(CallEvent, [CallEvent.id, CallEvent.call, CallEvent.seq, CallEvent.at,
                            CallEvent.kind, CallEvent.script, CallEvent.step, CallEvent.data],
                events)
        _insert(Note, [Note.contact, Note.call, Note.author, Note.body, Note.is_draft,
                       Note.created_at, Note.updated_at], notes)
        for contact_id, moment in last_contact.items():
            Contact.update(last_contacted_at=_naive(moment)).where(
                Contact.id == contact_id).execute() if len(last_contact) < 5000 else None
        if len(last_contact) >= 5000:
            self._bulk_last_contacted(last_contact)
        return len(calls)

    def _bulk_last_contacted(self, last_contact: dict[int, datetime]) -> None:
        # One UPDATE per batch using CASE keeps the large demo fast on both databases.
        items = sorted(last_contact.items())
        for chunk in _chunks(items, 300):
            case = pw.Case(Contact.id, [(cid, _naive(m)) for cid, m in chunk])
            Contact.update(last_contacted_at=case).where(
                Contact.id.in_([cid for cid, _ in chunk])).execute()

    def _needs_and_reminders(self, contacts: list[tuple[int, bool, str, int]],
                             freelances: int) -> None:
        rng, naive_now = self.rng, _naive(self.now)
        deciders = [c for c in contacts if c[1]]
        needs = []
        for need_id in range(1, max(6, len(deciders) // 150) + 1):
            contact_id, _, _, company_id = rng.choice(deciders)
            title, skills, rate = rng.choice(W.PROFILES)
            place = rng.choice(W.PLACES[:14])
            needs.append((need_id, contact_id, company_id, rng.randrange(1, len(CALLERS) + 1),
                          title, skills, place[1], rng.choice(("ASAP", "janvier", "mars")),
                          rng.choice(("3 mois", "6 mois", "12 mois")), int(rate * 1.25),
                          "open" if need_id == 1 else
                          rng.choice(("open", "open", "open", "proposed", "won", "lost")),
                          naive_now - timedelta(days=rng.randrange(1, 60))))
        _insert(Need, [Need.id, Need.contact, Need.company, Need.created_by, Need.title,
                       Need.technologies, Need.region, Need.start, Need.duration,
                       Need.budget_rate, Need.status, Need.created_at], needs)
        # Profiles are proposed on needs past "open" (proposed, won or lost), one to three each.
        proposals = {(need[0], rng.randrange(1, freelances + 1))
                     for need in needs if need[10] != "open" for _ in range(rng.randrange(1, 4))}
        _insert(Proposal, [Proposal.need, Proposal.freelance, Proposal.status,
                           Proposal.created_at],
                [(n, f, "proposed", naive_now) for n, f in sorted(proposals)])
        reminders = []
        kinds = (("callback", "rappel convenu"), ("follow_up", "relance CV"),
                 ("retry", "nouvel essai"), ("budget", "nouveau budget"))
        for _ in range(max(30, len(contacts) // 40)):
            contact_id, _, _, _ = rng.choice(contacts)
            kind, reason = rng.choice(kinds)
            # Due in office hours: a few days late, later today, or in the coming weeks.
            day = self.today + timedelta(days=rng.choice((-3, -2, -1, 0, 0, 0, 1, 7, 14)))
            if day != self.today:
                day = next_working_day(day, include_today=True)
            due = datetime.combine(day, time(rng.randrange(9, 18), rng.choice((0, 15, 30, 45))),
                                   PARIS)
            reminders.append((rng.randrange(1, len(CALLERS) + 1), contact_id, kind, reason,
                              _naive(due), naive_now))
        _insert(Reminder, [Reminder.owner, Reminder.contact, Reminder.kind, Reminder.reason,
                           Reminder.due_at, Reminder.created_at], reminders)


def _is_empty(db: pw.Database) -> bool:
    return not Caller.select().exists() and not Company.select().exists()


def _wipe(db: pw.Database) -> None:
    keep = {SchemaVersion, Setting}
    for model in reversed(ALL_MODELS):
        if model not in keep:
            model.delete().execute()


def _reset_sequences(db: pw.Database) -> None:
    """PostgreSQL: explicit ids leave sequences behind; move them past the data."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    for model in ALL_MODELS:
        pk = model._meta.primary_key
        if isinstance(pk, pw.AutoField):
            table = model._meta.table_name
            db.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{pk.column_name}'), "
                f"COALESCE((SELECT MAX({pk.column_name}) FROM {table}), 0) + 1, false)")


def build_demo(url: str, size: str = "small", seed: int = 0, today: date | None = None,
               replace: bool = False, now: datetime | None = None,
               scale: int = 1, if_empty: bool = False) -> dict[str, int]:
    """Fill the database at `url`; returns how many of each it made (companies, contacts,
    freelances, calls), which the command words in the user's language. `if_empty`: a
    database that holds data is kept as it is (nothing made, an empty dict)."""
    if size not in SIZES:
        raise StoreError(f"unknown demo size {size!r}; choose small or large")
    if now is None:
        if today is None:
            now = datetime.now(UTC)
        else:  # a fixed day: 10:42 in Paris, inside calling hours
            now = datetime.combine(today, time(10, 42), PARIS).astimezone(UTC)
    today = today or now.astimezone(PARIS).date()
    db = open_and_migrate(url)
    if not _is_empty(db) and if_empty and not replace:
        return {}
    if not _is_empty(db) and not replace:
        raise StoreError(f"{mask_url(url)} already holds data; use --replace to wipe it",
                         "store_demo_not_empty", url=mask_url(url))
    with db.atomic():
        if replace:
            _wipe(db)
        counts = _Builder(size, seed, today, now, scale).build()
        _reset_sequences(db)
    refresh_statistics()
    return dict(counts)
