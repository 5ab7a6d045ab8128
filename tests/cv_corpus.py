"""A corpus of realistic French CVs, generated into a folder at test time (tests and the
bench share it): each CV comes with what must go (names, contact details, numbers, birth,
employers) and what must stay (skills, dates, durations, titles, descriptions).

Every number is made valid by its key (SIRET/SIREN by Luhn, VAT by its key, IBAN by mod 97,
the social security number by its key), so the anonymiser is tried on numbers it must
recognise, not on random digits."""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from cockpit.domain.siret import luhn_ok

FORMATS = ("txt", "md", "docx", "pdf", "odt")

NAMES = [
    ("Sylvie", "Le Roux"), ("Jean-Marc", "de La Fontaine"), ("Hélène", "Müller-Lefèvre"),
    ("Karim", "Benali"), ("Pierre-Yves", "Le Gall"), ("Anne-Sophie", "Du Pont"),
    ("Thomas", "van der Berg"), ("Chloé", "Dubois"), ("Amadou", "Diallo"),
    ("Inès", "Benjelloun"), ("Marie-Claire", "d'Artagnan"), ("Lucas", "Fournier"),
    ("Océane", "Marchetti"), ("Mathieu", "Delacroix"), ("Yasmine", "Haddad"),
    ("François", "Lemaître"), ("Camille", "Roussel-Garnier"), ("Nicolas", "Vasseur"),
]
CITIES = [("69003", "Lyon"), ("33000", "Bordeaux"), ("31000", "Toulouse"),
          ("75011", "Paris"), ("59000", "Lille"), ("44000", "Nantes"),
          ("13100", "Aix-en-Provence"), ("35000", "Rennes"), ("67000", "Strasbourg")]
STREETS = ["{n} rue Émile Zola", "{n} bis avenue Jean Jaurès", "{n}, boulevard Haussmann",
           "{n} allée des Tilleuls", "{n} chemin du Moulin", "{n} impasse des Lilas",
           "{n} place de la République", "{n} quai de la Fosse"]
# Known employers in the spellings CVs use: (as written, what must not be left).
KNOWN = [("BNP Paribas", "Paribas"), ("BNPP", "BNPP"), ("SocGen", "SocGen"),
         ("SG", "SG"), ("Société Générale", "Générale"), ("SOCIETE GENERALE", "GENERALE"),
         ("LCL", "LCL"), ("CA-CIB", "CA-CIB"), ("Crédit Agricole CIB", "Agricole"),
         ("La Poste", "La Poste"), ("LA POSTE", "LA POSTE"), ("SNCF Réseau", "SNCF"),
         ("Orange Business Services", "Orange"), ("AXA France", "AXA"),
         ("Capgemini", "Capgemini"), ("Sopra Steria", "Sopra"), ("Airbus", "Airbus"),
         ("EDF", "EDF"), ("Thales", "Thales"), ("Natixis", "Natixis"), ("Enedis", "Enedis"),
         ("Crédit Mutuel Arkéa", "Arkéa"), ("Malakoff Humanis", "Malakoff")]
# Employers no list knows, named after "chez", "Client :"…: (as written, what must go).
UNKNOWN = [("Brioche Dorée", "Brioche"), ("Transports Morel", "Morel"),
           ("Fromagerie Dupuis", "Dupuis"), ("Menuiserie Garnier", "Menuiserie"),
           ("Cabinet Vasseur-Lenoir", "Lenoir"), ("Groupe Marchand", "Marchand"),
           ("Vinci Facilities Ouest", "Vinci"), ("Maisons Briard", "Briard")]
MARKERS = ["chez {e}", "Client : {e}", "pour le compte de {e}", "Employeur : {e}",
           "au sein de {e}", "Client final : {e}"]
SKILLS = [["Java 17", "Spring Boot 3.2", "Kafka", "PostgreSQL 15"],
          ["Kubernetes 1.28", "Terraform", "Ansible", "GitLab CI"],
          ["Python 3.12", "Django 5", "Airflow", "Snowflake"],
          ["Angular 16", "TypeScript", "RxJS", "NgRx"],
          ["React 18", "Node.js 20", "GraphQL", "MongoDB"],
          ["SAP S/4HANA", "ABAP", "SAP FI-CO", "Fiori"],
          ["Power BI", "DAX", "SQL Server 2019", "SSIS"],
          ["C# 12", ".NET 8", "Azure DevOps", "Entity Framework"],
          ["Scrum", "SAFe 6", "Jira", "Confluence"],
          ["Go 1.22", "gRPC", "Prometheus", "Grafana"]]
TITLES = ["Développeur Java senior", "Ingénieure DevOps", "Data engineer", "Tech lead front",
          "Consultant SAP FI-CO", "Cheffe de projet MOA", "Architecte cloud Azure",
          "Scrum master", "Développeur full stack", "Analyste BI"]
