"""The anonymised CV: nothing that lets the client reach the freelance is left; the skills,
dates and places of missions are."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cockpit.cv.sectors import employer_sectors
from cockpit.domain.anonymise import (
    ADDRESS,
    EMAIL,
    LINK,
    NAME,
    OTHER_PERSON,
    PHONE,
    anonymise,
    fold,
)

EMPLOYERS = {"BNP Paribas": "Banque", "Société Générale": "Banque", "Capgemini": "ESN",
             "Airbus": "Aéronautique", "Orange": "Télécoms", "AXA": "Assurance"}

JAVA = """# Jean-Pierre Lefèvre

Développeur Java senior — 12 ans d'expérience
jp.lefevre@gmail.com · 06 12 34 56 78 · +33 (0)6 98 76 54 32

## Compétences
Java 17, Spring Boot 3.1, Kafka, Angular 15.2, PostgreSQL

## Expériences
- 2019 – 2023 : Lead dev chez BNP Paribas (Paris), TJM 550 €, équipe de 8
- 01/2016 – 06/2019 : Développeur chez Capgemini pour le compte de Airbus
Références : J.-P. Lefèvre connaît bien l'équipe de SOCIETE GENERALE
"""

DEVOPS = """Curriculum vitae

**Karim Benali** — Ingénieur DevOps
[Mon LinkedIn](https://www.linkedin.com/in/karim-benali-42) | [GitHub](https://github.com/kbenali)
Tél. : 0690.12.34.56 — e-mail : karim(at)benali-consulting(dot)fr — 0033 6 11 22 33 44
Basé à Pointe-à-Pitre (97110 Pointe-à-Pitre), mobile France entière

## Missions
* 2021–2024 chez Orange : Kubernetes 1.27, Terraform, Ansible ; 3 ans
* 2018–2021 : Client : Crédit Mutuel Arkéa — CI/CD GitLab, astreintes
"""

PMO = """HÉLÈNE MÜLLER-LEFÈVRE
Cheffe de projet MOA — anglais courant, allemand bilingue
12 bis rue Émile Zola, 69003 Lyon · helene.muller@outlook.fr · +41 22 555 01 32

Expériences
- 2020-2024 : Pilotage de la refonte CRM chez AXA (Lyon) ; budget 2 M€, 15 personnes
- 2015-2020 : PMO chez Société Générale, La Défense
Hélène a encadré 4 chefs de projet ; Mme Müller-Lefèvre est disponible en janvier.
"""


def _leftover_digits(text: str) -> list[str]:
    """Runs of 8 or more digits once separators are ignored: a phone number left behind."""
    return [m for m in re.findall(r"\+?\d[\d\s.()-]{6,}\d", text)
            if len(re.sub(r"\D", "", m)) >= 8
            and not re.fullmatch(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", m)]


def test_java_developer_cv() -> None:
    result = anonymise(JAVA, names=["Jean-Pierre", "Lefèvre"], employers=EMPLOYERS)
    out = result.text
    for gone in ("Lefèvre", "lefevre", "Jean-Pierre", "J.-P.", "BNP", "Capgemini", "Airbus",
                 "GENERALE", "@", "gmail"):
        assert fold(gone) not in fold(out), gone
    assert not _leftover_digits(out)
    for kept in ("Java 17", "Spring Boot 3.1", "Angular 15.2", "2019 – 2023",
                 "01/2016 – 06/2019", "TJM 550 €", "12 ans", "(Paris)", "## Compétences"):
        assert kept in out, kept
    assert out.startswith(f"# {NAME}\n")
    # Sectors read as prose after a preposition, as labels elsewhere.
    assert "chez une banque" in out
    assert "chez une ESN pour le compte d'un acteur de l'aéronautique" in out
    assert "l'équipe d'une banque" in out
    kinds = {r.kind for r in result.replacements}
    assert kinds == {"name", "email", "phone", "employer"}


def test_devops_cv_with_overseas_number_and_markdown_links() -> None:
    out = anonymise(DEVOPS, employers=EMPLOYERS).text  # the name comes from the heading
    for gone in ("Karim", "Benali", "linkedin", "github", "http", "0690", "Orange", "Arkéa",
                 "97110"):
        assert fold(gone) not in fold(out), gone
    assert not _leftover_digits(out)
    assert LINK in out and PHONE in out and EMAIL in out and ADDRESS in out
    assert "chez un opérateur télécoms" in out and "Client : Banque" in out
    for kept in ("Kubernetes 1.27", "2021–2024", "3 ans", "mobile France entière",
                 "## Missions", "* 2018–2021"):
        assert kept in out, kept


def test_project_manager_with_accents_and_an_address() -> None:
    out = anonymise(PMO, names=["Hélène", "Müller-Lefèvre"], employers=EMPLOYERS).text
    for gone in ("Hélène", "HELENE", "Müller", "Lefèvre", "Emile Zola", "69003", "outlook",
                 "AXA", "Société Générale", "555"):
        assert fold(gone) not in fold(out), gone
    assert not _leftover_digits(out)
    for kept in ("anglais courant", "2020-2024", "2 M€", "15 personnes", "(Lyon)",
                 "La Défense", "en janvier"):
        assert kept in out, kept


def test_nothing_to_remove_leaves_the_text_as_it_is() -> None:
    text = "## Compétences\n\n- Python 3.12, Django 5 ; 7 ans\n- Disponible le 04/01/2027\n"
    result = anonymise(text)
    assert result.text == text and result.replacements == ()


_SPELLINGS = [
    "0{a} {b} {c} {d} {e}", "0{a}.{b}.{c}.{d}.{e}", "0{a}{b}{c}{d}{e}", "0{a}-{b}-{c}-{d}-{e}",
    "+33 {a} {b} {c} {d} {e}", "+33 (0){a} {b} {c} {d} {e}", "+33{a}{b}{c}{d}{e}",
    "0033 {a} {b} {c} {d} {e}",
]


@given(
    spelling=st.sampled_from(_SPELLINGS),
    first=st.sampled_from(["6", "7", "1", "2", "9"]),
    groups=st.lists(st.integers(0, 99), min_size=4, max_size=4),
    before=st.text(alphabet="abcdéèà ,;:\n", max_size=20),
    after=st.text(alphabet="abcdéèà ,;:\n", max_size=20),
)
def test_french_numbers_go_in_every_spelling(spelling: str, first: str, groups: list[int],
                                             before: str, after: str) -> None:
    b, c, d, e = (f"{g:02d}" for g in groups)
    number = spelling.format(a=first, b=b, c=c, d=d, e=e)
    out = anonymise(f"{before} {number} {after}").text
    assert PHONE in out
    assert not _leftover_digits(out)


@given(st.sampled_from([JAVA, DEVOPS, PMO]), st.sampled_from([(), ("Jean-Pierre", "Lefèvre")]))
def test_anonymising_twice_changes_nothing(text: str, names: tuple[str, ...]) -> None:
    once = anonymise(text, names=names, employers=EMPLOYERS).text
    assert anonymise(once, names=names, employers=EMPLOYERS).text == once


def test_a_company_name_that_is_also_a_word_goes_only_when_capitalised() -> None:
    out = anonymise("Stage chez Orange ; une interface orange et verte",
                    employers=employer_sectors()).text
    assert out == "Stage chez un opérateur télécoms ; une interface orange et verte"


def test_only_the_sectors_put_for_an_employer_read_as_prose() -> None:
    """A sector's name the CV itself wrote stays as written ("École de Commerce" is not
    "École d'une enseigne"); the one that replaced an employer reads as prose."""
    out = anonymise("Formation : École de Commerce de Lyon ; stage chez Decathlon",
                    employers=employer_sectors()).text
    assert out == "Formation : École de Commerce de Lyon ; stage chez une enseigne"


def test_the_other_people_a_cv_names_go_too() -> None:
    # A reference or a manager never agreed to be sent to a client, nor reached through him.
    text = ("Jean Dupont\nDéveloppeur Java\n"
            "- 2019-2024 : Tech lead. Manager : Sophie Martin, très exigeante\n"
            "Références : M. Paul Durand, DSI ; Mme Le Gall ; Référente : Claire De La Tour\n"
            "Responsable : Scrum Master certifié\nM. Dupont est disponible en janvier.\n")
    out = anonymise(text).text
    for name in ("Sophie", "Martin", "Paul", "Durand", "Le Gall", "Claire", "La Tour"):
        assert name not in out, name
    assert out.count(OTHER_PERSON) == 4
    assert "Manager : [nom retiré], très exigeante" in out  # the line still reads
    assert "Responsable : Scrum Master certifié" in out  # a role, not a person
    assert f"{NAME} est disponible" in out  # the freelance is still the consultant
