"""The tables. Datetimes are stored as naive UTC; repositories hand out aware UTC datetimes.

Nothing here is specific to SQLite: the same models run on PostgreSQL."""

from __future__ import annotations

from typing import Self

import peewee as pw

from cockpit.store.db import database


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    id = pw.AutoField()
    version = pw.IntegerField()
    applied_at = pw.DateTimeField()


class Caller(BaseModel):
    id = pw.AutoField()
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
    id = pw.AutoField()
    name = pw.CharField(index=True)
    kind = pw.CharField(default="other")  # esn_conseil | esn_classique | end_client | other
    sector = pw.CharField(default="", index=True)
    city = pw.CharField(default="")
    website = pw.CharField(default="")
    # Schema v8: identity and address as the firm's files give them, and the switchboard
    # (E.164) its people share.
    siren = pw.CharField(default="", index=True)
    siret = pw.CharField(default="")
    address = pw.CharField(default="")
    postcode = pw.CharField(default="")
    switchboard = pw.CharField(default="")
    posts_missions = pw.BooleanField(default=False)  # posts freelance missions on its own site
    technologies = pw.TextField(default="")  # space-separated, lower case
    next_budget = pw.DateField(null=True)
    created_at = pw.DateTimeField()


class CompanyFigure(BaseModel):
    id = pw.AutoField()
    company = pw.ForeignKeyField(Company, backref="figures", on_delete="CASCADE")
    company_id: int
    year = pw.IntegerField()
    revenue = pw.BigIntegerField(null=True)  # euros
    headcount = pw.IntegerField(null=True)

    class Meta:
        indexes = ((("company", "year"), True),)


class Contact(BaseModel):
    id = pw.AutoField()
    company = pw.ForeignKeyField(Company, backref="contacts", null=True, on_delete="SET NULL")
    company_id: int | None
    civility = pw.CharField(default="")  # Monsieur | Madame | ""
    first_name = pw.CharField(default="")
    last_name = pw.CharField(index=True)
    role = pw.CharField(default="")
    is_decision_maker = pw.BooleanField(default=False)
    is_switchboard = pw.BooleanField(default=False)  # the company's switchboard "contact"
    persona = pw.CharField(default="")
    email = pw.CharField(default="", index=True)
    other_emails = pw.TextField(default="")  # the other addresses, space-separated (v12)
    owner = pw.ForeignKeyField(Caller, null=True, backref="portfolio", on_delete="SET NULL")
    owner_id: int | None
    do_not_call = pw.BooleanField(default=False)
    # The person asked, themselves (schema v6): lifting a number off the list never lifts them.
    asked_not_to_call = pw.BooleanField(default=False)
    last_contacted_at = pw.DateTimeField(null=True, index=True)
    claimed_by = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    claimed_by_id: int | None
    claim_expires_at = pw.DateTimeField(null=True)
    redirected_from = pw.ForeignKeyField("self", null=True, backref="+", on_delete="SET NULL")
    redirected_from_id: int | None
    created_at = pw.DateTimeField()

    class Meta:
        indexes = (
            (("is_decision_maker", "last_contacted_at"), False),
            (("claimed_by", "claim_expires_at"), False),
        )


class Freelance(BaseModel):
    id = pw.AutoField()
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
    other_emails = pw.TextField(default="")  # the other addresses, space-separated (v12)
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
    claimed_by_id: int | None
    claim_expires_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()



class CvFile(BaseModel):
    """A version of a freelance's CV, kept whole (schema v8): the newest is the one read,
    searched and anonymised."""

    id = pw.AutoField()
    freelance = pw.ForeignKeyField(Freelance, backref="cv_files", on_delete="CASCADE")
    freelance_id: int
    name = pw.CharField()  # the file's own name, as handed in
    format = pw.CharField()  # docx | pdf | odt | txt | md
    size = pw.IntegerField()
    sha256 = pw.CharField()
    content = pw.BlobField()
    text = pw.TextField(default="")
    scanned = pw.BooleanField(default=False)  # a PDF without a text layer
    added_at = pw.DateTimeField()
    added_by = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    added_by_id: int | None

    class Meta:
        indexes = ((("freelance", "added_at"), False),)

class Phone(BaseModel):
    id = pw.AutoField()
    e164 = pw.CharField(index=True)
    kind = pw.CharField(default="landline")  # mobile | landline | voip | …
    time_zone = pw.CharField(default="Europe/Paris")
    # standard: the company's switchboard, shared by its people; direct | mobile: the person's.
    label = pw.CharField(default="")
    contact = pw.ForeignKeyField(Contact, null=True, backref="phones", on_delete="CASCADE")
    contact_id: int | None
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="phones", on_delete="CASCADE")
    freelance_id: int | None