TASKS = ["Migration du SI de facturation vers le cloud", "Refonte de l'espace client mobile",
         "Mise en place de la chaîne CI/CD", "Pilotage d'une équipe de 6 développeurs",
         "Conception des flux d'échange temps réel", "Reprise de données et recette",
         "Industrialisation des tableaux de bord", "Accompagnement au passage à l'agile"]


@dataclass
class Cv:
    path: Path
    format: str
    gone: list[str] = field(default_factory=list)  # must not be in the anonymised CV
    kept: list[str] = field(default_factory=list)  # must be in it, word for word
    names: tuple[str, str] = ("", "")


def _luhn_complete(body: str) -> str:
    return next(body + str(d) for d in range(10) if luhn_ok(body + str(d)))


def siren(rng: random.Random) -> str:
    return _luhn_complete(str(rng.randint(30_000_000, 99_999_999)))


def siret(rng: random.Random, of: str) -> str:
    return _luhn_complete(of + f"{rng.randint(1, 9999):04d}")


def vat(of: str) -> str:
    return f"FR{(12 + 3 * (int(of) % 97)) % 97:02d}{of}"


def iban(rng: random.Random) -> str:
    bban = "".join(str(rng.randint(0, 9)) for _ in range(23))
    number = int(bban + "152700")  # "FR00" moved to the end, letters as numbers
    return f"FR{98 - number % 97:02d}{bban}"


def nir(rng: random.Random) -> str:
    body = (f"{rng.randint(1, 2)}{rng.randint(60, 99):02d}{rng.randint(1, 12):02d}"
            f"{rng.randint(1, 95):02d}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}")
    return f"{body}{97 - int(body) % 97:02d}"


def _group(digits: str, sizes: list[int]) -> str:
    out, at = [], 0
    for size in sizes:
        out.append(digits[at:at + size])
        at += size
    return " ".join(part for part in out if part)


def _phone(rng: random.Random) -> str:
    d = f"{rng.choice('67')}{rng.randint(0, 99_999_999):08d}"
    return rng.choice([
        "0{0} {1} {2} {3} {4}", "0{0}.{1}.{2}.{3}.{4}", "0{0}{1}{2}{3}{4}",
        "0{0}-{1}-{2}-{3}-{4}", "+33 {0} {1} {2} {3} {4}", "+33 (0){0} {1} {2} {3} {4}",
        "+33{0}{1}{2}{3}{4}", "0033 {0} {1} {2} {3} {4}"]).format(
            d[0], d[1:3], d[3:5], d[5:7], d[7:9])


def _lines(rng: random.Random, index: int) -> tuple[list[str], Cv]:
    first, last = NAMES[index % len(NAMES)]
    full = f"{first} {last}"
    cv = Cv(Path(), "", names=(first, last))
    login = (first[0] + last.replace(" ", "").replace("'", "")).lower()
    login = login.translate(str.maketrans("éèêëàâîïôöûüç", "eeeeaaiioouuc"))
    email = rng.choice([f"{login}@gmail.com", f"{login}.pro@outlook.fr",
                        f"{login}(at)orange(dot)fr", f"contact@{login}-conseil.fr"])
    phone = _phone(rng)
    postcode, city = rng.choice(CITIES)
    street = rng.choice(STREETS).format(n=rng.randint(1, 120))
    company = siren(rng)
    est = siret(rng, company)
    account, social = iban(rng), nir(rng)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1962, 1998)
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
    born = rng.choice([f"Né le {day:02d}/{month:02d}/{year}",
                       f"Née le {day} {months[month - 1]} {year} à Quimper (29)",
                       f"Date de naissance : {day} {months[month - 1]} {year}",
                       f"Date et lieu de naissance : {day:02d}/{month:02d}/{year} à Saint-Malo"])
    age = f"{2026 - year} ans"
    heading = rng.choice([f"Curriculum vitae — {full}", full.upper(), full,
                          f"CV de {full}", f"{full} — Freelance",
                          f"Nom : {last.upper()}\nPrénom : {first}"])
    link = rng.choice([f"https://www.linkedin.com/in/{login}-42",
                       f"linkedin.com/in/{login}", f"https://github.com/{login}",
                       f"www.{login}.fr", f"{login}.dev", f"gitlab.com/{login}"])
    skills = SKILLS[index % len(SKILLS)]
    title = TITLES[index % len(TITLES)]
    known = [KNOWN[(index * 3 + k) % len(KNOWN)] for k in range(3)]
    unknown = UNKNOWN[index % len(UNKNOWN)]
    marker = MARKERS[index % len(MARKERS)]
    tasks = [TASKS[(index + k) % len(TASKS)] for k in range(2)]
    lines = [
        heading,
        f"{title} — {8 + index % 12} ans d'expérience",
        "",
        f"{born} — {age}, {rng.choice(['marié', 'célibataire', 'pacsée'])}",
        rng.choice(["Nationalité : française", "De nationalité marocaine",
                    "Nationalité : franco-algérienne"]),
        f"{street}, {postcode} {city}",
        f"Tél. : {phone} · {email} · {link}",
        f"SIRET : {_group(est, [3, 3, 3, 5])} — N° TVA : {vat(company)}",
        f"IBAN : {_group(account, [4] * 7)} — BIC : BNPAFRPP",
        f"N° de sécurité sociale : {_group(social, [1, 2, 2, 2, 3, 3, 2])}",
        "",
        "Compétences",
        ", ".join(skills),
        "",
        "Expériences",
        f"01/2021 – 06/2024 : {title} chez {known[0][0]} {skills[0]} et {skills[1]}",
        f"Mission de 18 mois pour {known[1][0]} : {tasks[0]}",
        f"2016 – 2020 : {marker.format(e=unknown[0])} {skills[2]} et {skills[3]}",
        f"2014 – 2016 : {tasks[1]} ({known[2][0]}), 2 ans",
        "",
        f"Micro-entreprise SIREN {company}",
        f"{first} est disponible sous 1 mois ; Mme ou M. {last} répond le soir.",
        f"{first} {last.upper()}",
    ]
    gone = [full, full.upper(), last, email, phone, street, postcode, link, est, company,
            account, social, f"{day:02d}/{month:02d}/{year}", str(year), age, "Quimper",
            "Saint-Malo", "française", "marocaine", "franco-algérienne", "BNPAFRPP",
            *(k[1] for k in known), unknown[1]]
    particles = {"de", "du", "des", "la", "le", "van", "der", "d'"}
    gone += [w for w in last.replace("d'", "").split() if w.lower() not in particles]
    if len(first) > 3:
        gone.append(first)
    cv.gone = gone
    cv.kept = [*skills, title, *tasks, "01/2021 – 06/2024", "18 mois", "2016 – 2020",
               "2014 – 2016", "2 ans", f"{8 + index % 12} ans d'expérience",
               "est disponible sous 1 mois", "répond le soir"]
    return lines, cv


