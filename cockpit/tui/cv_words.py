"""The e-mail that carries an anonymised CV, and the history line its sending writes, in the
caller's language (the services return the facts: `CvMail`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit.domain.recap import Draft
from cockpit.services.later_views import MailDraft

if TYPE_CHECKING:
    from cockpit.i18n import Translator
    from cockpit.services.later_views import CvMail


def cv_mail_draft(mail: CvMail, tr: Translator) -> MailDraft:
    who = " ".join(p for p in (mail.civility, mail.last_name) if p)
    profile = [f"- {tr('cv_mail.profile.' + key)} : {_value(key, value, tr)}"
               for key, value in mail.profile]
    body = "\n".join((tr("cv_mail.hello", who=who).replace(" ,", ","), "",
                      tr("cv_mail.intro", title=mail.need_title), "", *profile,
                      *([""] if profile else []), tr("cv_mail.attached"), "",
                      tr("cv_mail.next"), "", tr("cv_mail.bye"), mail.caller_name, mail.firm))
    draft = Draft(mail.to, tr("cv_mail.subject", title=mail.need_title, firm=mail.firm), body)
    return MailDraft(draft.to, draft.subject, draft.body, draft.mailto())


def _value(key: str, value: str, tr: Translator) -> str:
    if key == "availability":
        return tr("cv_mail.availability." + value)
    if key == "rate":
        return tr("cv_mail.rate", rate=value)
    return value


def cv_history(mail: CvMail, where: str, tr: Translator) -> str:
    """"CV de Jean Martin envoyé pour « Développeur Java » : ~/envois/cv.eml"."""
    return tr("cv_mail.history", name=mail.freelance_name, title=mail.need_title, where=where)
