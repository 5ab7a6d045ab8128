"""The services front: one object the UI and the CLI hold. It builds the parts, each an
object with its own state, and hands out their methods under the names the screens and the
commands call. A call in progress lives in `live` (one `LiveCall` each), the view of the
database in `connection`; the parts share them, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from cockpit.domain.calling_hours import BUSINESS, CallingPolicy
from cockpit.domain.script import ScriptSet
from cockpit.services.activity import ActivityServices
from cockpit.services.agenda import AgendaServices
from cockpit.services.call_end import CallEndServices
from cockpit.services.calls import CallServices
from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.creating import CreateServices
from cockpit.services.cv_files import CvFileServices
from cockpit.services.imports import ImportServices
from cockpit.services.live import LiveCalls
from cockpit.services.mend import MendServices
from cockpit.services.needs import NeedServices
from cockpit.services.offline import KeptEnds
from cockpit.services.part import DEFAULT_MARGIN, DEMO_FIRM, PARIS, Setup, open_setup
from cockpit.services.person_data import PersonDataServices
from cockpit.services.proposals import ProposalServices
from cockpit.services.queue import QueueServices
from cockpit.services.records import RecordServices
from cockpit.services.review import ReviewServices
from cockpit.services.rights import RightsServices
from cockpit.services.search import SearchServices
from cockpit.settings import Settings


class Services:
    def __init__(self, url: str, content: ScriptSet, clock: Callable[[], datetime],
                 policy: CallingPolicy = BUSINESS, firm_name: str = DEMO_FIRM,
                 dial_command: str | None = None, margin: float = DEFAULT_MARGIN,
                 phone: str = "", mail_from: str = "", sectors: str | None = None,
                 zone: tzinfo = PARIS) -> None:
        self.setup = setup = Setup(url, content, clock, policy, firm_name, False, dial_command,
                                   margin, phone, mail_from, sectors, zone)
        self.live = live = LiveCalls()  # the calls in progress
        # Only once nothing waits in memory does a write say the disk has room again.
        self.connection = connection = Connection(
            lambda: not kept.any_in_memory() and not live.drafts_waiting())
        self.kept = kept = KeptEnds(setup, connection)
        self.cards = cards = CardServices(setup, connection)
        self.queue = queue = QueueServices(setup, connection, cards)
        self.calls = calls = CallServices(setup, connection, live, kept)
        self.mend = mend = MendServices(setup, connection, kept)
        self.call_end = call_end = CallEndServices(setup, connection, live, calls, kept, mend)
        self.staffing = staffing = NeedServices(setup, connection)
        self.proposals = proposals = ProposalServices(setup, connection)
        self.review = review = ReviewServices(setup, connection, cards, queue)
        self.rights = rights = RightsServices(setup, connection, cards)
        self.person_data = data = PersonDataServices(setup, connection)
        self.imports = imports = ImportServices(setup, connection)
        self.activity = activity = ActivityServices(setup, connection, cards)
        self.creating = creating = CreateServices(setup, connection, cards)
        self.finder = finder = SearchServices(setup, connection)
        self.records = records = RecordServices(setup, connection, cards)
        self.cv = cv = CvFileServices(setup, connection)
        self.agenda_part = agenda = AgendaServices(setup, connection, cards, rights)

        # The public names the screens and the commands call (typed as the parts' methods).
        self.callers = cards.callers
        self.find_caller = cards.find_caller
        self.day_figures = cards.day_figures
        self.contact_card = cards.contact_card
        self.edit_contact = cards.edit_contact
        self.editable_fields = cards.editable_fields

        self.ranked = queue.ranked
        self.queue_page = queue.queue_page
        self.claim_next = queue.claim_next
        self.skip = queue.skip
        self.snooze = queue.snooze
        self.mark_do_not_call = queue.mark_do_not_call

        self.start_call = calls.start_call
        self.unfinished_call = calls.unfinished_call
        self.choose = calls.choose
        self.back = calls.back
        self.cancel_call = calls.cancel_call
        self.may_cancel = calls.may_cancel
        self.capture = calls.capture
        self.keep_alive = calls.keep_alive
        self.objections = calls.objections
        self.raise_objection = calls.raise_objection
        self.save_draft = calls.save_draft
        self.add_redirect = calls.add_redirect

        self.outcome_choices = call_end.outcome_choices
        self.propose_reminder = call_end.propose_reminder
        self.finish_call = call_end.finish_call
        self.flush_outbox = call_end.flush_outbox
        self.calls_to_mend = mend.calls_to_mend
        self.propose_mended = mend.propose_mended
        self.mend_call = mend.mend_call
        self.past_calls = mend.past_calls
        self.add_call_note = mend.add_call_note
        self.take_erased_dropped = kept.take_erased_dropped

        self.needs = staffing.needs
        self.need = staffing.need
        self.create_need = staffing.create_need
        self.set_need_status = staffing.set_need_status
        self.match_freelances = staffing.match_freelances
        self.search_freelances = staffing.search_freelances
        self.propose = proposals.propose
        self.anonymised_cv = proposals.anonymised_cv
        self.cv_mail = proposals.cv_mail
        self.send_cv = proposals.send_cv
        self.book_interview = proposals.book_interview
        self.record_placement = proposals.record_placement
        self.need_recap = proposals.need_recap
        self.freelance_recap = proposals.freelance_recap
        self.save_eml = proposals.save_eml
        self.attach_cv = cv.attach_cv
        self.cv_files = cv.cv_files
        self.save_cv_eml = cv.save_cv_eml

        self.figures = review.figures
        self.report = review.report
        self.pipeline = review.pipeline
        self.team_today = review.team_today
        self.open_reminders = review.open_reminders
        self.overdue_reminders = review.overdue_reminders
        self.reassign_reminder = review.reassign_reminder
        self.set_private_owner = review.set_private_owner

        self.team_members = rights.team_members
        self.team_is_empty = rights.team_is_empty
        self.database_has_people = rights.database_has_people
        self.team_add = rights.team_add
        self.team_set_lead = rights.team_set_lead
        self.team_leave = rights.team_leave
        self.set_firm_name = rights.set_firm_name
        self.start_team = rights.start_team
        self.change_portfolio = rights.change_portfolio
        self.find_people = data.find_people
        self.export_person = data.export_person
        self.forget_person = data.forget_person
        self.vacuum_erased = data.vacuum_erased
        self.stale_prospects = data.stale_prospects
        self.purge = data.purge
        self.dnc_add = data.dnc_add
        self.dnc_remove = data.dnc_remove
        self.dnc_list = data.dnc_list
        self.dnc_import = data.dnc_import
        self.export_table = data.export_table
        self.database_health = data.database_health
        self.audit = rights.audit
        self.signed_in = rights.signed_in
        self.acting_caller = rights.acting_caller
        self.acting_lead = rights.acting_lead
        self.check_reminder_change = rights.check_reminder_change
        self.forget_preview = data.forget_preview

        self.import_file = imports.import_file

        self.silent_decision_makers = activity.silent_decision_makers
        self.private_contacts = activity.private_contacts
        self.do_not_call_list = activity.do_not_call_list
        self.to_my_queue = activity.to_my_queue

        self.check_new = creating.checked
        self.duplicates = creating.duplicates
        self.create = creating.create

        self.search = finder.search
        self.company_record = records.company_record
        self.person_record = records.person_record
        self.add_note = records.add_note
        self.book_reminder = records.book_reminder
        self.agenda, self.move_reminder = agenda.agenda, agenda.move_reminder
        self.calendar_reminders = agenda.calendar_reminders

    @classmethod
    def open(cls, url: str, *, settings: Settings | None = None, content: str | None = None,
             clock: Callable[[], datetime] | None = None, **options: Any) -> Services:
        """The services on this database. `settings` None: read from the environment."""
        return cls.on(open_setup(url, settings=settings, content=content, clock=clock,
                                 **options))

    @classmethod
    def on(cls, setup: Setup) -> Services:
        """The services on a database `open_setup` opened (the first screen's read it)."""
        services = cls(setup.url, setup.content, setup.clock, setup.policy, setup.firm_name,
                       setup.dial_command, setup.margin, setup.phone, setup.mail_from,
                       setup.sectors, setup.zone)
        services.setup.firm_from_environment = setup.firm_from_environment
        return services

    # -- the run's values, and the connection's state (the top bar shows it) ---------------

    @property
    def url(self) -> str:
        return self.setup.url

    @property
    def content(self) -> ScriptSet:
        return self.setup.content

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.setup.clock

    @property
    def policy(self) -> CallingPolicy:
        return self.setup.policy

    @property
    def margin(self) -> float:
        return self.setup.margin

    @property
    def dial_command(self) -> str | None:
        return self.setup.dial_command

    @property
    def firm_name(self) -> str:
        return self.setup.firm_name

    @property
    def firm_from_environment(self) -> bool:
        return self.setup.firm_from_environment

    @property
    def offline(self) -> bool:
        return self.connection.offline

    @offline.setter
    def offline(self, value: bool) -> None:
        self.connection.offline = value

    @property
    def refused(self) -> str | None:
        return self.connection.refused

    @property
    def disk_full(self) -> bool:
        return self.connection.disk_full

    @property
    def erased_dropped(self) -> int:
        return self.kept.erased_dropped

    def now(self) -> datetime:
        return self.setup.clock()
