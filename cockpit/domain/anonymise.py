"""An anonymised CV (seed 001): what lets the client reach the freelance directly goes —
names, e-mails, phone numbers, postal addresses, links — and every employer becomes its
sector ("BNP Paribas" → "Banque"), which reads as prose after a preposition ("chez BNP
Paribas" → "chez une banque"). Skills, dates, durations, versions and mission cities stay.

Choices: the freelance's name becomes "Le consultant" (a heading keeps reading naturally);
two employers of one sector both read as that sector (the client learns the sector, which
is the point, and nothing more). Anonymising twice changes nothing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from cockpit.domain.text import fold

NAME = "Le consultant"
EMAIL = "[e-mail retiré]"
PHONE = "[téléphone retiré]"
ADDRESS = "[adresse retirée]"
LINK = "[lien retiré]"
UNKNOWN_EMPLOYER = "[entreprise]"

# Large French employers a CV often names, known without any configuration; the database's
# companies and the configured list (COCKPIT_SECTORS) come on top.
WELL_KNOWN_EMPLOYERS: Mapping[str, str] = {
    **dict.fromkeys(("BNP Paribas", "Société Générale", "Crédit Agricole", "LCL", "BPCE",
                     "Natixis", "La Banque Postale", "Crédit Mutuel", "CIC", "HSBC",
                     "Caisse d'Épargne", "Banque Populaire", "Boursorama"), "Banque"),
    **dict.fromkeys(("AXA", "Allianz", "Generali", "CNP Assurances", "Groupama", "MAIF",
                     "MACIF", "Covéa", "AG2R La Mondiale", "Malakoff Humanis"), "Assurance"),
    **dict.fromkeys(("Airbus", "Safran", "Dassault Aviation"), "Aéronautique"),
    **dict.fromkeys(("Thales", "Naval Group", "MBDA"), "Défense"),
    **dict.fromkeys(("Orange", "SFR", "Bouygues Telecom"), "Télécoms"),
    **dict.fromkeys(("SNCF", "RATP", "Air France", "CMA CGM"), "Transport"),
    **dict.fromkeys(("Renault", "Stellantis", "PSA", "Valeo", "Michelin"), "Automobile"),
    **dict.fromkeys(("EDF", "Engie", "TotalEnergies", "Enedis"), "Énergie"),
    **dict.fromkeys(("Carrefour", "Auchan", "Leclerc", "Intermarché"),
                    "Grande distribution"),
    **dict.fromkeys(("Capgemini", "Sopra Steria", "Atos", "CGI", "Accenture", "Alten",
                     "Akkodis", "Inetum", "Devoteam", "Altran"), "ESN"),
    **dict.fromkeys(("Sanofi", "Servier"), "Pharmacie"),
    **dict.fromkeys(("Decathlon", "Fnac Darty", "Leroy Merlin", "Boulanger"), "Commerce"),
    **dict.fromkeys(("L'Oréal", "LVMH", "Kering"), "Luxe et cosmétique"),
}

# Words in an employer's name that give its sector away, for employers the lists do not know.
DEFAULT_SECTOR_WORDS: Mapping[str, str] = {
    "banque": "Banque", "bank": "Banque", "credit": "Banque", "caisse d'epargne": "Banque",
    "assurance": "Assurance", "assurances": "Assurance", "mutuelle": "Assurance",
    "insurance": "Assurance", "telecom": "Télécoms", "telecoms": "Télécoms",
    "energie": "Énergie", "energy": "Énergie", "hopital": "Santé", "sante": "Santé",
    "pharma": "Pharmacie", "aero": "Aéronautique", "aeronautique": "Aéronautique",
    "automobile": "Automobile", "transport": "Transport", "logistique": "Transport",
    "consulting": "ESN", "conseil": "ESN", "ingenierie": "ESN", "informatique": "ESN",
    "digital": "ESN", "ministere": "Administration", "mairie": "Administration",
    "region": "Administration", "retail": "Commerce", "distribution": "Grande distribution",
}

# An employer named after one of these markers is replaced even if no list knows it.
_MARKER = re.compile(
    r"(?P<marker>\b(?i:chez|client\s*:|soci[ée]t[ée]\s*:|employeur\s*:|entreprise\s*:|"
    r"pour le compte de|at)\s+)"
    r"(?P<name>[A-ZÀ-Ý0-9][\w&'’.-]*(?:[ \t]+(?:[A-ZÀ-Ý0-9&][\w&'’.-]*|de|du|des|la|le|et|&))*)",
)

_EMAIL = re.compile(
    r"(?:mailto:)?[\w.+-]+\s*(?:@|\[\s*at\s*\]|\(\s*at\s*\)|\s+at\s+)\s*[\w-]+"
    r"(?:\s*(?:\.|\[\s*dot\s*\]|\(\s*dot\s*\)|\s+dot\s+)\s*[\w-]+)+",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:https?://|www\.|mailto:)[^)]*\)", re.IGNORECASE)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|"
    r"malt\.fr|viadeo\.com|twitter\.com|x\.com)(?:/\S*)?",
    re.IGNORECASE,
)
# French numbers (+33, 0033, 0…; overseas 0590/0690…), grouped by spaces, dots or dashes.
_PHONE_FR = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
# Other international numbers: + and country code, then at least 6 more digits in groups.
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?!\d)")
_STREET = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter|quater|[a-d]))?,?\s+(?:rue|avenue|av\.|bd|boulevard|all[ée]e|"
    r"impasse|chemin|place|quai|route|cours|square|rés(?:idence)?|lotissement|voie|"
    r"passage|faubourg)\b[^\n,;·|]*",
    re.IGNORECASE,
)
_POSTCODE_CITY = re.compile(
    r"\b(?:F-)?(?:(?:0[1-9]|[1-8]\d|9[0-5]|2[AB])\d{3}|97[1-6]\d{2})\s+"
    r"[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*)*(?:\s+(?:Cedex|CEDEX)(?:\s+\d{1,2})?)?")
_HEADING_NAME = re.compile(r"^[#>*\s]*([A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý][\w'’-]+){1,2})[ \t]*$")


# record(kind, original, replacement) -> replacement: notes what was replaced, says with what.
Record = Callable[[str, str, str], str]


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
              sector_words: Mapping[str, str] | None = None) -> Anonymised:
    found: list[Replacement] = []

    def record(kind: str, original: str, replacement: str) -> str:
        if not any(r.kind == kind and r.original == original for r in found):
            found.append(Replacement(kind, original, replacement))
        return replacement

    # Links and e-mails first: their text holds names and digits the later steps would split.
    text = _MD_LINK.sub(lambda m: record("link", m.group(0), LINK), text)
    text = _EMAIL.sub(lambda m: record("email", m.group(0), EMAIL), text)
    text = _URL.sub(lambda m: record("link", m.group(0).rstrip(".,;)"), LINK)
                    + m.group(0)[len(m.group(0).rstrip(".,;)")):], text)
    text = _PHONE_FR.sub(lambda m: record("phone", m.group(0), PHONE), text)
    text = _PHONE_INTL.sub(lambda m: _phone_or_keep(m.group(0), record), text)
    text = _STREET.sub(lambda m: record("address", m.group(0).strip(), ADDRESS), text)
    text = _POSTCODE_CITY.sub(lambda m: record("address", m.group(0), ADDRESS), text)
    text = _replace_names(text, [*names, *_heading_name(text)], record)
    known = {**WELL_KNOWN_EMPLOYERS, **(employers or {})}
    words = {**DEFAULT_SECTOR_WORDS, **(sector_words or {})}
    text = _replace_employers(text, known, words, record)
    return Anonymised(_in_prose(text), tuple(found))


# How a sector reads after "chez", "pour", "de"…: "chez une banque", not "chez Banque".
# A sector configured elsewhere (COCKPIT_SECTORS) keeps its label: its grammar is unknown.
# Only the sectors put in place of an employer are rephrased ("École de Commerce" stays):
# they are framed by this mark, which is taken out once they are.
_SECTOR = "\ue000"
SECTOR_IN_PROSE: Mapping[str, str] = {
    "Banque": "une banque", "Assurance": "un assureur",
    "Aéronautique": "un acteur de l'aéronautique", "Défense": "un acteur de la défense",
    "Télécoms": "un opérateur télécoms", "Transport": "un acteur du transport",
    "Automobile": "un acteur de l'automobile", "Énergie": "un énergéticien",
    "Grande distribution": "une enseigne de la grande distribution", "ESN": "une ESN",
    "Pharmacie": "un laboratoire pharmaceutique", "Commerce": "une enseigne",
    "Luxe et cosmétique": "un groupe du luxe", "Santé": "un établissement de santé",
    "Administration": "une administration", UNKNOWN_EMPLOYER: "une entreprise",
}
_IN_PROSE = re.compile(
    r"(?<![\w'’])(?P<prep>chez|pour le compte de|pour|avec|de|à)\s+" + _SECTOR + r"(?P<sector>"
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


def _heading_name(text: str) -> list[str]:
    """A personal name heading the CV: two or three capitalised words opening one of its first
    three non-empty lines ("# Jean Dupont", "**Karim Benali** — DevOps", "HÉLÈNE MÜLLER")."""
    lines = [line for line in text.splitlines() if line.strip()][:3]
    for line in lines:
        head = re.split(r"\s[—–|·-]\s|,|:", line.replace("**", "").replace("__", ""))[0]
        match = _HEADING_NAME.match(head)
        if match and not any(fold(w) in _NOT_NAME_WORDS for w in match.group(1).split()):
            return [match.group(1)]
    return []


# Heading words that say it is not a person's name ("Développeur Java", "Curriculum Vitae").
_NOT_NAME_WORDS = {"curriculum", "vitae", "cv", "developpeur", "ingenieur", "consultant",
                   "consultante", "chef", "cheffe", "architecte", "expert", "le", "la",
                   "competences", "experiences", "formation", "profil", "data", "devops",
                   "senior", "junior", "manager", "directeur", "directrice", "lead", "analyste",
                   "missions", "projet", "references"}


def _name_parts(names: Iterable[str]) -> list[str]:
    parts: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        parts.add(name)
        for piece in re.split(r"\s+", name):
            if len(piece) >= 2:
                parts.add(piece)
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
        for length in (3, 2, 1):
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


def _replace_employers(text: str, employers: Mapping[str, str],
                       sector_words: Mapping[str, str], record: Record) -> str:
    known = sorted(employers.items(), key=lambda kv: len(kv[0]), reverse=True)
    for name, sector in known:
        if len(name.strip()) < 2:
            continue
        pattern = _accent_insensitive(name.strip())

        def employer(match: re.Match[str], sector: str = sector) -> str:
            return _SECTOR + record("employer", match.group(0), sector) + _SECTOR

        # Capitalised words right after belong to the name: "Crédit Mutuel Arkéa".
        text = re.sub(rf"(?<![\w]){pattern}(?:[ \t]+[A-ZÀ-Ý][\w&'’-]*)*(?![\w])", employer,
                      text)
    sectors = set(employers.values()) | set(sector_words.values()) | {UNKNOWN_EMPLOYER, NAME}

    def unknown(match: re.Match[str]) -> str:
        name = match.group("name").rstrip(".,;:")
        tail = match.group("name")[len(name):]
        start = match.start("name")
        if (name.startswith("[") or _looks_like_place_or_date(name)
                or any(match.string.startswith(sector, start) for sector in sectors)):
            return match.group(0)  # already a sector, or not a company at all
        folded = fold(name)
        sector = next((s for w, s in sector_words.items()
                       if re.search(rf"\b{re.escape(w)}\b", folded)), UNKNOWN_EMPLOYER)
        return (match.group("marker") + _SECTOR
                + record("employer", name, sector) + _SECTOR + tail)

    return _MARKER.sub(unknown, text)


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
