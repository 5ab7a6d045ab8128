"""Version 1: the tables, frozen as this code created them when the schema was at version 7.

Never import cockpit.store.models here: when a model changes, databases still pass through
this version, then through the later steps. Databases created at version 1 by earlier
releases have fewer columns (the search words, proposals' follow-up, do-not-call of a
person, a caller's login): versions 5 to 7 add those only when missing."""

from __future__ import annotations

import peewee as pw


class BaseModel(pw.Model):
    class Meta:
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField()


class Caller(BaseModel):
    name = pw.CharField(unique=True)  # how they sign in: "Melissa"
    first_name = pw.CharField()
    last_name = pw.CharField(default="")
    email = pw.CharField(default="")
    is_lead = pw.BooleanField(default=False)
    active = pw.BooleanField(default=True)
    # Schema v7: the PostgreSQL role the person logs in with (none on SQLite), and when they
    # left the team (their calls and notes stay theirs; `active` is then false).
    login = pw.CharField(null=True, unique=True)
    left_at = pw.DateTimeField(null=True)


class Company(BaseModel):
    name = pw.CharField(index=True)
    kind = pw.CharField(default="other")  # esn_conseil | esn_classique | end_client | other
    sector = pw.CharField(default="", index=True)
    city = pw.CharField(default="")
    website = pw.CharField(default="")
    posts_missions = pw.BooleanField(default=False)  # posts freelance missions on its own site
    technologies = pw.TextField(default="")  # space-separated, lower case
    next_budget = pw.DateField(null=True)
    created_at = pw.DateTimeField()


class CompanyFigure(BaseModel):
    company = pw.ForeignKeyField(Company, backref="figures", on_delete="CASCADE")
    year = pw.IntegerField()
    revenue = pw.BigIntegerField(null=True)  # euros
    headcount = pw.IntegerField(null=True)

    class Meta:
        indexes = ((("company", "year"), True),)


class Contact(BaseModel):
    company = pw.ForeignKeyField(Company, backref="contacts", null=True, on_delete="SET NULL")
    civility = pw.CharField(default="")  # Monsieur | Madame | ""
    first_name = pw.CharField(default="")
    last_name = pw.CharField(index=True)
    role = pw.CharField(default="")
    is_decision_maker = pw.BooleanField(default=False)
    is_switchboard = pw.BooleanField(default=False)  # the company's switchboard "contact"
    persona = pw.CharField(default="")
    email = pw.CharField(default="", index=True)
    owner = pw.ForeignKeyField(Caller, null=True, backref="portfolio", on_delete="SET NULL")
    do_not_call = pw.BooleanField(default=False)
    # The person asked, themselves (schema v6): lifting a number off the list never lifts them.
    asked_not_to_call = pw.BooleanField(default=False)
    last_contacted_at = pw.DateTimeField(null=True, index=True)
    claimed_by = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    claim_expires_at = pw.DateTimeField(null=True)
    redirected_from = pw.ForeignKeyField("self", null=True, backref="+", on_delete="SET NULL")
    created_at = pw.DateTimeField()

    class Meta:
        indexes = (
            (("is_decision_maker", "last_contacted_at"), False),
            (("claimed_by", "claim_expires_at"), False),
        )


class Freelance(BaseModel):
    first_name = pw.CharField(default="")
    last_name = pw.CharField(index=True)
    title = pw.CharField(default="")  # "Développeur Java senior"
    skills = pw.TextField(default="")  # space-separated lower-case tokens, searched by prefix
    day_rate = pw.IntegerField(null=True)  # buying rate asked, euros
    availability = pw.CharField(default="available")  # available | on_mission | notice
    available_from = pw.DateField(null=True)
    mobility = pw.TextField(default="")  # regions and cities, comma-separated
    billing = pw.CharField(default="unknown")  # own_company | portage | unknown
    siret = pw.CharField(default="")
    email = pw.CharField(default="", index=True)
    city = pw.CharField(default="")
    cv_text = pw.TextField(default="")
    references = pw.TextField(default="[]")  # JSON list of {name, company, phone}
    # Folded words of the name, title, skills and city, space-bounded: type-to-search matches
    # word prefixes with one LIKE per typed word (schema v5).
    search = pw.TextField(default="")
    do_not_call = pw.BooleanField(default=False)
    asked_not_to_call = pw.BooleanField(default=False)  # schema v6, as for contacts
    last_contacted_at = pw.DateTimeField(null=True, index=True)
    claimed_by = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    claim_expires_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()


class Phone(BaseModel):
    e164 = pw.CharField(index=True)
    kind = pw.CharField(default="landline")  # mobile | landline | voip | …
    time_zone = pw.CharField(default="Europe/Paris")
    # standard: the company's switchboard, shared by its people; direct | mobile: the person's.
    label = pw.CharField(default="")
    contact = pw.ForeignKeyField(Contact, null=True, backref="phones", on_delete="CASCADE")
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="phones", on_delete="CASCADE")


