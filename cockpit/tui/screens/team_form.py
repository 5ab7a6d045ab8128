"""The lead adds a person to the team, from the review: name, e-mail, PostgreSQL login, lead or
not. The form saves them itself: a refusal (a name already taken, a login already someone's)
is said under its field and what was typed stays, to be corrected."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.message import Message

from cockpit.domain.captures import yes_or_no
from cockpit.services.errors import ServiceError
from cockpit.services.views import CallerView
from cockpit.tui.screens.form import FormField, FormModal
from cockpit.tui.workers import ServiceFailed, start_service

if TYPE_CHECKING:
    from cockpit.i18n import Translator

# Which field a refusal of the services is about, and (when the services' own words name a
# command-line option) the form's words for it.
_FIELD_OF = {"team_bad_name": "name", "team_duplicate": "name", "team_duplicate_left": "name",
             "team_bad_email": "email", "team_bad_login": "login",
             "team_login_taken": "login"}
_FORM_WORDS = {"team_bad_email": "team_form.bad_email", "team_bad_login": "team_form.bad_login"}


def said_in_a_form(tr: Translator, error: ServiceError) -> str:
    """A team refusal in a form's words: the services' own name the command-line option
    (`--email`), which a form has not."""
    words = _FORM_WORDS.get(error.code)
    return tr(words, **error.params) if words else tr.error(error)


@dataclass
class MemberAdded(Message):
    caller: CallerView


class TeamAddModal(FormModal):
    """Closes with the values once the person is in the team (`added` says who, as saved)."""

    def __init__(self, tr: Translator) -> None:
        super().__init__(tr("team_form.title"), [
            FormField("name", tr("team_form.name"), required=True),
            FormField("email", tr("team_form.email"), type="email"),
            FormField("login", tr("team_form.login")),
            FormField("lead", tr("team_form.lead"), type="yesno", required=True,
                      value=tr("team_form.no")),
        ])
        self.added: CallerView | None = None
        self._saving = False

    def accept(self, values: dict[str, str]) -> None:
        if self._saving:  # Enter then ctrl+s, fast: one person added, once
            return
        self._saving = True
        add = partial(self.app.services.team_add, values["name"], actor=self.app.caller.name,
                      lead=yes_or_no(values["lead"]), email=values["email"],
                      login=values["login"])

        def done(result: tuple[CallerView, bool]) -> MemberAdded:
            return MemberAdded(result[0])  # (them, whether first): never first from here

        start_service(self, add, done, group="team-add", exclusive=True)

    def action_cancel(self) -> None:
        if not self._saving:  # once sent, the lead hears how it went (added or refused)
            super().action_cancel()

    @on(MemberAdded)
    def _added(self, event: MemberAdded) -> None:
        self.added = event.caller
        self.dismiss(self.values())

    @on(ServiceFailed)
    def _refused(self, event: ServiceFailed) -> None:
        """A refusal about a field is said under it; anything else (the database gone) goes
        on to the app, which says it. Either way the form stays open, as typed."""
        self._saving = False
        error = event.error
        if not isinstance(error, ServiceError) or error.code not in _FIELD_OF:
            return
        event.stop()
        self.show_errors({_FIELD_OF[error.code]: said_in_a_form(self.app.tr, error)})
