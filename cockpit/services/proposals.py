"""Proposing a freelance for a need, and what follows (seed 001): the anonymised CV and its
e-mail, the follow-up two working days after it, the interview (both sides called the next
working morning), the placement and its two clauses, the recap e-mails."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from cockpit.domain.outcomes import Outcome
from cockpit.domain.reminder_reasons import AFTER_INTERVIEW, CV_FOLLOW_UP
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.later_views import CvMail, CvView, MailDraft, ProposalView
from cockpit.services.part import Part


class ProposalServices(Part):
    # -- proposing -----------------------------------------------------------------------------

    @store_guard
    def propose(self, need_id: int, freelance_id: int) -> ProposalView:
        from cockpit.store import needs, reads

        if needs.get(need_id) is None:
            raise ServiceError(f"no need #{need_id}", code="no_need", id=need_id)
        if reads.freelance(freelance_id) is None:
            raise ServiceError(f"no freelance #{freelance_id}", code="no_freelance",
                               id=freelance_id)
        proposal_id, _new = needs.propose(need_id, freelance_id, self.now())
        return self._proposal(proposal_id)

    def _proposal(self, proposal_id: int) -> ProposalView:
        from cockpit.store import needs

        row = needs.get_proposal(proposal_id)
        if row is None:
            raise ServiceError(f"no proposal #{proposal_id}", code="no_proposal", id=proposal_id)
        return _proposal_view(row)

    @store_guard
    def anonymised_cv(self, freelance_id: int,
                      proposal_id: int | None = None) -> CvView:
        """The freelance's CV without what identifies them, employers replaced by sectors."""
        from cockpit.store import cv_files, needs, reads

        f = reads.freelance(freelance_id)
        if f is None:
            raise ServiceError(f"no freelance #{freelance_id}", code="no_freelance",
                               id=freelance_id)
        newest = cv_files.newest(freelance_id)
        if newest is not None and newest.scanned:
            raise ServiceError(f"{newest.name}: a scanned PDF, without text to anonymise",
                               code="cv_scanned", name=newest.name)
        if not f.cv_text.strip():
            raise ServiceError("this freelance has no CV on file", code="no_cv")
        employers = {**needs.company_sectors(), **load_sectors(self.setup.sectors)}
        result = anonymise_text(f.cv_text, (f.first_name, f.last_name), employers)
        return CvView(proposal_id, freelance_id, result[0], result[1])

    def _cv_target(self, proposal_id: int, cv_text: str) -> Any:
        """The proposal a CV goes out for, checked: it exists, the CV says something, the need
        has a decision maker to send it to."""
        from cockpit.store import needs

        proposal = needs.get_proposal(proposal_id)
        if proposal is None:
            raise ServiceError(f"no proposal #{proposal_id}", code="no_proposal", id=proposal_id)
        if not cv_text.strip():
            raise ServiceError("the anonymised CV is empty", code="empty_cv")
        if not proposal.need.contact_id:
            raise ServiceError("this need has no decision maker to send the CV to",
                               code="need_no_contact")
        return proposal

    @store_guard
    def cv_mail(self, caller_id: int, proposal_id: int, cv_text: str) -> CvMail:
        """What the e-mail to the decision maker that carries the anonymised CV says (put in
        words by the screen: tui.cv_words; not sent: the caller saves, opens or copies it,
        and only then is the CV recorded as sent)."""
        from cockpit.store import reads

        proposal = self._cv_target(proposal_id, cv_text)
        need, freelance = proposal.need, proposal.freelance
        contact = need.contact
        return CvMail(contact.email or "", contact.civility, contact.last_name, need.title,
                      cv_text.strip(), _caller_name(reads, caller_id), self.firm_name,
                      f"{freelance.first_name} {freelance.last_name}".strip(),
                      _profile(freelance, self.margin))

    @store_guard
    def send_cv(self, caller_id: int, proposal_id: int, cv_text: str,
                sent_where: str, note: str) -> datetime:
        """Record the anonymised CV as sent once its e-mail exists (`sent_where`: the .eml
        file, or where else it went), write `note` on the decision maker's history, and book
        the follow-up two working days later (seed 001). Returns when the follow-up is due.
        The note is kept as words, in the language of the caller who sent it (the history
        holds lines typed by callers too): the screen writes it (tui.cv_words.cv_history)."""
        from cockpit.domain.reminder_rules import propose_follow_up
        from cockpit.store import needs, reminders
        from cockpit.store.db import database

        if not sent_where.strip():
            raise ServiceError("the CV's e-mail was not produced", code="cv_not_produced")
        proposal = self._cv_target(proposal_id, cv_text)
        need = proposal.need
        now = self.now()
        follow = propose_follow_up(Outcome.CV_SENT, {}, now, 0, _zone_of_contact(need.contact_id))
        due = follow.due_at if follow and follow.due_at else now
        if not note.strip():
            raise ServiceError("the CV's history line is empty", code="cv_no_note")
        with database.obj.atomic():
            needs.update_proposal(proposal_id, status="cv_sent", cv_sent_at=now,
                                  anonymised_cv=cv_text)
            needs.add_history_note(int(need.contact_id), int(proposal.freelance_id), caller_id,
                                   note, now)
            reminders.add_reminder(caller_id, "contact", int(need.contact_id), "follow_up", due,
                                   CV_FOLLOW_UP, now, need_id=int(need.id))
        return due

    @store_guard
    def book_interview(self, caller_id: int, proposal_id: int,
                       when: datetime) -> datetime:
        """An interview is set: both sides get a call the next working morning after it."""
        from cockpit.domain.reminder_rules import after_interview
        from cockpit.store import needs, reminders
        from cockpit.store.db import database

        proposal = needs.get_proposal(proposal_id)
        if proposal is None:
            raise ServiceError(f"no proposal #{proposal_id}", code="no_proposal", id=proposal_id)
        if when.tzinfo is None:
            raise ServiceError("the interview time needs its time zone", code="naive_time")
        need = proposal.need
        due = after_interview(when, "Europe/Paris")
        now = self.now()
        with database.obj.atomic():
            needs.update_proposal(proposal_id, status="interview", interview_at=when)
            if need.contact_id:
                reminders.add_reminder(caller_id, "contact", int(need.contact_id), "follow_up",
                                       due, AFTER_INTERVIEW, now, need_id=int(need.id))
            reminders.add_reminder(caller_id, "freelance", int(proposal.freelance_id),
                                   "follow_up", due, AFTER_INTERVIEW, now,
                                   need_id=int(need.id))
        return due

    @store_guard
    def record_placement(self, proposal_id: int, *, non_compete_signed: bool,
                         non_solicitation_signed: bool, start: date | None = None,
                         end: date | None = None, buying_rate: int | None = None,
                         selling_rate: int | None = None) -> ProposalView:
        """The freelance is placed: both clauses must be signed (non-compete by the freelance,
        non-solicitation by the decision maker); the need is won. The mission's days and day
        rates are kept with it (the margin is worked out from them, never stored)."""
        from cockpit.store import needs
        from cockpit.store.db import database

        proposal = needs.get_proposal(proposal_id)
        if proposal is None:
            raise ServiceError(f"no proposal #{proposal_id}", code="no_proposal", id=proposal_id)
        missing = [name for name, ok in (("non_compete", non_compete_signed),
                                         ("non_solicitation", non_solicitation_signed)) if not ok]
        if missing:
            code = missing[0] if len(missing) == 1 else "both_clauses"
            raise ServiceError("a placement needs both clauses signed: non-compete by the "
                               "freelance, non-solicitation by the decision maker; missing: "
                               + ", ".join(missing), code="clauses_missing", missing=code)
        _check_mission(start, end, buying_rate, selling_rate)
        with database.obj.atomic():
            needs.update_proposal(proposal_id, status="placed", placed_at=self.now(),
                                  non_compete_signed=True, non_solicitation_signed=True,
                                  start_date=start, end_date=end, buying_rate=buying_rate,
                                  selling_rate=selling_rate)
            needs.set_status(int(proposal.need_id), "won")
        return self._proposal(proposal_id)

    # -- recap e-mails -------------------------------------------------------------------------

    @store_guard
    def need_recap(self, need_id: int, caller_id: int, lang: str = "fr") -> MailDraft:
        """The e-mail to the decision maker restating the need captured on the call."""
        from cockpit.domain.recap import NeedFacts, do_recap
        from cockpit.store import needs, reads

        row = needs.get(need_id)
        if row is None:
            raise ServiceError(f"no need #{need_id}", code="no_need", id=need_id)
        contact = row.contact if row.contact_id else None
        company = row.company if row.company_id else None
        facts = NeedFacts(title=row.title or "", profile=row.profile or "",
                          tasks=row.tasks or "", technologies=row.technologies or "",
                          region=row.region or "", start=row.start or "",
                          duration=row.duration or "", budget_rate=row.budget_rate or None,
                          languages=row.languages or "", description=row.description or "")
        draft = do_recap(to=contact.email if contact else "",
                         civility=contact.civility if contact else "",
                         last_name=contact.last_name if contact else "",
                         company=company.name if company else "", need=facts,
                         caller_name=_caller_name(reads, caller_id), firm=self.firm_name,
                         lang=lang)
        return MailDraft(draft.to, draft.subject, draft.body, draft.mailto())

    @store_guard
    def freelance_recap(self, freelance_id: int, need_id: int | None, caller_id: int,
                        lang: str = "fr") -> MailDraft:
        """The e-mail to a freelance confirming the points of the call (never the budget)."""
        from cockpit.domain.recap import FreelanceFacts, freelance_recap
        from cockpit.store import needs, reads

        f = reads.freelance(freelance_id)
        if f is None:
            raise ServiceError(f"no freelance #{freelance_id}", code="no_freelance",
                               id=freelance_id)
        need = needs.get(need_id) if need_id is not None else None
        try:
            refs = json.loads(f.references or "[]")
        except ValueError:
            refs = []
        reference = ", ".join(v for v in refs[-1].values() if v) if refs else ""
        facts = FreelanceFacts(
            availability=f.availability,
            available_from=f.available_from, mobility=f.mobility, day_rate=f.day_rate,
            billing=f.billing if f.billing != "unknown" else "", siret=f.siret,
            reference=reference, cv_up_to_date=None)  # not kept: the recap asks for it
        draft = freelance_recap(to=f.email, first_name=f.first_name,
                                need_title=need.title if need else "",
                                client_region=need.region if need else "", facts=facts,
                                caller_name=_caller_name(reads, caller_id), firm=self.firm_name,
                                lang=lang)
        return MailDraft(draft.to, draft.subject, draft.body, draft.mailto())

    def save_eml(self, draft: MailDraft, path: str | os.PathLike[str], *,
                 stem: str = "recap", folder: bool = False, force: bool = False,
                 create_folder: bool = True) -> Path:
        """Write the draft as a .eml file a mail client opens as a new message: at `path`, or
        (a folder, or `folder`) in it under a new name, never over an earlier draft. Every
        .eml the cockpit writes goes through here (owner-only, never over the database).
        `create_folder` False: a folder is created only inside one that exists (a typo in a
        typed path must not become a tree of new folders)."""
        from cockpit.domain.recap import Draft
        from cockpit.services.outputs import (
            OutputError,
            eml_in_folder,
            is_database,
            is_own_file,
            own_file_refused,
            refuse_dash,
            shorten,
            write_output,
        )

        refuse_dash(path)
        target = Path(path).expanduser()
        # A header is one line: a title typed on two (an import, an old need) is joined.
        data = Draft(" ".join(draft.to.split()), " ".join(draft.subject.split()),
                     draft.body).eml(
            sender=self.setup.mail_from, date=self.now())
        if folder or target.suffix.casefold() != ".eml":  # a folder, created when missing
            if is_database(target, self.url):
                raise OutputError("output_is_database", target,
                                  "this is the database in use; choose another file")
            if is_own_file(target):
                raise own_file_refused(target)
            if not create_folder and not target.parent.is_dir():
                raise OutputError("output_no_folder", target, "its folder does not exist",
                                  folder=shorten(target.parent, 160))
            if target.exists() and not target.is_dir():
                raise ServiceError(f"{target} is not a folder", code="mail_dir_not_folder",
                                   path=str(target))
            target = eml_in_folder(target, f"{stem}-{self.now():%Y%m%d-%H%M%S}")
        return write_output(target, data, db_url=self.url, force=force)