class Need(BaseModel):
    contact = pw.ForeignKeyField(Contact, null=True, backref="needs", on_delete="SET NULL")
    company = pw.ForeignKeyField(Company, null=True, backref="needs", on_delete="SET NULL")
    created_by = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    title = pw.CharField(default="")
    profile = pw.TextField(default="")
    tasks = pw.TextField(default="")
    technologies = pw.TextField(default="")
    region = pw.CharField(default="")
    start = pw.CharField(default="")  # as captured: a date or "ASAP"
    duration = pw.CharField(default="")
    budget_rate = pw.IntegerField(null=True)
    languages = pw.CharField(default="")
    description = pw.TextField(default="")
    status = pw.CharField(default="open", index=True)  # open | proposed | won | lost
    created_at = pw.DateTimeField()


class Proposal(BaseModel):
    need = pw.ForeignKeyField(Need, backref="proposals", on_delete="CASCADE")
    freelance = pw.ForeignKeyField(Freelance, backref="proposals", on_delete="CASCADE")
    status = pw.CharField(default="proposed")  # proposed | cv_sent | interview | placed | rejected
    cv_sent_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()
    # Schema v5: what was sent, the interview, the placement and its two clauses.
    anonymised_cv = pw.TextField(default="")
    interview_at = pw.DateTimeField(null=True)
    placed_at = pw.DateTimeField(null=True)
    non_compete_signed = pw.BooleanField(default=False)  # by the freelance
    non_solicitation_signed = pw.BooleanField(default=False)  # by the decision maker

    class Meta:
        indexes = ((("need", "freelance"), True),)


class Call(BaseModel):
    caller = pw.ForeignKeyField(Caller, backref="calls", on_delete="CASCADE")
    contact = pw.ForeignKeyField(Contact, null=True, backref="calls", on_delete="CASCADE")
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="calls", on_delete="CASCADE")
    need = pw.ForeignKeyField(Need, null=True, backref="calls", on_delete="SET NULL")
    started_at = pw.DateTimeField(index=True)
    ended_at = pw.DateTimeField(null=True)
    script = pw.CharField(default="")  # the script it started with
    outcome = pw.CharField(null=True)  # None while the call is in progress
    state = pw.TextField(default="")  # the call session, JSON, to resume after a crash

    class Meta:
        indexes = (
            (("contact", "started_at"), False),
            (("freelance", "started_at"), False),
            (("caller", "outcome"), False),
            (("contact", "outcome", "started_at"), False),
        )


class CallEvent(BaseModel):
    call = pw.ForeignKeyField(Call, backref="events", on_delete="CASCADE")
    seq = pw.IntegerField()
    at = pw.DateTimeField()
    kind = pw.CharField()  # started | step | answer | capture | objection | transfer | ended
    script = pw.CharField(default="")
    step = pw.CharField(default="")
    data = pw.TextField(default="{}")  # JSON

    class Meta:
        indexes = ((("call", "seq"), True),)


class Note(BaseModel):
    contact = pw.ForeignKeyField(Contact, null=True, backref="notes", on_delete="CASCADE")
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="notes", on_delete="CASCADE")
    call = pw.ForeignKeyField(Call, null=True, backref="notes", on_delete="CASCADE")
    author = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    body = pw.TextField(default="")
    is_draft = pw.BooleanField(default=False)
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()

    class Meta:
        indexes = ((("contact", "created_at"), False),)


class Reminder(BaseModel):
    owner = pw.ForeignKeyField(Caller, null=True, backref="reminders", on_delete="SET NULL")
    contact = pw.ForeignKeyField(Contact, null=True, backref="reminders", on_delete="CASCADE")
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="reminders", on_delete="CASCADE")
    need = pw.ForeignKeyField(Need, null=True, backref="reminders", on_delete="SET NULL")
    call = pw.ForeignKeyField(Call, null=True, backref="reminders", on_delete="SET NULL")
    kind = pw.CharField()  # retry | callback | budget | follow_up | new_contact | cooldown
    reason = pw.CharField(default="")
    due_at = pw.DateTimeField(index=True)
    done_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()

    class Meta:
        indexes = (
            (("done_at", "due_at"), False),
            (("contact", "done_at"), False),
            (("freelance", "done_at"), False),
        )


class DoNotCall(BaseModel):
    e164 = pw.CharField(null=True, index=True)  # None once the person was erased (hash kept)
    digest = pw.CharField(index=True)  # keyed hash of the E.164 number
    reason = pw.CharField(default="")
    created_at = pw.DateTimeField()


class AuditLog(BaseModel):
    at = pw.DateTimeField(index=True)
    actor = pw.CharField(default="")
    action = pw.CharField()
    entity = pw.CharField()
    entity_id = pw.IntegerField(null=True)
    details = pw.TextField(default="")


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField(default="")


TABLES: tuple[type[BaseModel], ...] = (
    SchemaVersion, Setting, Caller, Company, CompanyFigure, Contact, Freelance, Phone, Need,
    Proposal, Call, CallEvent, Note, Reminder, DoNotCall, AuditLog,
)


def apply(db: pw.Database) -> None:
    with db.bind_ctx(TABLES):
        db.create_tables([SchemaVersion], safe=True)  # first, as earlier code made it
        db.create_tables(TABLES[1:], safe=True)
