"""Employers in an anonymised CV: each known one becomes its sector ("BNP Paribas" →
"Banque"), one named after a marker ("chez …", "Client : …") too even when no list knows
it, guessed from the words of its name; the CV's own tables of missions name some."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from cockpit.domain.anonymise_marks import (
    _MARKER,
    _SECTOR,
    DEFAULT_SECTOR_WORDS,
    NAME,
    UNKNOWN_EMPLOYER,
    Record,
)
from cockpit.domain.text import fold


def _replace_employers(text: str, employers: Mapping[str, str],
                       sector_words: Mapping[str, str], record: Record) -> str:
    pattern, by_name = _employers_pattern(tuple(sorted(employers.items())))
    if pattern is not None:
        def employer(match: re.Match[str]) -> str:
            sector = by_name.get(_employer_key(match.group("core")), UNKNOWN_EMPLOYER)
            return _SECTOR + record("employer", match.group(0), sector) + _SECTOR

        text = pattern.sub(employer, text)
    sectors = set(employers.values()) | set(sector_words.values()) | {UNKNOWN_EMPLOYER, NAME}

    def unknown(match: re.Match[str]) -> str:
        start = match.start("name")
        if any(re.match(rf"{re.escape(sector)}(?![\w])", match.string[start:])
               for sector in sectors):
            return match.group(0)  # already a sector (anonymised twice)
        name = _employer_words(match.group("name"))
        if not name or name.startswith("[") or _looks_like_place_or_date(name):
            return match.group(0)  # not a company at all
        tail = match.group("name")[len(name):]
        sector = guess_sector(name, sector_words)
        return (match.group("marker") + _SECTOR
                + record("employer", name, sector) + _SECTOR + tail)

    return _MARKER.sub(unknown, text)


@lru_cache(maxsize=8)
def _employers_pattern(employers: tuple[tuple[str, str], ...],
                       ) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex for every known employer (longest first, so "BNP Paribas Cardif" before
    "BNP"), with the folded name of each -> its sector. Only the words that name a part of a
    group go with a name ("Crédit Agricole Assurances"): "chez La Poste Java 17" keeps
    "Java 17"."""
    names = sorted({n.strip() for n, _ in employers if len(n.strip()) >= 2}, key=len,
                   reverse=True)
    if not names:
        return None, {}
    by_name = {_employer_key(n): s for n, s in employers}
    # An acronym (SG, LCL, BNPP) only as written: "sg" or "Lcl" are other words.
    alternatives = [re.escape(n) if len(n) <= 4 and n.isupper() else _accent_insensitive(n)
                    for n in names]
    pattern = re.compile(rf"(?<![\w&-])(?P<core>{'|'.join(alternatives)})"
                         rf"(?:[ \t]+{_GROUP_WORDS})*(?![\w&]|-\w)")
    return pattern, by_name


def _employer_key(name: str) -> str:
    """A name as the employers' regex may have found it: any case, accents, spacing, either
    apostrophe."""
    return fold(" ".join(name.split())).replace("’", "'")


_GROUP_WORDS = (r"(?:Groupe?|France|SA|SAS|CIB|Services|Assurances|Bank|Banque|Réseau|"
                r"Voyageurs|Digital|IT|Technologies|Systems|Solutions|Cardif|Arkéa|Consulting|"
                r"Engineering|Immobilier|Corporate|Retail|Business|Mobilités|Connect|Invest)"
                r"(?![\w])")


def _employer_words(candidate: str) -> str:
    """The words of an employer no list knows, as far as they go: at most four capitalised
    words (with their particles), stopping at a technology, a number, a lower-case word or
    punctuation, so "Brioche Dorée Java 17 et Spring Boot" gives "Brioche Dorée"."""
    taken: list[str] = []
    capitalised = 0
    for match in re.finditer(r"\S+", candidate):
        word = match.group(0)
        bare = word.rstrip(".,;:)")
        lower = fold(bare)
        if lower in _LINKING:
            taken.append(word)
            continue
        if (not bare or lower in TECHNOLOGIES or (taken and bare[0].isdigit())
                or not (bare[0].isupper() or bare[0].isdigit()) or capitalised == 4):
            break
        taken.append(word)
        capitalised += 1
        if bare != word:  # "Acme," ends the name
            taken[-1] = bare
            break
    while taken and fold(taken[-1]) in _LINKING:
        taken.pop()
    return " ".join(taken) if taken else ""


_LINKING = {"de", "du", "des", "la", "le", "les", "&", "d'", "l'"}

