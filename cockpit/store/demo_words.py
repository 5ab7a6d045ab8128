"""Word lists for the demo data: made-up but French-looking names, places and trade facts."""

from __future__ import annotations

FIRST_NAMES_F = ("Camille", "Sophie", "Julie", "Claire", "Nathalie", "Isabelle", "Sandrine",
                 "Aurélie", "Émilie", "Céline", "Laure", "Hélène", "Chloé", "Inès", "Léa",
                 "Mélanie", "Nadia", "Fatima", "Maëlle", "Agnès", "Béatrice", "Josiane")
FIRST_NAMES_M = ("Jean", "Pierre", "Nicolas", "Thomas", "Julien", "Sébastien", "Laurent",
                 "François", "Olivier", "Karim", "Mehdi", "Antoine", "Mathieu", "Hugo",
                 "Stéphane", "Frédéric", "Éric", "Yannick", "Jérôme", "Rémi", "Loïc", "Bruno")
LAST_NAMES = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
              "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
              "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
              "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
              "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
              "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
              "Chevalier", "Robin", "Masson", "Sanchez", "Benali", "Haddad", "Nguyen", "Diallo")

NAME_HEADS = ("Nex", "Vari", "Soli", "Axi", "Quan", "Ora", "Lumi", "Cyber", "Data", "Info",
              "Tech", "Clar", "Proxi", "Alti", "Symp", "Opti", "Krea", "Vell", "Ster", "Ozo")
NAME_TAILS = ("alis", "anto", "ance", "ys", "eo", "ium", "ova", "era", "is", "oria", "ent",
              "ix", "one", "aris", "um")
ESN_SUFFIXES = ("Conseil", "Consulting", "Services", "Digital", "IT", "Solutions", "Group",
                "Ingénierie", "Partners", "Systèmes")
END_CLIENTS = (
    ("Banque", "Banque {name}"), ("Banque", "Crédit {name}"), ("Assurance", "{name} Assurances"),
    ("Assurance", "Mutuelle {name}"), ("Télécoms", "{name} Télécom"), ("Énergie", "{name} Énergie"),
    ("Industrie", "{name} Industries"), ("Distribution", "{name} Distribution"),
    ("Secteur public", "Métropole {name}"), ("Santé", "Clinique {name}"),
    ("Transport", "{name} Logistique"), ("Aéronautique", "{name} Aéro"),
)

# city, region, phone prefix (national), time zone
PLACES = (
    ("Paris", "Île-de-France", "+331", "Europe/Paris"),
    ("La Défense", "Île-de-France", "+331", "Europe/Paris"),
    ("Boulogne-Billancourt", "Île-de-France", "+331", "Europe/Paris"),
    ("Lyon", "Auvergne-Rhône-Alpes", "+334", "Europe/Paris"),
    ("Grenoble", "Auvergne-Rhône-Alpes", "+334", "Europe/Paris"),
    ("Marseille", "Provence-Alpes-Côte d'Azur", "+334", "Europe/Paris"),
    ("Sophia Antipolis", "Provence-Alpes-Côte d'Azur", "+334", "Europe/Paris"),
    ("Lille", "Hauts-de-France", "+333", "Europe/Paris"),
    ("Strasbourg", "Grand Est", "+333", "Europe/Paris"),
    ("Nantes", "Pays de la Loire", "+332", "Europe/Paris"),
    ("Rennes", "Bretagne", "+332", "Europe/Paris"),
    ("Bordeaux", "Nouvelle-Aquitaine", "+335", "Europe/Paris"),
    ("Toulouse", "Occitanie", "+335", "Europe/Paris"),
    ("Montpellier", "Occitanie", "+334", "Europe/Paris"),
    ("Pointe-à-Pitre", "Guadeloupe", "+590590", "America/Guadeloupe"),
    ("Fort-de-France", "Martinique", "+596596", "America/Martinique"),
    ("Saint-Denis", "La Réunion", "+262262", "Indian/Reunion"),
    ("Bruxelles", "Belgique", "+322", "Europe/Brussels"),
    ("Genève", "Suisse", "+4122", "Europe/Zurich"),
    ("Montréal", "Québec", "+1514", "America/Toronto"),
)

DO_ROLES = {
    "esn_conseil": ("Senior Manager", "Manager", "Associé"),
    "esn_classique": ("Ingénieur commercial", "Directeur commercial", "Directeur de département",
                      "Chef de projet", "Directeur de projet", "Responsable d'agence",
                      "Responsable staffing"),
    "end_client": ("Directeur des études", "Directeur des achats", "DSI",
                   "Directeur informatique"),
}
PERMANENT_ROLES = {
    "esn_conseil": ("Consultant", "Senior consultant"),
    "esn_classique": ("Ingénieur d'études", "Assistante"),
    "end_client": ("Consultant interne", "Informaticien", "Assistante"),
}