class Need(BaseModel):
    id = pw.AutoField()
    contact = pw.ForeignKeyField(Contact, null=True, backref="needs", on_delete="SET NULL")
    contact_id: int | None
    company = pw.ForeignKeyField(Company, null=True, backref="needs", on_delete="SET NULL")
    company_id: int | None
    created_by = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    created_by_id: int | None
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
    id = pw.AutoField()
    need = pw.ForeignKeyField(Need, backref="proposals", on_delete="CASCADE")
    need_id: int
    freelance = pw.ForeignKeyField(Freelance, backref="proposals", on_delete="CASCADE")
    freelance_id: int
    status = pw.CharField(default="proposed")  # proposed | cv_sent | interview | placed | rejected
    cv_sent_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()
    # Schema v5: what was sent, the interview, the placement and its two clauses.
    anonymised_cv = pw.TextField(default="")
    interview_at = pw.DateTimeField(null=True)
    placed_at = pw.DateTimeField(null=True)
    non_compete_signed = pw.BooleanField(default=False)  # by the freelance
    non_solicitation_signed = pw.BooleanField(default=False)  # by the decision maker
    # Schema v8: the mission placed, its dates and day rates (euros).
    start_date = pw.DateField(null=True, index=True)
    end_date = pw.DateField(null=True)
    buying_rate = pw.IntegerField(null=True)
    selling_rate = pw.IntegerField(null=True)

    class Meta:
        indexes = ((("need", "freelance"), True),)


class Call(BaseModel):
    id = pw.AutoField()
    caller = pw.ForeignKeyField(Caller, backref="calls", on_delete="CASCADE")
    caller_id: int
    contact = pw.ForeignKeyField(Contact, null=True, backref="calls", on_delete="CASCADE")
    contact_id: int | None
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="calls", on_delete="CASCADE")
    freelance_id: int | None
    need = pw.ForeignKeyField(Need, null=True, backref="calls", on_delete="SET NULL")
    need_id: int | None
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
    id = pw.AutoField()
    call = pw.ForeignKeyField(Call, backref="events", on_delete="CASCADE")
    call_id: int
    seq = pw.IntegerField()
    at = pw.DateTimeField()
    kind = pw.CharField()  # started | step | answer | capture | objection | transfer | ended
    script = pw.CharField(default="")
    step = pw.CharField(default="")
    data = pw.TextField(default="{}")  # JSON

    class Meta:
        indexes = ((("call", "seq"), True),)


class Note(BaseModel):
    id = pw.AutoField()
    contact = pw.ForeignKeyField(Contact, null=True, backref="notes", on_delete="CASCADE")
    contact_id: int | None
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="notes", on_delete="CASCADE")
    freelance_id: int | None
    call = pw.ForeignKeyField(Call, null=True, backref="notes", on_delete="CASCADE")
    call_id: int | None
    author = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")
    author_id: int | None
    body = pw.TextField(default="")
    is_draft = pw.BooleanField(default=False)
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()

    class Meta:
        indexes = ((("contact", "created_at"), False),)


class Reminder(BaseModel):
    id = pw.AutoField()
    owner = pw.ForeignKeyField(Caller, null=True, backref="reminders", on_delete="SET NULL")
    owner_id: int | None
    contact = pw.ForeignKeyField(Contact, null=True, backref="reminders", on_delete="CASCADE")
    contact_id: int | None
    freelance = pw.ForeignKeyField(Freelance, null=True, backref="reminders", on_delete="CASCADE")
    freelance_id: int | None
    need = pw.ForeignKeyField(Need, null=True, backref="reminders", on_delete="SET NULL")
    need_id: int | None
    call = pw.ForeignKeyField(Call, null=True, backref="reminders", on_delete="SET NULL")
    call_id: int | None
    kind = pw.CharField()  # retry | callback | budget | follow_up | new_contact | cooldown
    reason = pw.CharField(default="")
    due_at = pw.DateTimeField(index=True)
    done_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()
    # Schema v8: one more each time due_at moves (the SEQUENCE of its .ics event).
    sequence = pw.IntegerField(default=0)

    class Meta:
        indexes = (
            (("done_at", "due_at"), False),
            (("contact", "done_at"), False),
            (("freelance", "done_at"), False),
        )


class DoNotCall(BaseModel):
    id = pw.AutoField()
    e164 = pw.CharField(null=True, index=True)  # None once the person was erased (hash kept)
    digest = pw.CharField(index=True)  # keyed hash of the E.164 number
    reason = pw.CharField(default="")
    created_at = pw.DateTimeField()


class AuditLog(BaseModel):
    id = pw.AutoField()
    at = pw.DateTimeField(index=True)
    actor = pw.CharField(default="")
    action = pw.CharField()
    entity = pw.CharField()
    entity_id = pw.IntegerField(null=True)
    details = pw.TextField(default="")

    @classmethod
    def create(cls, **fields: object) -> Self:
        """Appended without reading the row back: on PostgreSQL an INSERT … RETURNING id
        needs the right to read the table, which a caller's role has not (db/team.sql).
        The line returned is the one written, without its id (never read back)."""
        cls.insert(**fields).as_rowcount().execute()
        return cls(**fields)


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField(default="")


ALL_MODELS: tuple[type[BaseModel], ...] = (
    SchemaVersion, Setting, Caller, Company, CompanyFigure, Contact, Freelance, Phone, Need,
    Proposal, Call, CallEvent, Note, Reminder, DoNotCall, AuditLog, CvFile,
)