# -- helpers -----------------------------------------------------------------------------------


def anonymise_text(text: str, names: tuple[str, ...], employers: Mapping[str, str],
                   ) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    from cockpit.domain.anonymise import anonymise

    result = anonymise(text, names=[n for n in names if n], employers=employers)
    return result.text, tuple((r.kind, r.original, r.replacement) for r in result.replacements)


def load_sectors(path: str | None) -> dict[str, str]:
    """The employers and their sectors: the shipped list (cockpit/cv/sectors.yaml) and the
    configured file (the `sectors` setting) on top, added to the companies the database
    knows."""
    from cockpit.cv.sectors import SectorsError, employer_sectors

    try:
        return employer_sectors(path)
    except SectorsError as exc:
        raise ServiceError(str(exc), code="sectors_file", path=path) from exc


def _profile(f: Any, margin: float) -> tuple[tuple[str, str], ...]:
    """What the decision maker reads of the freelance beside the CV: never the name, never
    the buying rate (the selling rate, at the firm's margin)."""
    from cockpit.domain.rates import selling_rate

    rate = (str(int(selling_rate(Decimal(f.day_rate), Decimal(str(margin)))))
            if f.day_rate else "")
    skills = ", ".join((f.skills or "").split())
    found = (("title", f.title or ""), ("skills", skills), ("availability", f.availability),
             ("available_from", f.available_from.strftime("%d/%m/%Y")
              if f.available_from else ""),
             ("mobility", f.mobility or ""), ("rate", rate))
    return tuple((k, v) for k, v in found if v)