# title, skills (lower-case tokens), typical day rate
PROFILES = (
    ("Développeur Java", "java spring hibernate maven", 520),
    ("Développeur Java senior", "java spring kafka microservices", 620),
    ("DBA Oracle", "oracle sql dba rman", 600),
    ("DBA PostgreSQL", "postgresql sql dba linux", 580),
    ("Ingénieur DevOps", "devops ansible terraform kubernetes docker", 650),
    ("Ingénieur système Linux", "linux redhat ansible bash", 520),
    ("Ingénieur système Windows", "windows-server active-directory vmware powershell", 480),
    ("Ingénieur réseau", "reseau cisco juniper lan", 500),
    ("Ingénieur sécurité", "securite siem firewall threat-intelligence", 700),
    ("Consultant SAP FI/CO", "sap erp fi co", 800),
    ("Consultant SAP MM/SD", "sap erp mm sd", 780),
    ("Consultant Salesforce", "crm salesforce apex", 700),
    ("Consultant BI", "bi power-bi datawarehouse sql", 600),
    ("Data engineer", "data python spark airflow", 620),
    ("Architecte cloud AWS", "cloud aws terraform architecture", 850),
    ("Architecte Azure", "cloud azure devops architecture", 820),
    ("Consultant GCP", "cloud gcp bigquery kubernetes", 750),
    ("Scrum Master", "agile scrum jira", 600),
    ("Business Analyst", "business-analyst uml sql recette", 550),
    ("Chef de projet fonctionnel", "gestion-de-projet moa recette", 650),
    ("Chef de projet technique", "gestion-de-projet moe architecture", 700),
    ("Technicien support", "support helpdesk windows itil", 350),
    ("Ingénieur de production", "production exploitation linux ordonnancement", 480),
    ("Développeur Python", "python django api", 520),
    ("Développeur front", "javascript react typescript", 500),
    ("Administrateur VMware", "vmware virtualisation hyper-v", 520),
    ("Data scientist", "ia machine-learning python", 680),
    ("Consultant blockchain", "blockchain ethereum hyperledger", 750),
)

# What a caller writes after a call, by outcome.
NOTE_TEMPLATES = {
    "no_answer": ("Messagerie, message laissé.", "Standard ne répond pas.",
                  "Sonne dans le vide, réessayer."),
    "callback": ("En réunion, rappeler vers {hour}h.",
                 "Intéressé, me rappeler après son comité de pilotage.",
                 "Barrage standard, nom du DO obtenu ; rappeler à {hour}h."),
    "no_need": ("Pas de besoin pour l'instant, budget attendu en {month}.",
                "A déjà des fournisseurs ; accepte qu'on le rappelle en {month}."),
    "info_sent": ("Coordonnées et plaquette envoyées par e-mail.",
                  "Trouve les freelances chers ; argumenté sur l'autonomie et l'expérience, "
                  "plaquette envoyée."),
    "need_qualified": ("Besoin {profile} à {city}, démarrage ASAP, TJM {rate} €.",
                       "A déjà des fournisseurs, accepte de nous tester : {profile}, {city}."),
    "redirected": ("Redirigé vers la responsable staffing.",
                   "Projet piloté depuis le siège à l'étranger, contact local à appeler."),
    "refused": ("Pas intéressé, ne sous-traite jamais.",
                "Consultants internes suffisants, pas de sous-traitance."),
    "referencing": ("Travaille uniquement avec des fournisseurs référencés : dossier à envoyer "
                    "aux achats.",),
    "wrong_number": ("Faux numéro, vérifier sur le site de la société.",),
}
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")

# Partner archetypes (personas.yaml) given to some decision makers.
PERSONAS = ("structured_founder", "team_growing_cto", "lead_dev_needing_backup",
            "diversifying_ceo", "prototyping_cio", "bodyshop_sales_manager", "big_account_buyer",
            "student_founders", "panicking_agency")

# Employers a demo CV names, with the sector an anonymised CV shows instead.
KNOWN_EMPLOYERS = (
    ("BNP Paribas", "Banque"), ("Société Générale", "Banque"), ("Crédit Agricole", "Banque"),
    ("AXA", "Assurance"), ("Allianz", "Assurance"), ("Airbus", "Aéronautique"),
    ("Thales", "Défense"), ("Orange", "Télécoms"), ("SNCF", "Transport"),
    ("Carrefour", "Grande distribution"), ("Renault", "Automobile"), ("EDF", "Énergie"),
    ("Capgemini", "ESN"), ("Sopra Steria", "ESN"), ("Atos", "ESN"), ("Decathlon", "Commerce"),
)


def cv_text(freelance_id: int, first: str, last: str, title: str, skills: str, years: int,
            year: int) -> str:
    """A demo CV in Markdown, with what an anonymised CV must remove (contact details,
    employers); chosen from the id, so building it draws nothing from the demo's random
    sequence."""
    employers = [KNOWN_EMPLOYERS[(freelance_id * k) % len(KNOWN_EMPLOYERS)][0] for k in (1, 7)]
    if employers[0] == employers[1]:
        employers[1] = KNOWN_EMPLOYERS[(freelance_id + 3) % len(KNOWN_EMPLOYERS)][0]
    email = f"{first[0]}.{last}@freelance.demo".lower().replace(" ", "")
    phone = f"06 {freelance_id % 100:02d} {freelance_id * 7 % 100:02d} 10 20"
    city = PLACES[freelance_id % 14][0]
    listed = ", ".join(skills.split())
    return (f"# {first} {last}\n\n{title} — {years} ans d'expérience\n\n"
            f"{email} · {phone} · {city}\n\n"
            f"## Compétences\n\n{listed}\n\n"
            f"## Expériences\n\n"
            f"- {year - 2}–{year} : {title} chez {employers[0]} ({listed})\n"
            f"- {year - 5}–{year - 2} : {title} chez {employers[1]}\n")
