"""Recap e-mails written after a call: to the decision maker, the need as understood; to the
freelance, the points they confirmed (seed 001). Drafts only: the caller reads, edits and
sends them from their own mail client. Never shows a freelance the client's budget or the
firm's margin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

_DAYS = {"fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
         "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
_MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre"),
           "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")}

_TEXT = {
    "fr": {
        "do_subject": "Votre besoin : {title} — {firm}",
        "do_hello": "Bonjour {who},",
        "do_thanks": "Merci pour notre échange de ce jour. Voici le besoin tel que je l'ai "
                     "compris :",
        "do_next": "Je reviens vers vous très vite avec des profils de consultants, présentés "
                   "sous forme de CV anonymes.",
        "fl_subject": "Mission {title} — récapitulatif de notre échange",
        "fl_subject_plain": "Récapitulatif de notre échange — {firm}",
        "fl_hello": "Bonjour {name},",
        "fl_thanks": "Merci pour notre échange. Voici les points que nous avons confirmés "
                     "ensemble :",
        "fl_mission": "Mission : {title}{where}",
        "fl_cv": "Pouvez-vous m'envoyer votre CV à jour en réponse à ce message ?",
        "fl_next": "Je vous tiens informé(e) dès que le client revient vers nous.",
        "bye": "Bien cordialement,",
        "profile": "Profil", "tasks": "Missions", "technologies": "Technologies",
        "region": "Lieu", "start": "Démarrage", "duration": "Durée", "languages": "Langues",
        "budget_rate": "Budget", "description": "Descriptif",
        "availability": "Disponibilité", "available_from": "Disponible à partir du",
        "available": "disponible", "on_mission": "en mission", "notice": "préavis",
        "mobility": "Mobilité", "day_rate": "TJM", "billing": "Facturation",
        "reference": "Référence", "cv": "CV", "cv_ok": "à jour",
        "own_company": "votre société", "siret": "SIRET", "portage": "portage salarial",
        "per_day": "€ HT/jour", "in": " — {region}",
    },
    "en": {
        "do_subject": "Your need: {title} — {firm}",
        "do_hello": "Hello {who},",
        "do_thanks": "Thank you for our call today. Here is the need as I understood it:",
        "do_next": "I will come back to you shortly with consultants' profiles, as anonymised "
                   "CVs.",
        "fl_subject": "{title} mission — summary of our call",
        "fl_subject_plain": "Summary of our call — {firm}",
        "fl_hello": "Hello {name},",
        "fl_thanks": "Thank you for our call. Here are the points we confirmed together:",
        "fl_mission": "Mission: {title}{where}",
        "fl_cv": "Could you reply with your up-to-date CV?",
        "fl_next": "I will let you know as soon as the client answers.",
        "bye": "Best regards,",
        "profile": "Profile", "tasks": "Tasks", "technologies": "Technologies",
        "region": "Location", "start": "Start", "duration": "Duration",
        "languages": "Languages", "budget_rate": "Budget", "description": "Description",
        "availability": "Availability", "available_from": "Available from",
        "available": "available", "on_mission": "on a mission", "notice": "serving notice",
        "mobility": "Mobility", "day_rate": "Day rate", "billing": "Billing",
        "reference": "Reference", "cv": "CV", "cv_ok": "up to date",
        "own_company": "your company", "siret": "SIRET", "portage": "umbrella company",
        "per_day": "€ excl. VAT/day", "in": " — {region}",
    },
}


@dataclass(frozen=True)
class NeedFacts:
    """What a decision-maker call captured."""

    title: str = ""
    profile: str = ""
    tasks: str = ""
    technologies: str = ""
    region: str = ""
    start: str = ""
    duration: str = ""
    budget_rate: int | None = None
    languages: str = ""
    description: str = ""


@dataclass(frozen=True)
class FreelanceFacts:
    """What a freelance call confirmed."""

    availability: str = ""  # available | on_mission | notice | "" (worded in the mail's language)
    available_from: date | None = None
    mobility: str = ""
    day_rate: int | None = None
    billing: str = ""  # own_company | portage | ""
    siret: str = ""
    reference: str = ""  # "name, company, phone"
    cv_up_to_date: bool | None = None


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str

    def mailto(self) -> str:
        """An RFC 6068 link: the mail client opens a new message with all of it filled."""
        body = self.body.replace("\r\n", "\n").replace("\n", "\r\n")
        return (f"mailto:{quote(self.to, safe='@')}?subject={quote(self.subject, safe='')}"
                f"&body={quote(body, safe='')}")

    def eml(self, sender: str, date: datetime) -> bytes:
        """A complete message; `X-Unsent: 1` makes mail clients open it as a draft."""
        message = EmailMessage()
        if sender:
            message["From"] = sender
        if self.to:
            message["To"] = self.to
        message["Subject"] = self.subject
        message["Date"] = format_datetime(date)
        message["X-Unsent"] = "1"
        message.set_content(self.body, charset="utf-8")
        return message.as_bytes()


def euros(amount: int, lang: str = "fr") -> str:
    """1200 → "1 200" with a narrow no-break space (French) or "1,200" (English)."""
    from cockpit.domain.text import grouped

    return grouped(amount, lang)


def long_date(day: date, lang: str = "fr") -> str:
    """"lundi 7 décembre 2026" / "Monday 7 December 2026"."""
    return (f"{_DAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]} "
            f"{day.year}")


def do_recap(*, to: str, civility: str, last_name: str, company: str, need: NeedFacts,
             caller_name: str, firm: str, lang: str = "fr") -> Draft:
    t = _TEXT[lang]
    who = " ".join(p for p in (civility, last_name) if p) or company or ""
    lines = [t["do_hello"].format(who=who).replace(" ,", ","), "", t["do_thanks"], ""]
    for key in ("profile", "tasks", "technologies", "region", "start", "duration",
                "languages", "description"):
        value = getattr(need, key).strip()
        if value:
            lines.append(f"- {t[key]} : {value}" if lang == "fr" else f"- {t[key]}: {value}")
    if need.budget_rate:
        amount = f"{euros(need.budget_rate, lang)} {t['per_day']}"
        lines.append(f"- {t['budget_rate']} : {amount}" if lang == "fr"
                     else f"- {t['budget_rate']}: {amount}")
    lines += ["", t["do_next"], "", t["bye"], caller_name, firm]
    subject = t["do_subject"].format(title=need.title or need.profile or "", firm=firm)
    return Draft(to, subject, "\n".join(lines) + "\n")


def freelance_recap(*, to: str, first_name: str, need_title: str, client_region: str,
                    facts: FreelanceFacts, caller_name: str, firm: str,
                    selling_rate_hidden: bool = True, lang: str = "fr") -> Draft:
    # selling_rate_hidden stays True by design: the freelance sees only their own rate.
    t = _TEXT[lang]
    sep = " : " if lang == "fr" else ": "
    lines = [t["fl_hello"].format(name=first_name).replace(" ,", ","), "", t["fl_thanks"], ""]
    if need_title:
        where = t["in"].format(region=client_region) if client_region else ""
        lines += [t["fl_mission"].format(title=need_title, where=where), ""]
    if facts.availability in ("available", "on_mission", "notice"):
        lines.append(f"- {t['availability']}{sep}{t[facts.availability]}")
    if facts.available_from:
        lines.append(f"- {t['available_from']} {long_date(facts.available_from, lang)}")
    if facts.mobility.strip():
        lines.append(f"- {t['mobility']}{sep}{facts.mobility.strip()}")
    if facts.day_rate:
        lines.append(f"- {t['day_rate']}{sep}{euros(facts.day_rate, lang)} {t['per_day']}")
    if facts.billing == "own_company":
        siret = f" ({t['siret']} {_spaced_siret(facts.siret)})" if facts.siret else ""
        lines.append(f"- {t['billing']}{sep}{t['own_company']}{siret}")
    elif facts.billing == "portage":
        lines.append(f"- {t['billing']}{sep}{t['portage']}")
    if facts.reference.strip():
        lines.append(f"- {t['reference']}{sep}{facts.reference.strip()}")
    if facts.cv_up_to_date:
        lines.append(f"- {t['cv']}{sep}{t['cv_ok']}")
    lines.append("")
    if not facts.cv_up_to_date:
        lines += [t["fl_cv"], ""]
    lines += [t["fl_next"], "", t["bye"], caller_name, firm]
    subject = (t["fl_subject"].format(title=need_title) if need_title
               else t["fl_subject_plain"].format(firm=firm))
    return Draft(to, subject, "\n".join(lines) + "\n")


def _spaced_siret(siret: str) -> str:
    digits = "".join(ch for ch in siret if ch.isdigit())
    if len(digits) != 14:
        return siret
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"