def _check_mission(start: date | None, end: date | None, buying: int | None,
                   selling: int | None) -> None:
    """A mission's days in order and its rates sensible, said before anything is written."""
    if start is not None and end is not None and end < start:
        raise ServiceError(f"the mission ends ({end}) before it starts ({start})",
                           code="placement_dates", start=str(start), end=str(end))
    if (buying is not None and buying < 0) or (selling is not None and selling <= 0):
        raise ServiceError("day rates are whole euros: buying at least 0, selling above 0",
                           code="placement_rates")


def _zone_of_contact(contact_id: int) -> str:
    from cockpit.store import reads

    phones = reads.phones_of("contact", contact_id)
    return phones[0].time_zone if phones else "Europe/Paris"


def _caller_name(reads: Any, caller_id: int) -> str:
    caller = next((c for c in reads.callers() if c.id == caller_id), None)
    return f"{caller.first_name} {caller.last_name}".strip() if caller else ""


def _proposal_view(p: Any, cv_sent_note: str = "") -> ProposalView:
    from cockpit.store.times import aware

    f = p.freelance
    return ProposalView(
        id=int(p.id), freelance_id=int(p.freelance_id),
        freelance_name=f"{f.first_name} {f.last_name}".strip(), status=p.status,
        cv_sent_at=aware(p.cv_sent_at), interview_at=aware(p.interview_at),
        placed_at=aware(p.placed_at), non_compete_signed=bool(p.non_compete_signed),
        non_solicitation_signed=bool(p.non_solicitation_signed), cv_sent_note=cv_sent_note,
        start_date=p.start_date, end_date=p.end_date, buying_rate=p.buying_rate,
        selling_rate=p.selling_rate)