def write_corpus(folder: Path, count: int = 40, seed: int = 20) -> list[Cv]:
    rng = random.Random(seed)
    corpus: list[Cv] = []
    for index in range(count):
        lines, cv = _lines(rng, index)
        cv.format = FORMATS[index % len(FORMATS)]
        cv.path = folder / f"cv-{index:02d}.{cv.format}"
        {"txt": _txt, "md": _md, "docx": _docx, "pdf": _pdf, "odt": _odt}[cv.format](
            cv.path, lines, rng)
        corpus.append(cv)
    return corpus


def _txt(path: Path, lines: list[str], rng: random.Random) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _md(path: Path, lines: list[str], rng: random.Random) -> None:
    out = [f"# {lines[0]}", f"**{lines[1]}**", *lines[2:11]]
    for line in lines[11:]:
        if line in ("Compétences", "Expériences"):
            out.append(f"## {line}")
        elif line[:1].isdigit() or line.startswith("Mission"):
            out.append(f"- {line}")
        else:
            out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _docx(path: Path, lines: list[str], rng: random.Random) -> None:
    import docx
    from docx.shared import Inches
    from PIL import Image

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{lines[0]} · {lines[6].split(' · ')[0]}"
    section.footer.paragraphs[0].text = lines[6].split(" · ")[1]
    photo = io.BytesIO()
    Image.new("RGB", (24, 24), (180, 120, 90)).save(photo, "PNG")
    photo.seek(0)
    document.add_picture(photo, width=Inches(0.8))
    document.add_heading(lines[0], 0)
    title = document.add_paragraph()
    title.add_run(lines[1].split(" — ")[0]).bold = True
    title.add_run(" — " + lines[1].split(" — ")[1])
    for line in lines[3:10]:
        document.add_paragraph(line)
    document.add_heading("Compétences", 1)
    for skill in lines[12].split(", "):
        document.add_paragraph(skill, style="List Bullet")
    document.add_heading("Expériences", 1)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for line in lines[15:19]:
        period, _, rest = line.partition(" : ") if line[:1].isdigit() else ("", "", line)
        row = table.add_row().cells
        row[0].text, row[1].text = period, rest
    for line in lines[20:]:
        paragraph = document.add_paragraph()
        words = line.split(" ")
        half = len(words) // 2  # a name split over two runs must still be seen
        paragraph.add_run(" ".join(words[:half]) + " ").italic = True
        paragraph.add_run(" ".join(words[half:]))
    document.core_properties.author = lines[0]
    document.save(str(path))


def _pdf(path: Path, lines: list[str], rng: random.Random) -> None:
    from cockpit.cv.write import text_to_pdf

    path.write_bytes(text_to_pdf("\n".join(lines) + "\n"))


def _odt(path: Path, lines: list[str], rng: random.Random) -> None:
    from xml.sax.saxutils import escape

    body = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
