"""An anonymised CV (seed 001): what lets the client reach the freelance directly goes —
names, e-mails, phone numbers, postal addresses, links — and every employer becomes its
sector ("BNP Paribas" → "Banque"), which reads as prose after a preposition ("chez BNP
Paribas" → "chez une banque"). Skills, dates, durations, versions and mission cities stay.

Also removed: birth date and place, age, nationality, SIRET/SIREN/VAT, IBAN/BIC and the
social security number (anonymise_ids). The employers and their sectors come from the
caller (the shipped list cockpit/cv/sectors.yaml, COCKPIT_SECTORS, the database's companies).

Choices: the freelance's name becomes "Le consultant" (a heading keeps reading naturally);
two employers of one sector both read as that sector (the client learns the sector, which
is the point, and nothing more). Anonymising twice changes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cockpit.domain.anonymise_employers import _replace_employers, with_table_employers
from cockpit.domain.anonymise_ids import remove_bank_and_social, remove_identifiers
from cockpit.domain.anonymise_marks import (
    _SECTOR,
    ADDRESS,
    DEFAULT_SECTOR_WORDS,
    EMAIL,
    LINK,
    NAME,
    OTHER_PERSON,
    PHONE,
    UNKNOWN_EMPLOYER,
    Record,
)
from cockpit.domain.text import fold

_EMAIL = re.compile(
    # Starting where a word starts: from inside one, a long run of letters is read again and
    # again (a CV of one 60,000-character word took seconds).
    r"(?<![\w.+-])(?:mailto:)?[\w.+-]+\s*(?:@|\[\s*at\s*\]|\(\s*at\s*\)|\s+at\s+)\s*[\w-]+"
    r"(?:\s*(?:\.|\[\s*dot\s*\]|\(\s*dot\s*\)|\s+dot\s+)\s*[\w-]+)+",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:https?://|www\.|mailto:)[^)]*\)", re.IGNORECASE)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.-])(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|"
    r"malt\.fr|viadeo\.com|twitter\.com|x\.com)(?:/\S*)?",
    re.IGNORECASE,
)
# French numbers (+33, 0033, 0…; overseas 0590/0690…), grouped by spaces, dots or dashes.
_PHONE_FR = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)[1-9](?:[ .-]?\d){8}(?!\d)")
# Other international numbers: + and country code, then at least 6 more digits in groups.
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?!\d)")
_STREET = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter|quater|[a-d]))?,?\s+(?:rue|avenue|av\.|bd|boulevard|all[ée]e|"
    r"impasse|chemin|place|quai|route|cours|square|rés(?:idence)?|lotissement|voie|"
    r"passage|faubourg)\b[^\n,;·|]*"
    r"|\b(?:r[ée]sidence|b[âa]timent|appartement|lieu-dit)\s+[A-ZÀ-Ý][^\n,;·|]*",
    re.IGNORECASE,
)
_POSTCODE_CITY = re.compile(
    r"\b(?:F-)?(?:(?:0[1-9]|[1-8]\d|9[0-5]|2[AB])\d{3}|97[1-6]\d{2})\s+"
    r"[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*)*(?:\s+(?:Cedex|CEDEX)(?:\s+\d{1,2})?)?")




@dataclass(frozen=True)
class Replacement:
    kind: str  # name | email | phone | address | link | employer
    original: str
    replacement: str


@dataclass(frozen=True)
class Anonymised:
    text: str
    replacements: tuple[Replacement, ...]


def anonymise(text: str, *, names: Iterable[str] = (),
              employers: Mapping[str, str] | None = None,
              sector_words: Mapping[str, str] | None = None,
              find: bool = True) -> Anonymised:
    """`names`: the freelance's, when known; `find`: also the names the CV itself gives
    (its heading, "Nom :" lines) — off when the text is one paragraph of a document whose
    names were found on the whole (find_names)."""
    found: list[Replacement] = []

    def record(kind: str, original: str, replacement: str) -> str:
        if not any(r.kind == kind and r.original == original for r in found):
            found.append(Replacement(kind, original, replacement))
        return replacement

    words = {**DEFAULT_SECTOR_WORDS, **(sector_words or {})}
    if find:
        employers = with_table_employers(text, employers or {}, words)
    all_names = [*names, *(find_names(text, employers or {}) if find else ())]
    # Links and e-mails first: their text holds names and digits the later steps would split.
    text = _MD_LINK.sub(lambda m: record("link", m.group(0), LINK), text)
    text = _EMAIL.sub(lambda m: record("email", m.group(0), EMAIL), text)
    text = _URL.sub(lambda m: _link(m.group(0), record), text)
    text = _SITE.sub(lambda m: _site(m, record), text)
    text = remove_bank_and_social(text, record)
    text = _PHONE_FR.sub(lambda m: record("phone", m.group(0), PHONE), text)
    text = _PHONE_INTL.sub(lambda m: _phone_or_keep(m.group(0), record), text)
    text = remove_identifiers(text, record)
    text = _STREET.sub(lambda m: record("address", m.group(0).strip(), ADDRESS), text)
    text = _POSTCODE_CITY.sub(lambda m: record("address", m.group(0), ADDRESS), text)
    text = _replace_names(text, all_names, record)
    text = _OTHER_PERSON.sub(lambda m: _other_person(m, record), text)
    text = _CIVILITY_NAME.sub(NAME, text)  # "Mme Le Roux" → "Le consultant", not "Mme Le…"
    text = _replace_employers(text, dict(employers or {}), words, record)
    return Anonymised(_in_prose(text), tuple(found))


_CIVILITY_NAME = re.compile(rf"\b(?:M\.|Mme|Mlle|Mr|Monsieur|Madame|Mademoiselle)\s+{NAME}")


def _link(url: str, record: Record) -> str:
    bare = url.rstrip(".,;)")
    return record("link", bare, LINK) + url[len(bare):]


def _site(match: re.Match[str], record: Record) -> str:
    if fold(match.group(0)) in _TECH_DOMAINS:
        return match.group(0)
    return _link(match.group(0), record)


# A personal site written without http: "sylvie-leroux.fr", "jmdlf.dev/blog". Lower case
# only, so "Node.js" or "ASP.NET" stay; the names of technologies that look like sites too.
_SITE = re.compile(r"(?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:fr|com|dev|net|org|"
                   r"eu|me|tech|pro|info|io|site|blog)\b(?:/[^\s)]*)?")
_TECH_DOMAINS = {"socket.io", "asp.net", "ado.net", "vb.net", "gitlab.com", "github.com",
                 "docker.io", "quay.io", "npmjs.com", "pypi.org", "nodejs.org"}


# How a sector reads after "chez", "pour", "de"…: "chez une banque", not "chez Banque".
# A sector configured elsewhere (COCKPIT_SECTORS) keeps its label: its grammar is unknown.
# Only the sectors put in place of an employer are rephrased ("École de Commerce" stays):
# they are framed by this mark, which is taken out once they are.
SECTOR_IN_PROSE: Mapping[str, str] = {
    "Banque": "une banque", "Assurance": "un assureur",
    "Aéronautique": "un acteur de l'aéronautique", "Défense": "un acteur de la défense",
    "Télécoms": "un opérateur télécoms", "Transport": "un acteur du transport",
    "Automobile": "un acteur de l'automobile", "Énergie": "un énergéticien",
    "Grande distribution": "une enseigne de la grande distribution", "ESN": "une ESN",
    "Pharmacie": "un laboratoire pharmaceutique", "Commerce": "une enseigne",
    "Luxe et cosmétique": "un groupe du luxe", "Santé": "un établissement de santé",
    "Administration": "une administration", "Services postaux": "un opérateur postal",
    UNKNOWN_EMPLOYER: "une entreprise",
}
_IN_PROSE = re.compile(
    r"(?<![\w'’])(?P<prep>(?i:chez|pour le compte de|pour|avec|au sein de|auprès de|de|à))\s+"
    + _SECTOR + r"(?P<sector>"
    + "|".join(re.escape(s) for s in sorted(SECTOR_IN_PROSE, key=len, reverse=True))
    + r")" + _SECTOR)


def _in_prose(text: str) -> str:
    def phrase(match: re.Match[str]) -> str:
        words = SECTOR_IN_PROSE[match.group("sector")]
        prep = match.group("prep")
        if prep == "de" or prep.endswith(" de"):  # "de" + "un acteur…" → "d'un acteur…"
            return f"{prep[:-2]}d'{words}"
        return f"{prep} {words}"

    return _IN_PROSE.sub(phrase, text).replace(_SECTOR, "")


def _phone_or_keep(candidate: str, record: Record) -> str:
    digits = re.sub(r"\D", "", candidate)
    if len(digits) < 8:  # "+2 ans", "+15 %": not a number to call
        return candidate
    return record("phone", candidate, PHONE)


def find_names(text: str, employers: Iterable[str] = ()) -> list[str]:
    """The freelance's name as the CV gives it: in a "Nom : …" / "Prénom : …" line, or
    heading it — two to five capitalised words, particles and compound names included, in one
    of its first three non-empty lines ("# Jean Dupont", "Curriculum vitae — Sylvie Le Roux",
    "**Karim Benali** — DevOps", "JEAN-MARC DE LA FONTAINE"). A known employer heading the
    CV is not its name."""
    companies = {fold(e) for e in employers}
    found = [m.group("name").strip() for m in _NAME_LABEL.finditer(text)]
    lines = [line for line in text.splitlines() if line.strip()][:3]
    for line in lines:
        plain = line.replace("**", "").replace("__", "")
        plain = re.sub(r"^[#>*\s]*(?:CV|Curriculum\s+vit(?:ae|æ))\s+de\s+", "", plain,
                       flags=re.IGNORECASE)
        for head in re.split(r"\s[—–|·:-]\s|,|:", plain):
            match = _HEADING_NAME.match(head)
            if (match and _could_be_a_name(match.group(1))
                    and fold(match.group(1)) not in companies):
                return [*found, match.group(1)]
    return found


_WORD = r"(?:[dD]['’])?[A-ZÀ-Ý][\w'’-]+"
_PARTICLE = r"(?:de|du|des|d['’]|le|la|van|von|der|di|da|del|DE|DU|DES|LE|LA)"
_FULL_NAME = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD}){{1,3}}"
_HEADING_NAME = re.compile(rf"^[#>*\s]*(?:(?:CV|Curriculum\s+vit(?:ae|æ))\s+)?({_FULL_NAME})"
                           r"[ \t]*$")
# Other people a CV names, who never agreed to be sent to a client: after a civility
# ("M. Paul Durand", "Mme Martin"), or after the label of a reference or a manager
# ("Manager : Sophie Martin", "Référent : Paul Durand"). The freelance's own name has already
# become NAME, which a civility keeps before it.
_CIVILITY = r"(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Monsieur|Madame|Mademoiselle|Dr\.?)"
_OTHER_PERSON = re.compile(
    rf"(?P<civility>\b{_CIVILITY}[ \t]+)(?!{NAME}\b)"
    rf"(?P<name>{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD}){{0,2}})"
    rf"|(?P<label>\b(?:[Mm]anager|[Rr]esponsable|[Rr][ée]f[ée]rente?s?|[Rr][ée]f[ée]rences?|"
    rf"[Tt]ut(?:eur|rice)|[Ss]up[ée]rieur(?:e)?(?:[ \t]+hi[ée]rarchique)?|N\+1|[Ss]upervisor|"
    rf"[Rr]eferees?)[ \t]*:[ \t]*)(?!{NAME}\b)(?P<full>{_FULL_NAME})")


def _other_person(match: re.Match[str], record: Record) -> str:
    name = match.group("name") or match.group("full")
    if not _could_be_a_name(name):
        return match.group(0)
    kept = match.group("label") or ""  # "Manager : " stays, so the line still reads
    return kept + record("other_person", match.group(0)[len(kept):], OTHER_PERSON)


_NAME_LABEL = re.compile(
    rf"^[ \t*#>-]*(?:Nom(?:\s+et\s+pr[ée]nom|\s+complet)?|Pr[ée]nom(?:\s+et\s+nom)?)"
    rf"[ \t]*:[ \t]*(?P<name>{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD}){{0,3}})"
    r"[ \t]*$", re.MULTILINE)


def _could_be_a_name(candidate: str) -> bool:
    return not any(fold(w) in _NOT_NAME_WORDS for w in re.split(r"[\s-]+", candidate))


# Heading words that say it is not a person's name ("Développeur Java", "Curriculum Vitae").
_NOT_NAME_WORDS = {
    "curriculum", "vitae", "cv", "developpeur", "developpeuse", "ingenieur", "ingenieure",
    "consultant", "consultante", "chef", "cheffe", "architecte", "expert", "experte",
    "competences", "experiences", "experience", "formation", "formations", "profil", "data",
    "devops", "senior", "junior", "manager", "directeur", "directrice", "lead", "analyste",
    "missions", "projet", "projets", "references", "developer", "engineer", "full", "stack",
    "software", "freelance", "backend", "frontend", "cloud", "architect", "product", "owner",
    "scrum", "master", "business", "analyst", "java", "python", "fonctionnel", "technique",
    "responsable", "administrateur", "administratrice", "systeme", "systemes", "reseau",
    "reseaux", "securite", "test", "tests", "qualite", "langues", "centres", "interets",
    "contact", "coordonnees", "paris", "lyon", "france", "disponible", "mobilite", "web",
    "mobile", "big", "sap", "salesforce", "delivery", "support", "production", "integration",
}


def _name_parts(names: Iterable[str]) -> list[str]:
    """The whole name and the pieces a CV may use alone: each word, a particle going with the
    word after it ("Le Roux", "de La Fontaine", "La Fontaine"), never a particle alone."""
    parts: set[str] = set()
    particles = re.compile(rf"^{_PARTICLE}$", re.IGNORECASE)
    for name in names:
        words = name.split()
        if not words:
            continue
        parts.add(" ".join(words))
        for index, word in enumerate(words):
            if particles.match(word) or len(word) < 2:
                continue
            parts.add(word)
            start = index
            while start > 0 and particles.match(words[start - 1]):
                start -= 1
                parts.add(" ".join(words[start:index + 1]))
    return sorted(parts, key=len, reverse=True)  # the full name before its pieces


def _replace_names(text: str, names: list[str], record: Record) -> str:
    parts = _name_parts(names)
    if not parts:
        return text
    folded_parts = {fold(p) for p in parts}
    # Initials next to a last name ("J.-P. Lefèvre", "J. Dupont") go with it.
    initials = r"(?:[A-ZÀ-Ý]\.(?:-?[A-ZÀ-Ý]\.)?\s*)?"

    # Compare on folded text by scanning words: accents and case never hide a name.
    words = list(re.finditer(r"[\w'’-]+", text))
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        best = 0
        for length in (5, 4, 3, 2, 1):
            chunk = words[index:index + length]
            if len(chunk) == length and fold(" ".join(w.group(0) for w in chunk)) in folded_parts:
                best = length
                break
        if best:
            start, end = words[index].start(), words[index + best - 1].end()
            before = re.search(initials + r"$", text[:start])
            if before and before.group(0).strip():
                start = before.start()
            spans.append((start, end))
            index += best
        else:
            index += 1
    out, last = [], 0
    for start, end in _merge(spans, text):
        out.append(text[last:start])
        out.append(record("name", text[start:end], NAME))
        last = end
    out.append(text[last:])
    return "".join(out)


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Adjacent name parts ("Hélène" "Müller-Lefèvre") become one replacement."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
