"""Companies into the database, in batches of short transactions like people: matched by
name (empty fields filled) or created, their figures for each year the file gives, and their
phone as their switchboard, kept on the company and shared by its people (a number they
already have becomes it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from cockpit.domain.captures import fold
from cockpit.domain.import_phones import STANDARD
from cockpit.domain.importing import Record
from cockpit.store.import_batches import Progress, Written, _in_batches
from cockpit.store.importer import (
    _as_switchboard,
    _block_known_numbers,
    _Companies,
    _lock,
    _next_id,
    keep_switchboard,
)
from cockpit.store.models import Company, CompanyFigure, Contact, Phone
from cockpit.store.rows import tuples
from cockpit.store.times import naive


def write_companies(records: Sequence[Record], now: datetime, progress: Progress | None,
                    batch: int) -> Written:
    companies = _Companies(now)
    existing_names = set(companies.ids)
    # (company, number) of every number its people have: a company's phone already there
    # is its switchboard, not a new one.
    held = set(tuples(Phone.select(Contact.company, Phone.e164)
                      .join(Contact, on=(Phone.contact == Contact.id))
                      .where(Contact.company.is_null(False))))
    written = Written()

    def one(rows: Sequence[Record], offset: int) -> None:
        _companies_batch(rows, offset, now, progress, (companies, existing_names, held),
                         written)

    return _in_batches(records, batch, progress, written, one)


def _companies_batch(records: Sequence[Record], offset: int, now: datetime,
                     progress: Progress | None, known: tuple[Any, ...],
                     written: Written) -> None:
    companies, existing_names, held = known
    _lock("company", "company_figure", "contact", "phone")
    companies.next_id = _next_id(Company)
    companies.new = []
    figures: list[tuple] = []
    switchboards: list[tuple[int, Record]] = []
    details: dict[int, dict[str, Any]] = {}
    for done, record in enumerate(records, offset + 1):
        values = dict(record.values)
        name = values.pop("name")
        is_known = fold(name) in existing_names
        company_id = companies.id_for(name)
        by_year = values.pop("figures", {})
        if is_known:
            _fill_company(company_id, values)
            written.merged.append((record.line, company_id, "same name"))
        else:
            details[company_id] = values
            existing_names.add(fold(name))
        for year, figure in sorted(by_year.items()):
            figures.append((company_id, year, figure.get("revenue"), figure.get("headcount")))
        if record.phones:
            switchboards.append((company_id, record))
        if progress and done % 500 == 0:
            progress(done)
    written.created += companies.flush()
    for company_id, values in details.items():
        if values:
            Company.update(**values).where(Company.id == company_id).execute()
    _figures(figures)
    added: list[str] = []
    for company_id, record in switchboards:
        keep_switchboard(company_id, record.phones[0][0].e164)
        for phone, _ in record.phones:  # every number of a company row is its switchboard
            if (company_id, phone.e164) in held:
                if _as_switchboard(phone.e164, company_id):
                    written.switchboards.add(phone.e164)  # was taken for someone's own line
                continue
            contact = Contact.create(company=company_id, last_name="Standard",
                                     is_switchboard=True, created_at=naive(now))
            Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone,
                         label=STANDARD, contact=contact.id)
            held.add((company_id, phone.e164))
            added.append(phone.e164)
    _block_known_numbers(added)


def _figures(figures: list[tuple]) -> None:
    """Each (company, year) once: a figure the file leaves empty keeps the one known."""
    for company_id, year, revenue, headcount in figures:
        update = {field: value for field, value in ((CompanyFigure.revenue, revenue),
                                                    (CompanyFigure.headcount, headcount))
                  if value is not None}
        (CompanyFigure.insert(company=company_id, year=year, revenue=revenue,
                              headcount=headcount)
         .on_conflict(conflict_target=[CompanyFigure.company, CompanyFigure.year],
                      update=update).execute())


def _fill_company(company_id: int, values: dict[str, Any]) -> None:
    row = Company.get_by_id(company_id)
    # Empty: no text, no date, the kind "other", missions not known to be posted.
    updates = {k: v for k, v in values.items()
               if hasattr(Company, k) and v not in (None, "", False)
               and getattr(row, k) in ("", None, "other", False)}
    if updates:
        Company.update(**updates).where(Company.id == company_id).execute()
