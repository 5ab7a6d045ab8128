"""Needs and the freelances proposed for them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import peewee as pw

from cockpit.store.db import database
from cockpit.store.models import Company, Contact, Freelance, Need, Note, Proposal
from cockpit.store.rows import dicts, tuples
from cockpit.store.times import naive

STATUSES = ("open", "proposed", "won", "lost")
NEED_FIELDS = ("title", "profile", "tasks", "technologies", "region", "start", "duration",
               "budget_rate", "languages", "description")


def create(fields: dict[str, Any], contact_id: int | None, caller_id: int | None,
           now: datetime) -> int:
    company_id = None
    if contact_id is not None:
        company_id = Contact.select(Contact.company).where(Contact.id == contact_id).scalar()
    values = {k: v for k, v in fields.items() if k in NEED_FIELDS}
    row = Need.create(contact=contact_id, company=company_id, created_by=caller_id,
                      created_at=naive(now), **values)
    return int(row.id)


def get(need_id: int) -> Need | None:
    return (Need.select(Need, Contact, Company)
            .join(Contact, pw.JOIN.LEFT_OUTER, on=(Need.contact == Contact.id))
            .switch(Need).join(Company, pw.JOIN.LEFT_OUTER, on=(Need.company == Company.id))
            .where(Need.id == need_id).first())


def search(*, status: str | None = None, technology: str = "", region: str = "",
           text: str = "", with_proposals: bool = False, limit: int = 200) -> list[dict[str, Any]]:
    """Seed 001's two searches: every need (filtered), or only those with profiles proposed."""
    proposals = (Proposal.select(Proposal.need, pw.fn.COUNT(Proposal.id).alias("n"))
                 .group_by(Proposal.need).alias("p"))
    query = (Need.select(Need.id, Need.title, Need.technologies, Need.region, Need.start,
                         Need.budget_rate, Need.status, Need.created_at, Company.name,
                         pw.fn.COALESCE(proposals.c.n, 0).alias("proposed"))
             .join(Company, pw.JOIN.LEFT_OUTER, on=(Need.company == Company.id))
             .switch(Need)
             .join(proposals, pw.JOIN.LEFT_OUTER, on=(Need.id == proposals.c.need_id)))
    if status:
        query = query.where(Need.status == status)
    if technology:
        query = query.where(Need.technologies.contains(technology.strip().lower()))
    if region:
        query = query.where(Need.region.contains(region.strip()))
    if text:
        query = query.where(Need.title.contains(text.strip())
                            | Need.technologies.contains(text.strip().lower())
                            | Company.name.contains(text.strip()))
    if with_proposals:
        query = query.where(pw.fn.COALESCE(proposals.c.n, 0) > 0)
    return dicts(query.order_by(Need.created_at.desc(), Need.id.desc()).limit(limit))


def set_status(need_id: int, status: str) -> bool:
    if status not in STATUSES:
        raise ValueError(status)
    return Need.update(status=status).where(Need.id == need_id).execute() > 0


def propose(need_id: int, freelance_id: int, now: datetime) -> tuple[int, bool]:
    """Attach a freelance to a need; (proposal id, whether it was new). The need becomes
    "proposed" if it was open."""
    with database.obj.atomic():
        found = Proposal.get_or_none(Proposal.need == need_id, Proposal.freelance == freelance_id)
        if found is not None:
            return int(found.id), False
        row = Proposal.create(need=need_id, freelance=freelance_id, created_at=naive(now))
        Need.update(status="proposed").where(Need.id == need_id, Need.status == "open").execute()
        return int(row.id), True


def proposals_of(need_id: int) -> list[Proposal]:
    return list(Proposal.select(Proposal, Freelance)
                .join(Freelance, on=(Proposal.freelance == Freelance.id))
                .where(Proposal.need == need_id).order_by(Proposal.created_at, Proposal.id))


def get_proposal(proposal_id: int) -> Proposal | None:
    return (Proposal.select(Proposal, Need, Freelance)
            .join(Need, on=(Proposal.need == Need.id)).switch(Proposal)
            .join(Freelance, on=(Proposal.freelance == Freelance.id))
            .where(Proposal.id == proposal_id).first())


def update_proposal(proposal_id: int, **values: Any) -> None:
    values = {k: naive(v) if isinstance(v, datetime) else v for k, v in values.items()}
    Proposal.update(**values).where(Proposal.id == proposal_id).execute()


def add_history_note(contact_id: int, freelance_id: int, author_id: int, body: str,
                     now: datetime) -> None:
    """A line of the decision maker's history outside any call (the CV sent, and where)."""
    Note.create(contact=contact_id, freelance=freelance_id, call=None, author=author_id,
                body=body, is_draft=False, created_at=naive(now), updated_at=naive(now))


def history_notes(contact_id: int, freelance_ids: list[int]) -> dict[int, str]:
    """The latest such line about each freelance, for the decision maker."""
    rows = (Note.select(Note.freelance, Note.body)
            .where(Note.contact == contact_id, Note.freelance.in_(freelance_ids),
                   Note.call.is_null(), Note.is_draft == False)  # noqa: E712
            .order_by(Note.created_at, Note.id))
    return {int(freelance): body for freelance, body in tuples(rows)}


def company_sectors() -> dict[str, str]:
    """Every known company's name and sector, for the anonymised CVs."""
    rows = Company.select(Company.name, Company.sector).where(Company.sector != "")
    return {name: sector for name, sector in tuples(rows)}
