"""Recap e-mails: only what was captured, French formats, never the budget to a freelance."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, date, datetime
from urllib.parse import parse_qs, unquote, urlsplit

from cockpit.domain.recap import FreelanceFacts, NeedFacts, do_recap, freelance_recap

NEED = NeedFacts(title="Développeur Java", technologies="Java 17, Spring, Kafka",
                 region="Lyon", start="janvier", budget_rate=1200)


def _do(need: NeedFacts = NEED, lang: str = "fr"):
    return do_recap(to="c.michel@solianto.fr", civility="Madame", last_name="Michel",
                    company="Solianto", need=need, caller_name="Mélissa Martin",
                    firm="Smarteo", lang=lang)


def test_the_decision_maker_recap_lists_exactly_what_was_captured() -> None:
    draft = _do()
    assert draft.subject == "Votre besoin : Développeur Java — Smarteo"
    assert draft.body.startswith("Bonjour Madame Michel,\n")
    assert "- Technologies : Java 17, Spring, Kafka" in draft.body
    assert "- Lieu : Lyon" in draft.body and "- Démarrage : janvier" in draft.body
    assert "- Budget : 1\u202f200 € HT/jour" in draft.body
    for absent in ("Durée", "Langues", "Missions", "Profil", "Descriptif"):
        assert absent not in draft.body  # empty fields leave no empty line
    assert draft.body.rstrip().endswith("Mélissa Martin\nSmarteo")


def test_english_labels() -> None:
    body = _do(lang="en").body
    assert body.startswith("Hello Madame Michel,") and "- Budget: 1,200 € excl. VAT/day" in body


FACTS = FreelanceFacts(availability="notice", available_from=date(2026, 12, 7),
                       mobility="Auvergne-Rhône-Alpes", day_rate=550, billing="own_company",
                       siret="73282932000074", reference="Paul Durand, Altiaris, 06 11 22 33 44")


def _freelance(facts: FreelanceFacts = FACTS):
    return freelance_recap(to="j.dupont@freelance.demo", first_name="Julie",
                           need_title="Développeur Java", client_region="Lyon", facts=facts,
                           caller_name="Mélissa Martin", firm="Smarteo")


def test_the_freelance_recap_confirms_their_points_and_never_the_budget() -> None:
    body = _freelance().body
    assert body.startswith("Bonjour Julie,")
    assert "Mission : Développeur Java — Lyon" in body
    assert "- Disponible à partir du lundi 7 décembre 2026" in body
    assert "- Disponibilité : préavis" in body
    assert "- TJM : 550 € HT/jour" in body
    assert "- Facturation : votre société (SIRET 732 829 320 00074)" in body
    assert "Paul Durand, Altiaris" in body
    assert "CV à jour" in body  # not confirmed: asked for
    for secret in ("1200", "1\u202f200", "marge", "Budget", "vente"):
        assert secret not in body


def test_an_english_recap_says_the_availability_in_english() -> None:
    body = freelance_recap(to="j@f.demo", first_name="Julie", need_title="Java developer",
                           client_region="Lyon", facts=FACTS, caller_name="Mélissa Martin",
                           firm="Smarteo", lang="en").body
    assert "- Availability: serving notice" in body and "préavis" not in body


def test_portage_and_a_cv_already_up_to_date() -> None:
    body = _freelance(FreelanceFacts(billing="portage", cv_up_to_date=True)).body
    assert "- Facturation : portage salarial" in body and "- CV : à jour" in body
    assert "Pouvez-vous m'envoyer" not in body and "TJM" not in body


def test_mailto_round_trips() -> None:
    draft = _do()
    link = urlsplit(draft.mailto())
    assert link.scheme == "mailto" and unquote(link.path) == "c.michel@solianto.fr"
    query = parse_qs(link.query, keep_blank_values=True)
    assert query["subject"] == [draft.subject]
    assert query["body"][0].replace("\r\n", "\n") == draft.body
    assert " " not in draft.mailto()


def test_eml_parses_back_as_an_unsent_utf8_message() -> None:
    draft = _freelance()
    data = draft.eml("melissa@smarteo.fr", datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message["X-Unsent"] == "1" and message["To"] == "j.dupont@freelance.demo"
    assert message["Subject"] == draft.subject
    assert message.get_content() == draft.body  # accents intact
