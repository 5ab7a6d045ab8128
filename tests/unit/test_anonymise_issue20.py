"""What the anonymiser let through before (issue 20): birth dates, SIRET/SIREN, IBAN, the
name in a "Curriculum vitae — Prénom Nom" title, names with particles, employers' short
names and capitals; and the skills an unknown employer swallowed."""

from __future__ import annotations

import pytest

from cockpit.cv.sectors import employer_sectors
from cockpit.domain.anonymise import NAME, anonymise
from cockpit.domain.anonymise_ids import BANK, BIRTH, COMPANY_ID, SOCIAL


def _out(text: str) -> str:
    return anonymise(text, employers=employer_sectors()).text


@pytest.mark.parametrize("born", ["Né le 02/11/1965", "Date de naissance : 9 septembre 1989",
                                  "Née le 3 mars 1978 à Brest (29)", "née en 1984",
                                  "Date et lieu de naissance : 12/04/1980 à Saint-Malo"])
def test_birth_dates_and_places_go(born: str) -> None:
    out = _out(f"Profil\n{born}\nPython 3.12")
    for gone in ("1965", "1989", "1978", "1984", "1980", "Brest", "Saint-Malo", "septembre"):
        assert gone not in out, (born, out)
    assert BIRTH in out and out.endswith("Python 3.12")


def test_an_age_goes_but_not_a_duration() -> None:
    out = _out("Karim, 34 ans, marié\nÂge : 41 ans\n12 ans d'expérience ; Expérience : 20 ans"
               "\nMission de 3 ans chez Acme ; 18 mois")
    assert "34" not in out and "41" not in out
    for kept in ("12 ans d'expérience", "Expérience : 20 ans", "Mission de 3 ans", "18 mois"):
        assert kept in out


def test_company_numbers_go_when_their_key_checks_or_a_label_says_so() -> None:
    out = _out("SIRET : 732 829 320 00074\nSIREN 356000000\nTVA FR44732829320\n"
               "Micro-entreprise 552 100 554 et budget de 123 456 789 €")
    assert "732" not in out and "356000000" not in out and "552 100 554" not in out
    assert out.count(COMPANY_ID) == 4
    assert "123 456 789 €" in out  # its key fails and nothing says it is a SIREN


def test_bank_and_social_security_numbers_go() -> None:
    out = _out("IBAN FR76 3000 6000 0112 3456 7890 189 / FR7630006000011234567890189\n"
               "BIC : AGRIFRPP882\nSécurité sociale : 2 89 09 75 112 345 67 ; NIR 189097511234567")
    assert out.count(BANK) == 3 and out.count(SOCIAL) == 2
    assert not any(ch.isdigit() for ch in out)


@pytest.mark.parametrize(("title", "name"), [
    ("Curriculum vitae — Sylvie Le Roux", "Sylvie Le Roux"),
    ("JEAN-MARC DE LA FONTAINE", "Jean-Marc de La Fontaine"),
    ("# CV de Marie-Claire d'Artagnan", "Marie-Claire d'Artagnan"),
    ("Nom : VAN DER BERG\nPrénom : Thomas", "Thomas van der Berg"),
])
def test_names_with_particles_compounds_and_capitals_go_everywhere(title: str,
                                                                     name: str) -> None:
    last = name.split(" ", 1)[1]
    text = (f"{title}\nData engineer\nRéférent : M. {last} (Paris)\n"
            f"{name.upper()}\n{name}")
    out = _out(text)
    for word in name.replace("d'", "").split():
        if word.lower() not in ("de", "la", "le", "van", "der"):
            assert word.lower() not in out.lower(), (word, out)
    assert NAME in out and "Data engineer" in out and "(Paris)" in out


@pytest.mark.parametrize(("written", "sector"), [
    ("BNPP", "une banque"), ("SocGen", "une banque"), ("SG", "une banque"),
    ("LA POSTE", "un opérateur postal"), ("La Poste", "un opérateur postal"),
    ("CA-CIB", "une banque"), ("LCL", "une banque"), ("SNCF Réseau", "un acteur du transport"),
    ("SOCIETE GENERALE", "une banque"), ("Caisse d’Épargne", "une banque"),
    ("CAISSE D'EPARGNE", "une banque"),
])
def test_employers_short_names_and_capitals_become_their_sector(written: str,
                                                                sector: str) -> None:
    out = _out(f"2019 – 2023 : chez {written} Java 17 et Spring Boot, 4 ans")
    assert out == f"2019 – 2023 : chez {sector} Java 17 et Spring Boot, 4 ans"


def test_an_unknown_employer_never_takes_the_words_after_it() -> None:
    assert _out("chez Brioche Dorée Java 17 et Spring Boot") == \
        "chez une entreprise Java 17 et Spring Boot"
    assert _out("Client : Transports Morel Kubernetes 1.28, Helm") == \
        "Client : [entreprise] Kubernetes 1.28, Helm"


def test_an_acronym_is_an_employer_only_in_capitals() -> None:
    assert _out("Stage chez SG ; sg-prod et Lcl restent") == \
        "Stage chez une banque ; sg-prod et Lcl restent"


def test_nationality_and_personal_sites_go() -> None:
    out = _out("Nationalité : française\nDe nationalité marocaine\nsylvie-leroux.fr, "
               "jmdlf.dev/blog ; Socket.io et socket.io, ASP.NET")
    for gone in ("française", "marocaine", "leroux", "jmdlf"):
        assert gone not in out
    assert "Socket.io et socket.io, ASP.NET" in out


def test_a_table_of_labels_and_values_loses_only_the_employer() -> None:
    # A Word table read as "a | b" lines: "Client" labels the cell beside it; the next
    # row's label ("Compétences") is not an employer, and its skills stay.
    out = _out("Client | Transports Morel\nCompétences | Java, Angular\nDurée | 3 ans")
    assert "Transports Morel" not in out
    assert "Compétences | Java, Angular" in out and "Durée | 3 ans" in out


def test_a_table_with_a_client_column_still_loses_every_employer_below() -> None:
    out = _out("Période | Client | Rôle\n2021 | Transports Morel | Tech lead\n"
               "2019 | Laiterie Dupuis | Développeur")
    assert "Transports Morel" not in out and "Laiterie Dupuis" not in out
    assert "Tech lead" in out and "Développeur" in out and "Période | Client | Rôle" in out