# Technologies a CV names right after an employer ("chez Acme Java 17"): never part of it.
TECHNOLOGIES = frozenset(fold(w) for w in """
java python spring boot kubernetes k8s docker angular angularjs react vue vue.js node node.js
nodejs sql postgresql mysql mariadb mongodb redis cassandra elasticsearch kafka rabbitmq spark
hadoop scala go golang rust php symfony laravel django flask fastapi linux unix windows jira
confluence agile scrum safe kanban devops git gitlab github jenkins maven gradle hibernate jpa
rest graphql typescript javascript html css sass power bi tableau excel salesforce servicenow
sharepoint .net c# c++ cobol mainframe airflow dbt snowflake databricks pandas tensorflow
pytorch openshift helm prometheus grafana selenium cucumber junit kotlin swift android ios
flutter matlab terraform ansible aws azure gcp cloud ci/cd microservices api sap sas r ruby
rails perl bash powershell vmware citrix cisco oracle teradata informatica talend qlik looker
bigquery redshift nginx apache tomcat jboss wildfly websphere weblogic struts jsf primefaces
nestjs next.js nuxt svelte jquery bootstrap tailwind figma uml merise itil prince2 pmp togaf
""".split())  # noqa: SIM905 (a list of words reads better as words)


# A table's column of employers, by its heading: "| Période | Client | Rôle |".
_EMPLOYER_COLUMNS = {"client", "clients", "employeur", "entreprise", "societe", "client final",
                     "compagnie", "donneur d'ordre", "company", "employer"}


def with_table_employers(text: str, employers: Mapping[str, str],
                         sector_words: Mapping[str, str] | None = None) -> dict[str, str]:
    """The employers known, and those a table of the CV names in its "Client" or
    "Employeur" column (a Word table read as "a | b | c" lines, a Markdown table): no marker
    ("chez") announces them, the column does."""
    words = {**DEFAULT_SECTOR_WORDS, **(sector_words or {})}
    found = dict(employers)
    columns: list[int] = []
    width = 0
    for line in text.splitlines():
        cells = [c.strip().strip("*_ ").strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2:
            columns = []
            continue
        heading = [i for i, c in enumerate(cells) if fold(c.rstrip(" :")) in _EMPLOYER_COLUMNS]
        if heading == [0] and len(cells) == 2:
            # A two-column table of labels and values ("Client | SocGen", then
            # "Compétences | Java"): the label names the cell beside it, not a column.
            _add_employer(found, cells[1], words)
            columns = []
            continue
        if heading:
            columns, width = heading, len(cells)
            continue
        if not columns or len(cells) != width:
            continue
        for index in columns:
            _add_employer(found, cells[index], words)
    return found


def _add_employer(found: dict[str, str], name: str, words: Mapping[str, str]) -> None:
    if (2 <= len(name) <= 60 and not set(name) <= set("-: ")
            and fold(name) not in {fold(k) for k in found}):
        found[name] = guess_sector(name, words)


def guess_sector(name: str, sector_words: Mapping[str, str]) -> str:
    """The sector an unknown employer's own words give ("Mutuelle des Cheminots" →
    Assurance), else UNKNOWN_EMPLOYER."""
    folded = fold(name)
    return next((s for w, s in sector_words.items()
                 if re.search(rf"\b{re.escape(w)}\b", folded)), UNKNOWN_EMPLOYER)


def _looks_like_place_or_date(name: str) -> bool:
    return bool(re.fullmatch(r"[\d\s/.-]+", name))


def _accent_insensitive(name: str) -> str:
    """A regex matching the name whatever its accents, case and spacing, except that it
    starts with a capital: "Orange" the company, not "orange" the colour."""
    out = []
    for index, ch in enumerate(name):
        base = fold(ch)
        if ch.isspace():
            out.append(r"\s+")
        elif ch in "'’":  # "Caisse d'Épargne" typed with either apostrophe
            out.append("['’]")
        elif base.isalpha() and len(base) == 1:
            variants = {ch.lower(), ch.upper(), base, base.upper()}
            variants |= {v for v in _ACCENTED.get(base, "")}
            if index == 0:
                variants = {v for v in variants if v.isupper()}
            out.append("[" + "".join(sorted(re.escape(v) for v in variants)) + "]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_ACCENTED = {"a": "àâäáÀÂÄÁ", "e": "éèêëÉÈÊË", "i": "îïíÎÏÍ", "o": "ôöóÔÖÓ", "u": "ùûüúÙÛÜÚ",
             "c": "çÇ", "y": "ÿŸ", "n": "ñÑ"}
