"""French interface text (the default)."""

TEXT: dict[str, str] = {
    "app.title": "Cockpit",
    "header.figures": (
        "{calls} {calls|appel|appels} · {reached} {reached|DO joint|DO joints} · "
        "{needs} {needs|besoin|besoins}"
    ),
    "queue.title": "File d'appels",
    "queue.empty": "Personne à appeler pour l'instant.",
    "queue.start_hint": "Base vide. Importez une liste : cockpit import contacts FICHIER.csv",
    "queue.more": "… {count} de plus",
    "card.empty": "Choisissez une personne dans la file.",
    "card.decision_maker": "DO",
    "card.permanent": "permanent",
    "card.revenue_per_head": "CA/effectif {value}",
    "card.revenue": "CA {amount} {arrow}",
    "card.headcount": "{count} pers. {arrow}",
    "card.per_head": "{amount}/pers.",
    "card.local_time": "{time} là-bas",
    "card.can_call": "appel possible",
    "card.cannot_call": "hors horaires",
    "card.history": "Historique",
    "card.history_note": "Note hors appel",
    "card.no_history": "Aucun appel pour l'instant.",
    "card.note_added": "  + ajouté le {at} par {who} : {text}",
    "card.persona": "Profil : {name}",
    "phone.mobile": "mobile",
    "phone.landline": "fixe",
    "phone.voip": "VoIP",
    "phone.other": "autre",
    "phone.label.standard": "standard",
    "phone.label.direct": "ligne directe",
    "phone.label.mobile": "portable",
    "key_name.escape": "Échap",
    "key_name.backspace": "Retour arrière",
    "key_name.delete": "Suppr",
    "key_name.pagedown": "Page suiv.",
    "key_name.pageup": "Page préc.",
    "key_name.up": "↑",
    "key_name.down": "↓",
    "key_name.left": "←",
    "key_name.right": "→",
    "key_name.home": "Début",
    "key_name.end": "Fin",
    "key_name.enter": "Entrée",
    "key_name.tab": "Tab",
    "key_name.shift": "Maj",
    "key_name.space": "Espace",
    "key_name.insert": "Inser",
    "key.quit": "quitter",
    "app.quit_saving":
        "Enregistrement de ce qui est demandé, puis fermeture (ctrl+q à nouveau : sans attendre)…",
    "app.quit_hint": "Pour quitter le cockpit : ctrl+q",
    "key.help": "aide",
    "key.refresh": "actualiser",
    "key.call": "appeler",
    "key.objection": "objection",
    "key.notes": "notes",
    "key.step_back": "étape précédente",
    "key.cancel_call": "annuler l'appel lancé par erreur",
    "key.mend": "corriger le dernier appel",
    "key.end_call": "fin d'appel",
    "key.next_page": "page suivante",
    "key.prev_page": "page précédente",
    "help.title": "Aide",
    "error.store": "Base de données : {message}",
    "error.phone_empty": "Le numéro est vide.",
    "error.phone_no_digits": "« {value} » ne contient aucun chiffre.",
    "error.phone_unparsable": "« {value} » n'est pas un numéro de téléphone.",
    "error.phone_invalid": "« {value} » n'est pas un numéro valide ({reason}).",
    "error.siret_empty": "Le SIRET est vide.",
    "error.siret_not_digits": "Le SIRET «\xa0{value}\xa0» ne doit contenir que des chiffres.",
    "error.siret_length": "Le SIRET «\xa0{value}\xa0» a {length} chiffres au lieu de 14.",
    "error.siret_key": "Le SIRET « {value} » a une clé de contrôle fausse.",
    "error.siren_not_digits": "Le SIREN «\xa0{value}\xa0» ne doit contenir que des chiffres.",
    "error.siren_length": "Le SIREN «\xa0{value}\xa0» a {length} chiffres au lieu de 9.",
    "error.siren_key": "Le SIREN « {value} » a une clé de contrôle fausse.",
    "reason.too_short": "trop court",
    "reason.too_long": "trop long",
    "reason.unknown_country_code": "indicatif pays inconnu",
    "reason.no_such_number_plan": "aucun plan de numérotation ne correspond",
    "key.close": "fermer",
    "help.palette": "toutes les commandes (palette)",
    "palette.placeholder": "Chercher une commande…",
    "palette.theme": "Thème",
    "palette.theme_help": "changer les couleurs de l'interface",
    "palette.maximize": "Agrandir",
    "palette.maximize_help": "la zone choisie en plein écran",
    "palette.minimize": "Réduire",
    "palette.minimize_help": "revenir à la disposition habituelle",
    "palette.screenshot": "Capture d'écran",
    "palette.screenshot_help": "enregistrer l'écran en SVG",
    "help.focus_next": "zone ou champ suivant",
    "help.focus_previous": "zone ou champ précédent",
    "help.copy": "copier le texte choisi",
    "help.up": "monter dans la liste",
    "help.down": "descendre dans la liste",
    "help.first": "début de la liste",
    "help.last": "fin de la liste",
    "script.idle": "Pas d'appel en cours — « a » pour appeler la personne choisie",
    "script.ended": "Fin du script : {outcome} — « f » pour terminer l'appel",
    "script.captures_hint": ("Tab : remplir les champs · Entrée : champ suivant · "
                             "Échap : retour aux réponses"),
    "key.choose": "choisir la réponse",
    "key.cancel": "annuler",
    "key.down": "suivant",
    "key.up": "précédent",
    "key.save": "enregistrer",
    "key.next_field": "champ suivant",
    "key.start_team": "commencer",
    "key.yes": "oui",
    "key.no": "non",
    "key.back_to_script": "retour au script",
    "key.skip": "passer",
    "key.snooze": "reporter",
    "key.do_not_call": "ne plus appeler",
    "key.redirect": "nouveau contact",
    "notes.empty": "Notes",
    "notes.typing": "Notes (saisie…)",
    "notes.saved": "Notes (enregistré)",
    "notes.saved_at": "Notes (enregistré à {time})",
    "notes.full": "Note pleine\xa0: au plus {limit} caractères\xa0; la suite n'a pas été prise.",
    "notes.kept_locally": "Notes (NON enregistré en base, gardé localement : {error})",
    "notes.kept_in_memory": "Notes (NON enregistré : disque plein, gardé en mémoire)",
    "objection.title": "Objection entendue",
    "objection.filter": "tapez pour filtrer…",
    "objection.none": "Aucune objection ne correspond.",
    "picker.filter": "tapez quelques lettres, ou ↑ ↓ puis Entrée…",
    "picker.none": "Aucun appelant ne correspond.",
    "end.title": "Fin d'appel",
    "mend.title": "Corriger un appel ou compléter une note",
    "mend.fix": "corriger la fin d'appel",
    "mend.add_note": "ajouter une ligne à la note",
    "mend.nothing": "Aucun appel à corriger aujourd'hui.",
    "mend.end_title": "Corriger l'appel avec {name}",
    "mend.saved": "Fin d'appel corrigée.",
    "mend.note_title": "Ajouter à la note de l'appel du {when}",
    "mend.note_field": "Ligne à ajouter",
    "mend.note_added": "Ligne ajoutée à la note ; la note d'origine reste telle quelle.",
    "error.mend_not_yours": "Seuls vos propres appels peuvent être corrigés.",
    "error.mend_not_today": ("Seuls les appels du jour peuvent être corrigés ; ajoutez "
        "plutôt une ligne à la note."),
    "error.mend_do_not_call": ("La personne a demandé à ne plus être appelée : seul un "
        "responsable peut revenir là-dessus."),
    "error.mend_outcome": "Ce résultat ne convient pas à cet appel.",
    "error.cancel_too_late": ("L'appel est engagé : terminez-le avec « f » plutôt que de "
        "l'annuler."),
    "error.nothing_to_undo": "Rien à annuler : c'est la première étape de l'appel.",
    "error.note_call_on": "Cet appel n'est pas encore terminé.",
    "end.outcome": "Issue de l'appel",
    "placeholder.date": "jj/mm/aaaa",
    "placeholder.datetime": "jj/mm hh:mm",
    "placeholder.money": "€",
    "placeholder.phone": "06 12 34 56 78",
    "placeholder.email": "nom@societe.fr",
    "placeholder.yesno": "oui / non",
    "placeholder.siret": "14 chiffres",
    "placeholder.integer": "0",
    "end.reminder": "Prochain rappel (jj/mm hh:mm, vide : aucun)",
    "end.note": "Note",
    "end.help": "ctrl+s enregistrer · échap revenir à l'appel",
    "call.resumed": "Appel non terminé repris, avec son brouillon.",
    "call.cancel_confirm": ("Annuler cet appel lancé par erreur ? Il ne comptera pas "
        "comme une tentative."),
    "call.cancel_too_late": (
        "Trop tard pour annuler : l'appel a commencé. Terminez-le avec f (l'issue et la note"
        " se corrigent ensuite avec u)."
    ),
    "call.cancelled": "Appel annulé : rien n'est compté, la personne reste dans la file.",
    "call.resumed_held": ("Appel non terminé repris en lecture seule : {name} appelle "
                          "maintenant cette personne. Terminez-le (f) pour garder votre note."),
    "call.dial": "Composez le {number}",
    "snooze.title": "Reporter",
    "snooze.until": "Jusqu'au (jj/mm hh:mm)",
    "dnc.this_person": "Cette personne",
    "dnc.blocked_person": "{name} ne sera plus appelé(e) (aucun numéro personnel connu).",
    "dnc.blocked_numbers": "{name} ne sera plus appelé(e), ni au {numbers} ni autrement.",
    "dnc.switchboard_open": "Le standard {numbers} reste ouvert pour ses collègues.",
    "dnc.confirm": "Ne plus jamais appeler cette personne ?",
    "dnc.confirm_who": "Ne plus jamais appeler {who}\xa0?",
    "field.first_name": "Prénom",
    "field.last_name": "Nom",
    "field.role": "Fonction",
    "field.phone": "Téléphone",
    "redirect.title": "Personne indiquée",
    "redirect.added": "{name} ajouté(e) à la file.",
    "form.help": "Entrée champ suivant · ctrl+s enregistrer · échap annuler",
    "form.required": "obligatoire",
    "first_run.title": "Premier démarrage",
    "first_run.intro": (
        "Cette base est neuve. Donnez le nom du cabinet, que les scripts diront aux"
        " personnes appelées, et le vôtre : vous serez chef de l'équipe. Les appelants"
        " s'ajoutent ensuite avec cockpit team add NOM."
    ),
    "first_run.firm": "Nom du cabinet",
    "first_run.name": "Votre prénom",
    "first_run.email": "Votre e-mail",
    "first_run.help": "Entrée champ suivant · ctrl+s commencer · ctrl+q quitter",
    "first_run.welcome": "Bienvenue, {name} : l'équipe de {firm} est créée.",
    "confirm.help": "o oui · n non",
    "error.store_folder": "{url} : {path} est un dossier, pas un fichier de base de données",
    "error.store_cannot_create": "{url} : impossible de créer {path} ({detail})",
    "error.store_unreadable": "{url} : {path} n'est pas lisible",
    "error.store_not_sqlite": "{url} : {path} n'est pas une base SQLite",
    "error.store_no_file": ("{url}\xa0: l'URL ne nomme aucun fichier"
                            " (sqlite:///chemin/fichier.sqlite)"),
    "error.store_null_in_path": ("{url}\xa0: un nom de fichier ne peut pas contenir de"
                                 " caractère nul (%00)"),
    "error.store_no_name": "{url} : l'URL ne nomme aucune base (…/nom_de_la_base)",
    "error.store_no_driver": "PostgreSQL demande psycopg2 : pip install 'cockpit[postgres]'",
    "error.store_unknown_url": (
        "{url} : adresse de base inconnue ; utilisez sqlite:///chemin/fichier.sqlite ou"
        " postgresql://utilisateur@hôte/base"
    ),
    "error.store_not_sqlite_file": "{url} : le fichier n'est pas une base SQLite",
    "error.store_read_only": "{url} : base en lecture seule",
    "error.store_read_only_schema": (
        "{url} : base en lecture seule, et son schéma doit être mis à jour : rendez-la"
        " inscriptible une fois (chmod u+w)"
    ),
    "error.store_password": (
        "{url} : le serveur PostgreSQL demande un mot de passe : mettez-le dans ~/.pgpass (mode"
        " 0600), jamais dans l'URL ({detail})"
    ),
    "error.store_refused": "{url} : le serveur PostgreSQL refuse : {detail}",
    "error.store_unreachable": "{url} : serveur PostgreSQL injoignable ({detail})",
    "error.store_failed": "{url} : {detail}",
    "error.store_demo_not_empty": (
        "{url} contient déjà des données ; --replace pour tout effacer et reconstruire la"
        " démonstration"
    ),
    "error.store_key_damaged": (
        "{path} : le fichier de clé de la liste d'opposition est abîmé (trop court) :"
        " restaurez-le d'une sauvegarde ou du poste d'un collègue"
    ),
    "error.store_unavailable": "Base de données indisponible : {message}",
    "error.read_only": "Base en lecture seule : rien n'a été enregistré.",
    "error.disk_full": ("Disque plein : rien n'est perdu, gardé en mémoire jusqu'à ce que la "
                        "place revienne."),
    "error.service": "Action impossible.",
    "outcome.no_answer": "Pas de réponse",
    "outcome.callback": "Rappel convenu",
    "outcome.no_need": "Pas de besoin pour l'instant",
    "outcome.need_qualified": "Besoin qualifié",
    "outcome.info_sent": "Coordonnées envoyées",
    "outcome.redirected": "Redirigé vers un autre contact",
    "outcome.referencing": "Référencement à faire",
    "outcome.refused": "Pas intéressé",
    "outcome.do_not_call": "Ne plus appeler",
    "outcome.wrong_number": "Faux numéro",
    "outcome.cv_sent": "CV envoyé",
    "outcome.freelance_confirmed": "Freelance confirmé",
    "outcome.freelance_unavailable": "Freelance indisponible",
    "outcome.freelance_declined": "Freelance pas partant",
    "reminder.kind_sep": " : ",
    "reminder.reason.outcome": "après l'appel : {outcome}",
    "reminder.reason.snoozed": "reporté",
    "reminder.reason.activity": "depuis l'activité générale",
    "reminder.reason.refused": "pause après un refus",
    "reminder.reason.redirected": "contact donné pendant un appel",
    "reminder.reason.cv_follow_up": "relance après l'envoi du CV",
    "reminder.reason.after_interview": "suite de l'entretien",
    "reminder.reason.skipped": "passé dans la file, à rappeler",
    "reminder.kind.retry": "Nouvel essai",
    "reminder.kind.callback": "Rappel",
    "reminder.kind.budget": "Budget à relancer",
    "reminder.kind.follow_up": "Relance CV",
    "reminder.kind.new_contact": "Nouveau contact",
    "reminder.kind.cooldown": "Pause",
    "reminder.kind.interview": "Après entretien",
    "agenda.kind.reminder": "Rappel",
    "agenda.kind.interview": "Entretien",
    "agenda.kind.mission": "Début de mission",
    "agenda.for_caller": " — pour {caller}",
    "agenda.until": " au {day}",
    "agenda.overdue": "en retard",
    "agenda.span": "du {first} au {last}",
    "agenda.team": "toute l'équipe",
    "agenda.heading.day": "Agenda de {caller} · {span}",
    "agenda.heading.week": "Agenda de {caller} · semaine {span}",
    "agenda.heading.month": "Agenda de {caller} · mois {span}",
    "agenda.ics.number": "Numéro à appeler : {number}",
    "agenda.ics.owner": "Rappel de {caller}",
    "agenda.empty": "Rien de prévu sur cette période.",
    "agenda.overdue_title": "En retard",
    "agenda.moved": "Rappel déplacé au {when}.",
    "agenda.not_a_reminder": "Seul un rappel se déplace (choisissez une ligne « Rappel »).",
    "card.do_not_call": "ne pas appeler",
    "card.referred_by": "recommandé(e) par {name}",
    "card.referred_by_switchboard": "indiqué(e) par le standard de {company}",
    "card.kind.esn_conseil": "ESN conseil",
    "card.kind.esn_classique": "ESN classique",
    "card.kind.end_client": "client final",
    "search.title": "Rechercher",
    "search.placeholder": "Nom, numéro, e-mail, compétence…",
    "search.hint": ("Tapez un nom, un numéro (toute écriture), un e-mail ou une "
        "techno ; Entrée ouvre la fiche."),
    "search.none": "Rien ne correspond à « {typed} ».",
    "search.more": "… et d'autres encore : précisez la recherche",
    "search.kind.company": "Sociétés ({count})",
    "search.kind.contact": "Personnes ({count})",
    "search.kind.freelance": "Freelances ({count})",
    "search.kind.need": "Besoins ({count})",
    "record.figures": "Chiffres par année",
    "record.figure_line": ("{year} · CA {revenue} {arrow} · {headcount} pers. · "
        "{per_head} par personne"),
    "record.unknown": "?",
    "record.prospect": "Verdict prospect : {verdict}",
    "record.people": "Personnes ({count})",
    "record.needs": "Besoins ({count})",
    "record.timeline": "Appels et notes",
    "record.history": "Historique complet ({count})",
    "record.reminders": "Rappels ouverts ({count})",
    "record.proposals": "Propositions ({count})",
    "record.skills": "Compétences",
    "record.siret": "SIRET {siret}",
    "record.reference": "Référence : {reference}",
    "record.cv": "CV",
    "record.no_cv": "Aucun CV enregistré.",
    "record.none": "aucun",
    "record.last_contact": "dernier contact {date}",
    "record.never": "jamais contacté",
    "record.private": "portefeuille de {owner}",
    "record.website": "site {url}",
    "record.pick_number": "Quel numéro appeler ?",
    "record.pick_owner": "Dans le portefeuille de qui ?",
    "record.shared": "Personne (contact partagé)",
    "record.note_title": "Une note sur {name}",
    "record.note_saved": "Note enregistrée pour {name}.",
    "record.reminder_title": "Rappeler {name}",
    "record.reminder_saved": "Rappel noté pour le {when}.",
    "record.given": "Portefeuille de {name} changé.",
    "record.calling": "Appel de {name} lancé depuis sa fiche.",
    "field.note": "Note",
    "field.reason": "Motif",
    "field.company": "Société",
    "field.company_name": "Nom de la société",
    "field.sector": "Secteur",
    "field.city": "Ville",
    "key.create": "créer",
    "create.anyway": "Non, créer quand même",
    "bucket.overdue": "retard",
    "bucket.today": "auj.",
    "bucket.new": "neuf",
    "bucket.stale": "ancien",
    "bucket.freelance": "free",
    "queue.left_out": "{count} personnes écartées, surtout : {reason}",
    "queue.closed": "Hors des heures d'appel · reprise {when}",
    "queue.from_time": "dès {time}",
    "queue.held": "retenu",
    "queue.held_refused": "Pas d'appel pour l'instant : {reason}",
    "queue.cli_title": "{caller} : {total} à appeler",
    "queue.cli_title_closed": "{caller} : {total} à préparer, appels {when}",
    "queue.cli_callable": "appelable",
    "key.edit_card": "modifier la fiche",
    "edit.title": "Modifier la fiche",
    "edit.saved": "Fiche de {name} enregistrée.",
    "field.email": "E-mail",
    "error.capture_required": "{field} : une valeur est requise.",
    "error.capture_too_long": "{field} : {length} caractères, c'est trop (au plus {limit}).",
    "error.capture_date": "{field} : « {value} » n'est pas une date (jj/mm/aaaa, demain, lundi…).",
    "error.capture_datetime": (
        "{field} : « {value} » n'est pas une date et heure (jj/mm"
        " hh:mm, demain 10h…)."
    ),
    "error.capture_money": "{field} : « {value} » n'est pas un montant en euros.",
    "error.capture_money_range": "{field} : « {value} » doit être entre 0 et 100 000 €.",
    "error.capture_integer": "{field} : « {value} » n'est pas un nombre entier.",
    "error.capture_yesno": "{field} : répondez oui ou non.",
    "error.capture_choice": "{field} : « {value} » n'est pas un des choix proposés.",
    "error.capture_email": "{field} : « {value} » n'est pas une adresse e-mail.",
    "error.captures_missing": "À remplir d'abord : {fields}.",
    "error.captures_refused": "À corriger ou vider d'abord\xa0: {fields}.",
    "error.answer_out_of_range": "Pas de réponse {number} ici (1 à {count}).",
    "error.reminder_invalid": "Rappel : « {value} » n'est pas une date et heure.",
    "error.reminder_past": "Rappel : « {value} » est déjà passé ({when}).",
    "error.reminder_too_far": ("Rappel : « {value} » tombe en {year}, à plus de dix ans :"
                               " une faute de frappe ?"),
    "error.claimed_by_other": "Un autre appelant est déjà en ligne avec cette personne.",
    "error.person_gone": "Cette personne n'existe plus : sa fiche a été effacée entre-temps.",
    "error.held_by_other": ("{name} appelle maintenant cette personne : cet appel ne peut plus "
                            "que se terminer (f)."),
    "error.do_not_call": "Cette personne est sur la liste « ne pas appeler ».",
    "error.no_phone": "Aucun numéro à appeler pour cette personne.",
    "error.call_ended": "L'appel est terminé.",
    "error.objection_not_here": "Cette objection ne s'applique pas à cette étape.",
    "error.edit_contact_only": "Seules les fiches de contacts se modifient ici.",
    "error.record_private": ("Ce contact est dans le portefeuille privé d'un collègue : "
        "sa fiche reste la sienne."),
    "error.no_company": "Cette société n'existe pas (n° {id}).",
    "error.company_name_required": "Une société a besoin d'un nom : rien n'a été créé.",
    "error.last_name_required": "Une personne a besoin d'un nom de famille : rien n'a été créé.",
    "error.note_empty": "La note est vide : rien n'a été enregistré.",
    "freelance.available": "disponible",
    "freelance.free_from": "libre le {date}",
    "freelance.on_mission": "en mission",
    "error.no_need": "Ce besoin n'existe pas (n° {id}).",
    "error.no_freelance": "Ce freelance n'existe pas (n° {id}).",
    "error.no_proposal": "Cette proposition n'existe pas (n° {id}).",
    "error.no_cv": "Aucun CV enregistré pour ce freelance.",
    "error.cv_scanned": ("{name} est un PDF scanné, sans texte\xa0: rien à anonymiser. Demandez au "
                         "freelance un CV en Word ou en PDF texte."),
    "error.cv_already": "{name}\xa0: ce freelance a déjà ce CV (le même fichier).",
    "error.cv_no_path": "Aucun fichier de CV indiqué.",
    "error.cv_bad_name": ("{path}\xa0: le nom du fichier contient des caractères de contrôle\xa0; "
                          "renommez-le."),
    "error.cv_format": ("{path}\xa0: pas un format de CV lu par le cockpit (.docx, .pdf, .odt, "
                        ".txt ou .md)."),
    "error.cv_missing": "{path}\xa0: ce fichier n'existe pas.",
    "error.cv_folder": "{path} est un dossier, pas un fichier.",
    "error.cv_not_regular": "{path}\xa0: pas un fichier ordinaire (un périphérique ou un tube).",
    "error.cv_too_big": "{path}\xa0: {size} Mo, trop gros pour un CV ({limit} Mo au plus).",
    "error.cv_unopenable": "{path}\xa0: lecture impossible ({reason}).",
    "error.cv_unreadable": "{path}\xa0: illisible comme CV ({reason}).",
    "error.cv_empty_file": "{path}\xa0: le fichier ne contient aucun texte.",
    "error.no_mail_opener": ("Aucun programme pour ouvrir le brouillon (xdg-open ou open)\xa0: "
                             "enregistrez-le avec ctrl+e."),
    "error.mail_opener_failed": "Brouillon enregistré ({path}) mais non ouvert\xa0: {reason}.",
    "error.empty_cv": "Le CV anonymisé est vide.",
    "error.need_no_contact": "Ce besoin n'a pas de DO à qui envoyer le CV.",
    "error.cv_not_produced": "Le mail du CV n'a pas été produit : rien n'est enregistré.",
    "error.cv_no_note": "La ligne d'historique de l'envoi du CV est vide : rien n'est enregistré.",
    "error.mail_dir_not_folder": ("Brouillon non enregistré : {path} est un fichier, pas un dossier"
                                  " (voir COCKPIT_MAIL_DIR). Rien n'est noté comme envoyé."),
    "error.eml_failed": ("Brouillon non enregistré dans {path} ({reason}). Rien n'est noté comme "
                         "envoyé."),
    "error.need_title": "Un besoin a un intitulé (le profil recherché).",
    "error.output_empty": "Aucun fichier indiqué.",
    "error.output_dash": (
        "«\xa0-\xa0» ne désigne pas un fichier\xa0: donnez son nom (les données des personnes"
        " vont dans un fichier que seul son propriétaire peut lire)."),
    "error.output_is_database": (
        "{path} : c'est la base de données en service ; choisissez"
        " un autre fichier."
    ),
    "error.output_symlink": "{path} est un lien symbolique : indiquez le fichier lui-même.",
    "error.output_own_file": ("{path} : c'est l'un des fichiers du cockpit lui-même (ses"
                              " réglages, la clé de la liste d'opposition, son journal, les"
                              " brouillons de notes) ; choisissez un autre fichier."),
    "error.output_is_folder": "{path} est un dossier, pas un fichier.",
    "error.output_not_folder": "{path} est un fichier, pas un dossier.",
    "error.output_no_folder": "{path} : le dossier {folder} n'existe pas.",
    "error.output_exists": "{path} existe déjà (--force pour le remplacer).",
    "error.output_unwritable": "{path} : écriture impossible dans ce dossier ({reason}).",
    "error.cli_bad_moment": (
        "{option} « {value} » : date et heure attendues, par exemple"
        " 2026-11-23T10:30+01:00."
    ),
    "cli.year_range": "«\xa0{value}\xa0»\xa0: l'année doit être entre {low} et {high}.",
    "error.cli_bad_year": "{option} « {value} » : l'année doit être entre {low} et {high}.",
    "error.cli_bad_when": (
        "{option} « {value} » : date et heure attendues (25/11"
        " 14h30, demain 10h…)."
    ),
    "error.cli_past": "{option} « {value} » : ce moment est déjà passé ({when}).",
    "error.cli_budget": "budget_rate « {value} » : un tarif journalier entre 1 et 100 000 €.",
    "error.cli_multiline": "{field} : une seule ligne (« {value} »).",
    "error.cli_too_long": "{field} « {value} » : trop long (au plus {limit} caractères).",
    "cli.bad_argument": "{option} : {problem}",
    "cli.bad_number": "« {value} » n'est pas un nombre entier de {low} à {high}.",
    "cli.text_too_long": "« {value} » : trop long (au plus {limit} caractères).",
    "cli.bad_age": "« {value} » : une durée attendue, d'un jour à cent ans (3y, 36m, 1095d, 8w).",
    "cli.bad_moment": "« {value} » : une date attendue (au plus 80 caractères).",
    "cli.read_only": "base en lecture seule ({path}) : consultation seulement",
    "cli.read_only_refused": (
        "base en lecture seule ({path} : chmod u+w pour y écrire) : rien n'a été enregistré"
    ),
    "cli.read_only_refused_db": "base en lecture seule : rien n'a été enregistré",
    "cli.no_caller_named": "aucun appelant nommé « {name} » (appelants : {known})",
    "cli.none": "aucun",
    "cli.bad_now": (
        "COCKPIT_NOW « {value} » : une date et une heure ISO attendues, par exemple"
        " 2026-11-23T10:30+01:00"
    ),
    "cli.written": "{path} : écrit",
    "cli.written_as": "{path} : écrit ({format})",
    "cli.more": "… et {count} de plus",
    "cli.shared_database": (
        "un autre cockpit a la base ouverte : les lignes supprimées sont illisibles"
        " dans le fichier de la base, et quittent son journal au prochain point de"
        " contrôle (ou fermez les autres cockpits et lancez `cockpit check --db …`)"
    ),
    "cli.unrecognized": "arguments inconnus : {args}",
    "cli.required": "arguments obligatoires manquants : {args}",
    "cli.invalid_choice": "«\xa0{value}\xa0» n'est pas un choix possible (au choix\xa0: {choices})",
    "cli.expected_value": "une valeur attendue",
    "cli.not_allowed_with": "ne va pas avec {other}",
    "cli.reason.asked": "demande de la personne",
    "cli.reason.erased": "effacement demandé (RGPD art. 17)",
    "cli.reason.retention": "conservation : aucun contact depuis {age}",
    "cli.audit.line": "{when} {actor} {action} {entity} #{id} {details}",
    "cli.audit.action.edit": "modification",
    "cli.audit.action.erase": "effacement",
    "cli.audit.action.set_owner": "portefeuille",
    "cli.audit.action.reassign": "réattribution",
    "cli.audit.action.dnc_remove": "retrait de «\xa0ne plus appeler\xa0»",
    "cli.audit.action.do_not_call": "ne plus appeler",
    "cli.audit.entity.contact": "contact",
    "cli.audit.entity.freelance": "freelance",
    "cli.audit.entity.reminder": "rappel",
    "cli.audit.erased": "(effacé)",
    "cli.audit.to_caller": "à {caller}",
    "cli.audit.owner": "dans le portefeuille de {caller}",
    "cli.audit.no_owner": "rendu à tous",
    "cli.audit.reminders": "{reason} ; rappels {ids}",
    "cli.audit.blocked": (
        "{reason} ; ses numéros : {own} ; numéros partagés laissés ouverts : {shared}"
    ),
    "cli.audit.caller": "appelant n° {id}",
    "cli.check.problems": "{count} {count|problème|problèmes} dans {folder}",
    "cli.check.content_ok": "contenu correct : {folder}",
    "cli.check.database_ok": (
        "base correcte : {url} ({engine}, schéma v{schema}) : {callers}"
        " {callers|appelant|appelants}, {contacts} {contacts|contact|contacts},"
        " {freelances} {freelances|freelance|freelances}, {calls} {calls|appel|appels}"
    ),
    "cli.check.shared": (
        "un autre cockpit a la base ouverte : son journal y sera versé au prochain"
        " point de contrôle"
    ),
    "cli.check.settings": "réglages\xa0:",
    "cli.check.setting": "  {name}\xa0: {value} ({source})",
    "settings.name.db": "base",
    "settings.name.caller": "appelant",
    "settings.name.lang": "langue",
    "settings.name.content": "contenu",
    "settings.name.dial": "numéroteur",
    "settings.name.firm": "cabinet",
    "settings.name.policy": "heures d'appel",
    "settings.name.tz": "fuseau horaire",
    "settings.name.margin": "marge",
    "settings.name.sectors": "secteurs",
    "settings.name.phone": "téléphone",
    "settings.name.mail_from": "expéditeur",
    "settings.name.mail_dir": "dossier des brouillons de courriel",
    "settings.unset": "—",
    "settings.from.default": "par défaut",
    "settings.from.file": "fichier {where}",
    "settings.from.file_key": "fichier {where}, clé {name}",
    "settings.from.environment": "variable {where}",
    "settings.from.option": "option {where}",
    "settings.bad": "réglage {setting} «\xa0{value}\xa0» ({where})\xa0: {problem}",
    "settings.problem.choices": "il faut l'une de ces valeurs\xa0: {choices}",
    "settings.problem.margin": (
        "il faut une fraction inférieure à 1, comme 0.2, ou un pourcentage, comme 20%"
    ),
    "settings.problem.tz": "fuseau horaire inconnu (par exemple Europe/Paris)",
    "config.unknown_key": "réglage inconnu\xa0: {keys} (réglages possibles\xa0: {known})",
    "config.not_toml": "ce n'est pas un fichier TOML lisible ({reason})",
    "config.not_utf8": "ce fichier n'est pas du texte UTF-8",
    "config.unreadable": "lecture impossible ({reason})",
    "config.not_text": (
        "clé {name}\xa0: il faut une valeur simple, un texte entre guillemets ou un nombre"
    ),
    "cli.cv.same_file": (
        "{path}\xa0: c'est le CV d'origine ; choisissez un autre fichier pour le CV anonymisé"
    ),
    "cli.freelance.cv_added": "CV joint au freelance n° {id}\xa0: {name} ({format}, {size} Ko)",
    "cli.freelance.cv_scan": ("CV joint au freelance n° {id}\xa0: {name} ({size} Ko) — un PDF "
                              "scanné, sans texte\xa0: ni cherchable ni anonymisable"),
    "cli.freelance.kb": "Ko",
    "cli.freelance.no_cv": "Aucun CV pour le freelance n° {id}.",
    "cli.freelance.scan": "scan, sans texte",
    "cli.cv.unreadable": "{path} : lecture impossible ({reason})",
    "cli.cv.not_text": (
        "{path}\xa0: ce n'est pas un fichier texte (enregistrez d'abord le CV en .txt ou"
        " .md)"
    ),
    "cli.cv.printed": "remplacés\xa0: {summary}",
    "cli.cv.written": "{path} : écrit ; remplacés : {summary}",
    "cli.cv.nothing": "rien",
    "cv_file.format": (
        "{path}\xa0: format de CV non lu (il faut un .docx, .pdf, .odt, .txt ou .md)"
    ),
    "cv_file.unreadable": "{path}\xa0: lecture impossible ({reason})",
    "cv_file.folder": "{path}\xa0: c'est un dossier, pas un fichier",
    "cv_file.too_big": "{path}\xa0: {mb} Mo, bien trop gros pour un CV",
    "cv_file.empty": "{path}\xa0: le fichier est vide",
    "cv_file.not_regular": "{path}\xa0: pas un fichier ordinaire (un périphérique ou un tube)",
    "cv_file.not_text": "{path}\xa0: ce n'est pas du texte, malgré son nom",
    "cv_file.not_docx": (
        "{path}\xa0: ce n'est pas un fichier Word .docx (un ancien .doc doit d'abord être "
        "enregistré en .docx)"
    ),
    "cv_file.damaged": "{path}\xa0: fichier {format} abîmé ou d'un autre format, illisible",
    "cv_file.password": "{path}\xa0: le PDF est protégé par un mot de passe",
    "cv_file.scanned": (
        "{path}\xa0: PDF scanné, sans texte à anonymiser ; demandez au freelance sa version "
        "Word ou texte"
    ),
    "cv_file.no_text": "{path}\xa0: le CV ne contient aucun texte",
    "cv_file.out_format": (
        "{path}\xa0: format non écrit (choisissez .docx, .pdf, .txt ou .md)"
    ),
    "cli.demo.ready": "base de démonstration prête : {url} ({summary}) en {seconds} s",
    "cli.dnc.give_number": "dnc {action} : indiquez un numéro",
    "cli.dnc.give_file": "dnc import : indiquez un fichier",
    "cli.dnc.erased_person": "(personne effacée, empreinte {digest}…)",
    "cli.dnc.count": "{count} {count|numéro|numéros}",
    "cli.dnc.added": (
        "{number} : ajouté ; bloqué pour tous ceux qui ont ce numéro : {count}"
        " {count|personne signalée|personnes signalées}"
    ),
    "cli.dnc.already": (
        "{number} : déjà sur la liste ; bloqué pour tous ceux qui ont ce numéro :"
        " {count} {count|personne signalée|personnes signalées}"
    ),
    "cli.dnc.not_listed": "{number} n'est pas sur la liste «\xa0ne plus appeler\xa0»",
    "cli.dnc.removed": (
        "{number} : retiré ; de nouveau appelables : {count} {count|personne|personnes}"
    ),
    "cli.dnc.imported": (
        "{added} {added|numéro ajouté|numéros ajoutés}, {already} déjà sur la liste,"
        " {bad} {bad|illisible|illisibles}"
    ),
    "cli.copy.table": "table",
    "cli.copy.source": "source",
    "cli.copy.target": "cible",
    "cli.copy.table.schema_version": "versions du schéma",
    "cli.copy.table.setting": "réglages",
    "cli.copy.table.caller": "équipe",
    "cli.copy.table.company": "entreprises",
    "cli.copy.table.company_figure": "chiffres des entreprises",
    "cli.copy.table.contact": "contacts",
    "cli.copy.table.freelance": "freelances",
    "cli.copy.table.phone": "numéros",
    "cli.copy.table.need": "besoins",
    "cli.copy.table.proposal": "propositions",
    "cli.copy.table.cv_file": "CV des freelances",
    "cli.copy.table.call": "appels",
    "cli.copy.table.call_event": "étapes d'appel",
    "cli.copy.table.note": "notes",
    "cli.copy.table.reminder": "rappels",
    "cli.copy.table.do_not_call": "«\xa0ne plus appeler\xa0»",
    "cli.copy.table.audit_log": "journal d'audit",
    "cli.copy.done": "Base copiée\xa0: {source} → {target} (la source n'a pas changé).",
    "cli.copy.key": (
        "Les empreintes «\xa0ne plus appeler\xa0» se lisent avec la clé {path}\xa0: chaque poste"
        " qui travaille sur la copie doit avoir ce même fichier (droits 0600)."
    ),
    "cli.copy.same": (
        "{target} est la base d'où l'on copie\xa0: rien n'a été copié\xa0; indiquez avec --to une"
        " autre base, vide"
    ),
    "cli.copy.memory": (
        "{target}\xa0: une base en mémoire disparaît avec la commande\xa0; indiquez un fichier"
        " (sqlite:///chemin/cockpit.sqlite) ou un serveur (postgresql://…)"
    ),
    "cli.copy.not_empty": (
        "{target} n'est pas vide ({what})\xa0: rien n'a été copié\xa0; la copie ne va que vers"
        " une base vide"
    ),
    "cli.copy.differ": (
        "{target}\xa0: les nombres de lignes diffèrent de la source (voir ci-dessus)\xa0; vérifiez"
        " la copie avant de vous en servir"
    ),
    "cli.line": "ligne {line} : {reason}",
    "cli.kind.companies": "{count|société|sociétés}",
    "cli.kind.contacts": "{count|contact|contacts}",
    "cli.kind.freelances": "{count|freelance|freelances}",
    "cli.kind.calls": "{count|appel|appels}",
    "cli.export.done": "{path} : {count} {kind} ({format})",
    "cli.import.bad_map": (
        "--map «\xa0{item}\xa0»\xa0: COLONNE=champ attendu, par exemple 'Tel perso=phone'"
    ),
    "cli.import.read": "{path} : {rows} {rows|ligne|lignes}, {encoding}",
    "cli.import.read_separator": (
        "{path} : {rows} {rows|ligne|lignes}, {encoding}, séparateur « {separator} »"
    ),
    "cli.import.unknown_columns": (
        "colonnes non importées : {columns} (--map COLONNE=champ pour les lire)"
    ),
    "cli.import.at_column": "ligne {line}, colonne « {column} » : {reason}",
    "cli.import.nothing": (
        "rien n'est importé\xa0: {count} {count|ligne invalide|lignes invalides}."
        " {count|Corrigez-la|Corrigez-les}, ou --skip-invalid pour importer les autres"
    ),
    "cli.import.created": (
        "créations : {created} {kind} ; fusions : {merged} avec des fiches déjà"
        " connues et {in_file} en double dans le fichier"
    ),
    "cli.import.would_create": (
        "à créer : {created} {kind} ; à fusionner : {merged} avec des fiches déjà"
        " connues et {in_file} en double dans le fichier"
    ),
    "cli.import.switchboards": (
        "{count} {count|numéro partagé|numéros partagés} par plusieurs personnes :"
        " {count|gardé|gardés} comme standard de la société, chaque personne gardée à part"
    ),
    "cli.import.unknown_owners": (
        "propriétaires hors de l'équipe (leur historique est repris sans auteur)\xa0: {names}"),
    "cli.import.owners_more": "et {count} {count|autre|autres}",
    "cli.import.owner": "{name} ({count}\xa0{count|personne|personnes})",
    "cli.import.history": (
        "historique repris pour {count} {count|personne|personnes} : date du dernier contact"
        " et commentaire, dans leur fiche"
    ),
    "cli.import.new_companies": " ; {count} {count|nouvelle société|nouvelles sociétés}",
    "cli.import.merged_into": "  ligne {line} : fusionnée avec #{id} ({why})",
    "cli.import.why.same_phone": "même téléphone",
    "cli.import.why.same_phone_and_name": "même téléphone et même nom",
    "cli.import.why.same_email": "même e-mail",
    "cli.import.why.same_name": "même nom",
    "cli.import.same_as": "  ligne {line} : même personne que la ligne {into}",
    "cli.import.rejected": (
        "{count} {count|ligne rejetée|lignes rejetées}, avec leurs raisons, dans {path}"
    ),
    "import.rejected_line": "ligne",
    "import.rejected_reason": "motif",
    "import.rejected_at_column": "{column}\xa0: {reason}",
    "import.rejected_separator": "\xa0; ",
    "cli.import.skipped_before": (
        "{count} {count|ligne|lignes} avant l'en-tête (ligne {header})"
        " {count|ignorée|ignorées}\xa0: {lines} («\xa0{text}\xa0»)"
    ),
    "cli.import.repeated_headers": (
        "{count} {count|ligne d'en-tête répétée|lignes d'en-tête répétées} dans le tableau"
        " (des exports mis bout à bout) {count|ignorée|ignorées}\xa0: {lines}"
    ),
    "cli.import.skipped_after": (
        "{count} {count|ligne|lignes} de pied de rapport {count|ignorée|ignorées}\xa0: {lines}"
        " («\xa0{text}\xa0»)"
    ),
    "cli.import.plan": "colonnes du fichier (rien n'est écrit)\xa0:",
    "cli.import.plan_field": "  «\xa0{column}\xa0» → {label} [{field}]\xa0: {samples}",
    "cli.import.plan_unknown": "  «\xa0{column}\xa0»\xa0: non importée\xa0: {samples}",
    "cli.import.plan_civility": (
        "  «\xa0{column}\xa0»\xa0: non importée (une civilité, que les {kind} ne gardent"
        " pas)\xa0: {samples}"
    ),
    "cli.import.plan_empty": "(vide)",
    "cli.import.field.company": "société",
    "cli.import.field.name": "nom de la société",
    "cli.import.field.kind": "type de société",
    "cli.import.field.sector": "secteur",
    "cli.import.field.city": "ville",
    "cli.import.field.website": "site web",
    "cli.import.field.revenue": "chiffre d'affaires",
    "cli.import.field.headcount": "effectif",
    "cli.import.field.phone": "téléphone",
    "cli.import.field.technologies": "technologies",
    "cli.import.field.posts_missions": "missions publiées",
    "cli.import.field.next_budget": "prochain budget",
    "cli.import.field.civility": "civilité",
    "cli.import.field.first_name": "prénom",
    "cli.import.field.last_name": "nom",
    "cli.import.field.full_name": "nom complet",
    "cli.import.field.role": "fonction",
    "cli.import.field.decision_maker": "donneur d'ordres",
    "cli.import.field.switchboard": "standard",
    "cli.import.field.direct_phone": "ligne directe",
    "cli.import.field.mobile_phone": "portable",
    "cli.import.field.email": "e-mail",
    "cli.import.field.title": "titre du profil",
    "cli.import.field.skills": "compétences",
    "cli.import.field.day_rate": "TJM",
    "cli.import.field.availability": "disponibilité",
    "cli.import.field.available_from": "disponible le",
    "cli.import.field.mobility": "mobilité",
    "cli.import.field.billing": "facturation",
    "cli.import.field.siret": "SIRET",
    "cli.import.field.do_not_call": "ne pas appeler",
    "cli.import.field.revenue_year": "chiffre d'affaires {year}",
    "cli.import.field.headcount_year": "effectif {year}",
    "cli.import.field.year": "année des chiffres",
    "cli.import.field.siren": "SIREN",
    "cli.import.field.address": "adresse",
    "cli.import.field.postcode": "code postal",
    "cli.import.field.last_contact": "date du dernier contact",
    "cli.import.field.comment": "commentaire (dans l'historique)",
    "cli.import.field.last_caller": "appelant du dernier contact",
    "cli.import.field.cv_file": "fichier du CV",
    "cli.match.proposal": "proposition #{id} : {name} pour le besoin #{need} ({status})",
    "cli.match.over_budget": "{amount} € au-dessus du budget",
    "cli.match.already": "déjà proposé",
    "cli.match.summary": "{shown} sur {total} {total|freelance|freelances} ; marge {margin}",
    "cli.needs.bad_add": (
        "--add «\xa0{item}\xa0»\xa0: CHAMP=VALEUR attendu, par exemple title='Dev Java'"
    ),
    "cli.needs.recorded": "besoin #{id} enregistré",
    "cli.needs.field": "  {name} : {value}",
    "cli.needs.proposal": "  proposé : #{id} {name} (freelance #{freelance}) · {status}",
    "cli.needs.proposed": "{count} {count|proposé|proposés}",
    "cli.needs.count": "{count} {count|besoin|besoins}",
    "cli.next.nobody": "personne à appeler pour {caller} pour l'instant",
    "cli.person.erased": "{kind} #{id} effacé : {what}",
    "cli.person.owner_vacuums": (
        "les lignes sont supprimées, mais leur place dans les fichiers du serveur n'est"
        " nettoyée que lorsque son propriétaire lance `cockpit person vacuum` (ou quand"
        " l'autovacuum passe) : votre compte n'a pas le droit de le faire"
    ),
    "cli.person.in_use": (
        "les lignes sont supprimées et leur place libérée, mais une table était occupée :"
        " ses fichiers gardent ces octets jusqu'à ce que le propriétaire du serveur lance"
        " `cockpit person vacuum`"
    ),
    "cli.person.vacuumed": "réécrit (VACUUM FULL), plus rien des lignes effacées : {tables}",
    "cli.person.vacuum_in_use": ("occupé, seulement libéré (VACUUM) : {tables} — relancez "
                                 "quand personne n'appelle"),
    "cli.person.kind.contact": "contact",
    "cli.person.kind.freelance": "freelance",
    "cli.person.removed": "{label} : {count}",
    "cli.person.removed.calls": "appels",
    "cli.person.removed.call_events": "étapes d'appel",
    "cli.person.removed.notes": "notes",
    "cli.person.removed.reminders": "rappels",
    "cli.person.removed.proposals": "propositions",
    "cli.person.removed.cv_files": "CV",
    "cli.person.removed.phones": "numéros",
    "cli.person.removed.person": "fiche",
    "cli.person.removed.numbers_kept_as_hash": "numéros gardés en empreinte",
    "cli.portfolio.no_contact": "aucun contact #{id}",
    "cli.portfolio.added": "contact #{id} ajouté au portefeuille de {caller}",
    "cli.portfolio.removed": "contact #{id} retiré du portefeuille de {caller}",
    "cli.portfolio.line": "#{id} {name} · {company}",
    "cli.add.bad_pair": "« {value} » : écrivez CHAMP=VALEUR (last_name=Dupont)",
    "cli.add.refused": "{field}\xa0: {reason}",
    "cli.add.like": (
        "déjà dans la base, semble-t-il (ci-dessus) :"
        " rien de créé ; --even-if-like pour créer quand même"
    ),
    "cli.add.created_company": "société #{id} créée : {name}",
    "cli.add.created_contact": "contact #{id} créé : {name}",
    "cli.add.created_freelance": "freelance #{id} créé : {name}",
    "create.what": "Créer :",
    "create.kind.company": "une société",
    "create.kind.contact": "un contact (DO ou non)",
    "create.kind.freelance": "un freelance",
    "create.title.company": "Nouvelle société",
    "create.title.contact": "Nouveau contact",
    "create.title.freelance": "Nouveau freelance",
    "create.field.name": "Nom",
    "create.field.kind": "Type (ESN, conseil, client final)",
    "create.field.sector": "Secteur",
    "create.field.city": "Ville",
    "create.field.website": "Site web",
    "create.field.switchboard": "Standard",
    "create.field.civility": "Civilité (M., Mme)",
    "create.field.first_name": "Prénom",
    "create.field.last_name": "Nom",
    "create.field.company": "Société",
    "create.field.role": "Fonction",
    "create.field.decision_maker": "DO (oui/non)",
    "create.field.email": "E-mail",
    "create.field.direct_phone": "Ligne directe",
    "create.field.mobile_phone": "Mobile",
    "create.field.title": "Intitulé (ex. Développeur Java)",
    "create.field.skills": "Compétences",
    "create.field.day_rate": "TJM (€)",
    "create.field.mobility": "Mobilité",
    "create.field.siret": "SIRET",
    "create.looks_known": (
        "Déjà dans la base, semble-t-il : ouvrir sa fiche plutôt qu'en créer une autre ?"
    ),
    "create.created_company": "Société créée : {name}.",
    "create.created_contact": "Contact créé : {name}.",
    "create.created_freelance": "Freelance créé : {name}.",
    "create.why.email": "même e-mail",
    "create.why.phone": "même numéro",
    "create.why.siret": "même SIRET",
    "create.why.name": "même nom",
    "cli.portfolio.count": "{count} {count|contact privé|contacts privés} pour {caller}",
    "cli.activity.queued": "contact #{id} dans la file de {caller}, à rappeler maintenant",
    "cli.activity.already_queued": (
        "contact #{id} : {caller} a déjà un rappel ouvert, rien d'ajouté"
    ),
    "cli.activity.count": (
        "{count} {count|DO|DO} sans appel depuis {days} jours ou plus"
    ),
    "cli.activity.count_more": (
        "{count} DO sans appel depuis {days} jours ou plus ; les {shown} plus anciens affichés"
        " (--limit pour en voir davantage)"
    ),
    "cli.activity.dnc_count": "{count} {count|numéro|numéros} sur la liste « ne pas appeler »",
    "activity.title_general": (
        "Activité générale : {count} {count|DO|DO} sans appel depuis {days} jours ou plus"
    ),
    "activity.title_general_more": (
        "Activité générale : {count} DO sans appel depuis {days} jours ou plus"
        " ({shown} plus anciens affichés)"
    ),
    "activity.title_private": (
        "Activité privée : {count} {count|contact privé|contacts privés}"
    ),
    "activity.title_dnc": (
        "Ne pas appeler : {count} {count|numéro|numéros}"
    ),
    "activity.field.days": "jours sans appel",
    "activity.field.sector": "secteur",
    "activity.field.company": "société",
    "activity.field.tech": "technologie",
    "activity.bad_days": "Le nombre de jours va de 1 à 3650.",
    "activity.empty": "Aucune ligne pour ces critères.",
    "activity.queued": "{name} est dans votre file, à rappeler maintenant.",
    "activity.already_queued": "{name} a déjà un rappel ouvert dans votre file.",
    "activity.since": "sur la liste depuis le {when}",
    "activity.why": "motif : {why}",
    "activity.last_note": "Dernière note ({when})",
    "activity.never": "jamais appelé",
    "activity.nothing_booked": "rien de prévu",
    "activity.last": "dernier appel : {when}",
    "activity.next": "prochain : {what}",
    "activity.nobody": "personne dans la base",
    "activity.erased": "(numéro effacé)",
    "cli.purge.never": "jamais",
    "cli.purge.line": "#{id} {name} · {company} · dernier contact : {when}",
    "cli.age.y": "{count} {count|an|ans}",
    "cli.age.m": "{count} mois",
    "cli.age.w": "{count} {count|semaine|semaines}",
    "cli.age.d": "{count} {count|jour|jours}",
    "cli.purge.ask": (
        "Effacer {count} {count|prospect|prospects} pour de bon, avec {count|ses|leurs} appels"
        " et {count|ses|leurs} notes\xa0? [o/N] "
    ),
    "cli.purge.found": "{count} {count|prospect|prospects} sans contact depuis {age}",
    "cli.purge.dry_run": " (simulation\xa0: rien n'est effacé)",
    "cli.purge.erased": (
        "{count} {count|prospect effacé|prospects effacés}, avec leurs appels et leurs"
        " notes"
    ),
    "cli.queue.when": "quand",
    "cli.queue.person": "personne",
    "cli.queue.company": "société",
    "cli.queue.reason": "raison",
    "cli.queue.left_out": "Écartés",
    "cli.recap.headers": "À : {to}\nObjet : {subject}",
    "cli.reminders.none": "aucun rappel ouvert pour {caller}",
    "cli.reminders.written": "{count} {count|rappel écrit|rappels écrits} dans {path}",
    "cli.reminders.not_open": "le rappel #{id} n'existe pas ou est déjà fait",
    "cli.reminders.missing": "le rappel #{id} n'existe pas",
    "cli.reminders.done": "rappel #{id} fait",
    "cli.reminders.needs_until": "--snooze demande --until QUAND (par exemple 'demain 10h')",
    "cli.reminders.moved": "rappel #{id} déplacé au {when}",
    "cli.reminders.needs_to": "--reassign demande --to NOM",
    "cli.reminders.lead_only": "seul un chef d'équipe peut réattribuer ({caller} ne l'est pas)",
    "cli.reminders.reassigned": "le rappel #{id} est maintenant à {caller}",
    "cli.agenda.none": "rien de prévu sur cette période",
    "cli.agenda.bad_day": "« {value} » n'est pas un jour comme 2026-12-07.",
    "cli.report.bad_week": "--week « {value} » : 2026-W48 attendu, ou un jour de cette semaine",
    "cli.report.bad_date": "--date « {value} » : 2026-11-23 attendu",
    "cli.report.week": "{week} ({start} – {end})",
    "error.bad_money": "Montant illisible : {value}",
    "error.clauses_missing": "Placement impossible : clause non signée ({missing}).",
    "error.bad_status": "Statut inconnu : {value}",
    "error.bad_age": (
        "Durée illisible : « {value} » (un nombre suivi de y, m, w ou d : 3y, 36m,"
        " 1095d)."
    ),
    "error.bad_field": "Champ inconnu pour un besoin : {field}.",
    "error.bad_margin": (
        "Marge illisible : « {value} » (une fraction comme 0.2 ou un pourcentage comme"
        " 20 %)."
    ),
    "error.bad_number": "« {value} » n'est pas un numéro de téléphone valide.",
    "error.bad_person_query": (
        "« {value} » : ni un identifiant, ni un e-mail, ni un numéro de"
        " téléphone."
    ),
    "error.capture_unknown": "Rien à noter sous « {key} » à cette étape.",
    "error.capture_type": "{field} : type de saisie inconnu.",
    "error.export_kind": "Table inconnue : choisissez companies, contacts, freelances ou calls.",
    "error.ics_bad_duration": "Un événement du calendrier doit avoir une durée.",
    "error.import_columns": "Les colonnes du fichier ne correspondent pas aux champs attendus.",
    "error.import_kind": "Type d'import inconnu : choisissez companies, contacts ou freelances.",
    "error.import_map_column": (
        "{path}, ligne {line}\xa0: --map nomme la colonne «\xa0{column}\xa0», absente du"
        " fichier\xa0; ses colonnes\xa0: {columns}"
    ),
    "error.import_map_field": (
        "{path}\xa0: --map nomme le champ «\xa0{field}\xa0», inconnu ici\xa0; les"
        " champs\xa0: {fields}"
    ),
    "error.import_missing_column": (
        "{path}, ligne {line}\xa0: aucune colonne pour {missing} (colonnes\xa0: {columns})\xa0;"
        " nommez-la ainsi, ou --map COLONNE={missing}"
    ),
    "error.import_partial": (
        "Import arrêté à la ligne {done} sur {total} : les lignes déjà écrites restent ;"
        " relancer le même import est sans risque (fusion par e-mail, ou par téléphone et nom)."
    ),
    "error.import_missing": "{path} : ce fichier n'existe pas.",
    "error.import_folder": "{path} : c'est un dossier, pas un fichier.",
    "error.import_not_file": (
        "{path} : ce n'est pas un fichier ordinaire (un périphérique, un tube)."
    ),
    "error.import_too_big": "{path} : {size} Mo, c'est trop pour une liste (au plus {max} Mo).",
    "error.import_read": "{path} : lecture impossible.",
    "error.import_table": "{path} : ce fichier ne se lit pas comme un tableau ({cause}).",
    "error.import_formula": (
        "«\xa0{value}\xa0» est une formule, pas une valeur\xa0: exportez les valeurs plutôt que"
        " les formules."
    ),
    "error.import_controls": (
        "Caractères de contrôle {characters} dans le texte\xa0: retirez-les du fichier."
    ),
    "error.import_extension": (
        "«\xa0{value}\xa0»\xa0: un numéro avec un poste ({extension}), que seul un contact garde"
        " (dans son historique)\xa0: donnez le numéro seul."
    ),
    "error.import_cv_windows_path": (
        "«\xa0{value}\xa0»\xa0: un chemin sur une machine Windows\xa0; donnez le chemin du CV"
        " depuis le dossier du tableau (CV/Jean Dupont.docx)."
    ),
    "error.import_scientific": (
        "«\xa0{value}\xa0»\xa0: Excel a écrit ce nombre en notation scientifique et ses derniers"
        " chiffres sont perdus\xa0: mettez la colonne au format texte dans le tableur, puis"
        " exportez de nouveau."
    ),
    "error.import_email": "«\xa0{value}\xa0» n'est pas une adresse e-mail.",
    "error.import_company_kind": (
        "«\xa0{value}\xa0» n'est pas un type de société (ESN conseil, ESN, client final"
        " ou autre)."
    ),
    "error.import_availability": (
        "«\xa0{value}\xa0» n'est pas une disponibilité (disponible, en mission ou préavis)."
    ),
    "error.import_billing": (
        "«\xa0{value}\xa0» n'est pas un mode de facturation (portage, ou société avec SIRET)."
    ),
    "error.import_date": "«\xa0{value}\xa0» n'est pas une date (25/12/2026).",
    "error.import_yes_no": "«\xa0{value}\xa0»\xa0: oui ou non attendu.",
    "error.import_day_rate": "«\xa0{value}\xa0» n'est pas un TJM en euros.",
    "error.import_day_rate_range": (
        "«\xa0{value}\xa0»\xa0: un TJM va de 0 à 100\u202f000\xa0€."
    ),
    "error.import_postcode": (
        "«\xa0{value}\xa0» n'est pas un code postal (cinq chiffres\xa0: 75008)."
    ),
    "error.import_siret_siren": (
        "Le SIRET {siret} n'appartient pas au SIREN {siren} (ses neuf premiers chiffres"
        " diffèrent)."
    ),
    "error.import_required": "Vide, alors que ce champ est obligatoire.",
    "error.import_unreachable": (
        "Ni téléphone ni e-mail\xa0: aucun moyen de joindre cette personne."
    ),
    "error.import_long_row": (
        "{count} {count|cellule|cellules} au-delà de la dernière colonne, qui"
        " {count|serait perdue|seraient perdues}\xa0: un séparateur ({separator}) dans une"
        " cellule sans guillemets\xa0?"
    ),
    "error.import_short_row": (
        "{count} {count|colonne manque|colonnes manquent}\xa0: la ligne est coupée."
    ),
    "error.invalid": "«\xa0{value}\xa0» est refusé ici.",
    "error.figure_foreign_column": (
        "«\xa0{value}\xa0»\xa0: la colonne «\xa0{column}\xa0» n'est pas en euros (convertissez-la,"
        " ou laissez-la de côté)."
    ),
    "error.figure_no_unit": (
        "«\xa0{value}\xa0»\xa0: sans unité, et ce n'est le chiffre d'affaires d'aucune société en"
        " euros\xa0: écrivez-le avec son unité (12,5\xa0M€, 800\xa0k€) ou nommez l'unité dans"
        " l'en-tête (CA 2024 (M€))."
    ),
    "error.figure_foreign": (
        "«\xa0{value}\xa0» n'est pas en euros (convertissez-le, ou laissez la case vide)."
    ),
    "error.figure_amount": (
        "«\xa0{value}\xa0» n'est pas un montant (5,8\xa0M€, 1\u202f200\xa0k€, 12500000)."
    ),
    "error.figure_unit": (
        "«\xa0{value}\xa0»\xa0: unité «\xa0{unit}\xa0» inconnue (€, k€, M€ ou Md€)."
    ),
    "error.figure_negative": "«\xa0{value}\xa0»\xa0: un chiffre négatif n'a pas de sens ici.",
    "error.figure_revenue_too_large": (
        "«\xa0{value}\xa0»\xa0: bien trop grand pour le chiffre d'affaires d'une société."
    ),
    "error.figure_backwards": "«\xa0{value}\xa0»\xa0: la fourchette est à l'envers.",
    "error.figure_number": "«\xa0{value}\xa0» n'est pas un nombre.",
    "error.figure_headcount": (
        "«\xa0{value}\xa0» n'est pas un effectif (56\u202f086, 1,2k, 51-200)."
    ),
    "error.figure_headcount_too_large": (
        "«\xa0{value}\xa0»\xa0: bien trop grand pour un effectif."
    ),
    "error.figure_year": "«\xa0{value}\xa0» n'est pas une année (2023).",
    "error.history_date": (
        "«\xa0{value}\xa0» n'est pas une date (20/11/2024, 2024-11-20 14:32)."
    ),
    "error.history_future": (
        "«\xa0{value}\xa0» est dans le futur\xa0: un dernier contact a déjà eu lieu."
    ),
    "error.margin_out_of_range": "La marge « {value} » doit être comprise entre 0 et 1 (exclu).",
    "error.naive_datetime": "Le moment « {value} » n'a pas de fuseau horaire.",
    "error.naive_time": "L'heure de l'entretien doit préciser son fuseau horaire.",
    "error.need_contact": "Un besoin se rattache au contact d'une société, pas à un freelance.",
    "error.no_call": "Aucun appel en cours sous ce numéro.",
    "error.no_caller": "Cet appelant n'existe pas (n° {id}).",
    "error.activity_days": "Le nombre de jours va de 1 à {max} (et non {days}).",
    "error.activity_days_text": "« {text} » n'est pas un nombre de jours.",
    "error.create_kind": "Rien à créer sous le nom « {kind} ».",
    "error.create_no_field": "Pas de champ « {field} » ici (champs : {fields}).",
    "error.create_controls": "{field} : contient des caractères de contrôle.",
    "error.create_company_kind": (
        "« {value} » n'est pas un type de société (ESN, conseil, client final, autre)."
    ),
    "error.create_civility": "« {value} » n'est pas une civilité (M., Mme).",
    "error.create_duplicate": (
        "{name} (n° {id}) est déjà dans la base : rien de créé."
    ),
    "error.no_contact": "Ce contact n'existe pas (n° {id}).",
    "error.nobody": "Personne ne correspond à « {value} ».",
    "error.objection_needs_answer": "Choisissez une des réponses de l'objection.",
    "error.policy_bad_window": (
        "Horaires d'appel « {name} » : les créneaux doivent se suivre sans se"
        " chevaucher."
    ),
    "error.policy_needs_seven_days": (
        "Horaires d'appel « {name} » : il faut les 7 jours de la"
        " semaine."
    ),
    "error.policy_negative": "Horaires d'appel « {name} » : {field} ne peut pas être négatif.",
    "error.policy_without_windows": "Horaires d'appel « {name} » : aucun jour n'autorise d'appel.",
    "error.rate_negative": "Un tarif ne peut pas être négatif ({value}).",
    "error.rate_not_a_number": "« {value} » n'est pas un tarif en euros.",
    "error.rate_zero": "Le tarif de vente doit être supérieur à zéro.",
    "error.sectors_file": (
        "{path} : fichier des secteurs illisible (lignes attendues comme « BNP Paribas :"
        " Banque »)."
    ),
    "error.several": "« {value} » désigne plusieurs personnes ({names}) : précisez laquelle.",
    "error.table_binary": (
        "Ce fichier n'est pas un CSV (enregistrez-le en CSV, ou donnez le"
        " .xlsx)."
    ),
    "error.table_json": "Ligne {line}\xa0: ce n'est pas du JSON valide (coupé, ou abîmé).",
    "error.table_json_shape": (
        "Du JSON, mais pas une liste de lignes ([{{…}}, {{…}}])\xa0: exportez-le en liste, ou"
        " en CSV."
    ),
    "error.table_json_row": (
        "Ligne {line}\xa0: un élément qui n'est pas une ligne ({{\"nom\": …}})."
    ),
    "error.table_json_nested": (
        "Ligne {line}\xa0: «\xa0{column}\xa0» contient une valeur imbriquée, pas une cellule."
    ),
    "error.table_empty": "Le fichier est vide.",
    "error.table_header_only": "Le fichier n'a qu'une ligne d'en-tête, aucune ligne à importer.",
    "error.table_no_header": "La première ligne n'a aucun nom de colonne.",
    "error.table_open_quote": (
        "Ligne {line}\xa0: une cellule ouverte par un guillemet (\") n'est jamais fermée, et"
        " {count} {count|ligne suivante y est passée|lignes suivantes y sont passées}\xa0:"
        " fermez-la, ou doublez le guillemet dans la cellule (\"\")."
    ),
    "error.table_truncated": "Ligne {line} : le fichier semble coupé avant la fin.",
    "error.table_cell_too_big": ("Ligne {line}\xa0: une cellule de plus de {limit} caractères,"
                                 " ce qui n'est pas une liste de personnes (un document entier"
                                 " collé dans une cellule\xa0?)."),
    "error.table_bad_quote": ("Ligne {line}\xa0: un guillemet dans une cellule entre guillemets"
                              " qui n'est pas doublé (écrivez \"\" pour un guillemet)."),
    "error.table_xlsx": "Ce fichier .xlsx ne se lit pas (abîmé, ou un autre format renommé).",
    "error.table_xlsx_unpacked": ("Ce fichier .xlsx se décompresse en {size}\xa0Mo, plus que ne"
                                  " tient une liste (au plus {max}\xa0Mo)\xa0: enregistrez la"
                                  " feuille en CSV."),
    "error.time_zone_unknown": "Fuseau horaire inconnu : « {value} ».",
    "error.write_failed": "{path} : écriture impossible.",
    "call.already_on": "Un appel est en cours : terminez-le d'abord.",
    "cv.title": "CV anonymisé — relisez et corrigez avant l'envoi",
    "cv.full": "CV plein\xa0: au plus {limit} caractères\xa0; la suite n'a pas été prise.",
    "cv.removed": "Retiré : {what}",
    "cv.nothing": "rien",
    "cv.replaced": "Remplacé\xa0: {pairs}",
    "cv.help": "ctrl+s préparer le mail au DO · échap annuler",
    "cv.kind.name": "{count|nom|noms}",
    "cv.kind.other_person": "{count|autre personne nommée|autres personnes nommées}",
    "cv.kind.email": "{count|e-mail|e-mails}",
    "cv.kind.phone": "{count|téléphone|téléphones}",
    "cv.kind.address": "{count|adresse|adresses}",
    "cv.kind.link": "{count|lien|liens}",
    "cv.kind.employer": "{count|employeur|employeurs}",
    "cv.kind.birth": "{count|date de naissance|dates de naissance}",
    "cv.kind.age": "{count|âge|âges}",
    "cv.kind.nationality": "{count|nationalité|nationalités}",
    "cv.kind.company_id": "{count|n° d'entreprise|n° d'entreprise}",
    "cv.kind.bank": "{count|coordonnée bancaire|coordonnées bancaires}",
    "cv.kind.social": "{count|n° de sécurité sociale|n° de sécurité sociale}",
    "cv_mail.title": ("Mail au DO avec le CV anonymisé : le CV compte comme envoyé une fois le mail"
                      " enregistré ou ouvert"),
    "cv_mail.subject": "Un consultant pour votre besoin {title} — {firm}",
    "cv_mail.hello": "Bonjour {who},",
    "cv_mail.intro": ("Comme convenu, voici le CV anonymisé d'un consultant qui correspond à votre "
                      "besoin « {title} » :"),
    "cv_mail.next": ("Je vous appelle d'ici deux jours pour recueillir votre avis et, s'il vous "
                     "convient, organiser un entretien."),
    "cv_mail.bye": "Bien cordialement,",
    "cv_mail.attached": "Le CV anonymisé est en pièce jointe.",
    "cv_mail.profile.title": "Profil",
    "cv_mail.profile.skills": "Compétences",
    "cv_mail.profile.availability": "Disponibilité",
    "cv_mail.profile.available_from": "Disponible à partir du",
    "cv_mail.profile.mobility": "Mobilité",
    "cv_mail.profile.rate": "Tarif",
    "cv_mail.availability.available": "disponible",
    "cv_mail.availability.on_mission": "en mission",
    "cv_mail.availability.notice": "en préavis",
    "cv_mail.rate": "{rate} € HT par jour",
    "cv_mail.copy_not_sent": ("Copié. Le CV ne compte comme envoyé qu'une fois le mail enregistré "
                              "(ctrl+e) ou ouvert (ctrl+o)."),
    "cv_mail.help": ("ctrl+e enregistrer le .eml · ctrl+o l'enregistrer et l'ouvrir dans la "
                     "messagerie · ctrl+y copier le texte · échap fermer"),
    "cvfiles.title": "CV de {name}",
    "cvfiles.title_card": "CV du freelance",
    "cvfiles.none": "Aucun CV enregistré.",
    "cvfiles.scan": "scan, sans texte",
    "cvfiles.path": "Chemin du fichier (.docx, .pdf, .odt, .txt, .md) — Tab complète",
    "cvfiles.help": "Entrée joindre · Tab compléter le chemin · échap fermer",
    "cvfiles.added": "CV joint\xa0: {name}",
    "cvfiles.added_scan": ("CV joint\xa0: {name} — un scan sans texte, ni cherchable ni "
                           "anonymisable."),
    "cv_mail.history": "CV de {name} envoyé pour « {title} » : {where}",
    "key.back": "retour",
    "key.interview": "entretien",
    "key.mail_copy": "copier",
    "key.mail_eml": "enregistrer .eml",
    "key.mail_open": "ouvrir dans la messagerie",
    "key.needs": "besoins",
    "key.activity": "listes d'activité",
    "key.next_list": "liste suivante",
    "key.filter": "filtrer",
    "key.to_my_queue": "dans ma file",
    "key.give_portfolio": "confier",
    "key.needs_toggle": "tous / avec profils",
    "key.placement": "placement",
    "key.propose": "proposer",
    "key.recap": "mail récap",
    "key.search": "chercher",
    "key.search_all": "rechercher partout",
    "key.open_record": "ouvrir la fiche",
    "key.call_now": "appeler",
    "key.book_reminder": "rappel",
    "key.add_note": "note",
    "key.open_company": "fiche société",
    "key.edit_record": "modifier",
    "key.cv_files": "CV reçus",
    "key.complete": "compléter",
    "key.send_cv": "envoyer le CV",
    "mail.title": "Mail récapitulatif (brouillon)",
    "mail.to": "À :",
    "mail.subject": "Objet :",
    "mail.help": "ctrl+o messagerie · ctrl+e fichier .eml · ctrl+y copier · échap fermer",
    "mail.opened": "Brouillon ouvert dans la messagerie.",
    "mail.no_client": "Pas de messagerie : enregistrez le .eml (ctrl+e) ou copiez (ctrl+y).",
    "mail.saved": "Brouillon enregistré : {path}",
    "mail.copied": "Mail copié dans le presse-papiers.",
    "match.filter": "Chercher un freelance : nom, compétence, ville… (Entrée : aller à la liste)",
    "match.count": "{shown} sur {total}",
    "match.group.available": "Disponible",
    "match.group.stale": "Indisponible, pas contacté depuis longtemps",
    "match.group.later": "Indisponible, contacté récemment",
    "match.covered": "Couvre",
    "match.missing": "Manque",
    "match.mobile": "Mobile sur la région",
    "match.not_mobile": "Pas mobile sur la région",
    "match.rates": "TJM d'achat {buying} € → vente {selling} € (marge {margin})",
    "match.over_budget": (
        "Au-dessus du budget de {budget} € une fois la marge ajoutée"
        " ({amount} € de trop) : demander un effort"
    ),
    "match.within_budget": "Dans le budget du client",
    "match.rate_unknown": "TJM inconnu",
    "match.proposed": "{name} proposé(e) sur le besoin.",
    "match.cv_sent": "CV envoyé ({where}) · relance du DO le {when}",
    "match.interview_title": "Entretien",
    "match.interview_when": "Date et heure",
    "match.bad_when": "Date illisible : ex. 27/11 14h30, demain 10h",
    "match.interview_booked": "Entretien noté · appels au DO et au freelance le {when}",
    "match.placement_title": ("Placement de {name} — clauses signées ? (o/n) : "
                              "non-concurrence par le freelance, non-sollicitation par le DO"),
    "match.non_compete": "Non-concurrence ?",
    "match.non_solicitation": "Non-sollicitation ?",
    "match.mission_title": "Mission de {name} : dates et taux journaliers",
    "match.mission_start": "Début de mission",
    "match.mission_end": "Fin de mission",
    "match.buying_rate": "TJM d'achat (€)",
    "match.selling_rate": "TJM de vente (€)",
    "match.bad_day": "Date illisible : ex. 04/01/2027, lundi, 2027-01-04",
    "match.ends_first": "La mission finit avant de commencer.",
    "match.selling_zero": "Le TJM de vente doit dépasser 0 €.",
    "match.mission": ("Mission du {start} au {end} ({days} jours ouvrés) · achat {buying} € →"
                      " vente {selling} € · marge {rate}, {per_day} € par jour, {total} € sur"
                      " la mission"),
    "match.placed": "Placement enregistré · besoin gagné.",
    "match.clauses_signed": "clauses signées",
    "need.field.title": "Intitulé",
    "need.field.profile": "Profil",
    "need.field.tasks": "Missions",
    "need.field.technologies": "Technologies",
    "need.field.region": "Région",
    "need.field.start": "Démarrage",
    "need.field.duration": "Durée",
    "need.field.budget_rate": "Budget TJM",
    "need.field.languages": "Langues",
    "need.field.description": "Fiche de poste",
    "need.status.open": "ouvert",
    "need.status.proposed": "proposé",
    "need.status.won": "gagné",
    "need.status.lost": "perdu",
    "need.contact": "DO",
    "need.proposals": "Profils proposés",
    "needs.filter": "Filtrer : techno, région, client… (Entrée : aller à la liste)",
    "needs.none": "Aucun besoin.",
    "needs.pick": "Choisissez un besoin ; Entrée pour ses freelances.",
    "needs.title_all": "Tous les besoins ({shown}/{total})",
    "needs.title_proposed": "Besoins avec profils proposés ({shown}/{total})",
    "proposal.status.proposed": "proposé",
    "proposal.status.cv_sent": "CV envoyé",
    "proposal.status.interview": "entretien",
    "proposal.status.placed": "placé",
    "proposal.status.rejected": "écarté",
    "reason.non_compete": "non-concurrence du freelance",
    "reason.non_solicitation": "non-sollicitation du DO",
    "reason.both_clauses": "non-concurrence du freelance et non-sollicitation du DO",
    "freelance.notice": "en préavis",
    "freelance.billing.own_company": "sa société (SIRET)",
    "freelance.billing.portage": "portage salarial",
    "freelance.billing.unknown": "à demander",
    "card.day_rate": "TJM",
    "card.availability": "Disponibilité",
    "card.mobility": "Mobilité",
    "card.billing": "Facturation",
    "card.freelance": "freelance",
    "key.new_need": "nouveau besoin",
    "needs.new": "Nouveau besoin",
    "needs.new_for": "Nouveau besoin pour le contact choisi dans la file",
    "needs.created": "Besoin n° {id} enregistré.",
    "report.title": "Chiffres — {period}",
    "report.scope_team": "Équipe ({count} appelants)",
    "report.scope_caller": "Appelant : {name}",
    "report.by_caller": "Par appelant",
    "report.team": "Équipe",
    "report.caller": "Appelant",
    "report.calls": "Appels",
    "report.talk_time": "Temps de parole",
    "report.reached": "DO joints",
    "report.reach_rate": "Taux DO",
    "report.needs": "Besoins qualifiés",
    "report.placements_title": "CV, entretiens et placements",
    "report.cvs_sent": "CV envoyés",
    "report.interviews": "Entretiens",
    "report.placements": "Placements",
    "report.margin": "Marge (€)",
    "report.margin_rate": "Marge (%)",
    "report.outcomes": "Issues des appels",
    "report.outcome": "Issue",
    "report.objections": "Objections entendues et issue des appels",
    "report.objection": "Objection",
    "report.ended": "Les appels se sont terminés par",
    "report.none": "Aucune.",
    "report.in_progress": "en cours",
    "report.funnel": "Où s'arrêtent les appels — {script}",
    "report.step": "Étape",
    "report.reached_step": "Appels arrivés là",
    "report.stopped_here": "Arrêtés là",
    "report.per_hour": "Appels par heure",
    "report.hour": "Heure",
    "report.days": "Appels par jour",
    "report.day": "Jour",
    "report.day_label": "{date}",
    "report.week_label": "semaine {week} ({start} – {end})",
    "key.previous": "précédent",
    "key.next": "suivant",
    "key.day_week": "jour / semaine",
    "key.today": "aujourd'hui",
    "key.reassign": "réattribuer",
    "key.owner": "portefeuille privé",
    "key.add_member": "ajouter quelqu'un",
    "key.make_lead": "nommer chef",
    "key.leave_team": "départ",
    "key.review": "revue",
    "key.agenda": "agenda",
    "key.agenda_day": "vue du jour",
    "key.agenda_week": "vue de la semaine",
    "key.agenda_month": "vue du mois",
    "key.agenda_later": "rappel : un jour ouvré plus tard",
    "key.agenda_sooner": "rappel : un jour ouvré plus tôt",
    "key.agenda_week_later": "rappel : une semaine plus tard",
    "key.agenda_week_sooner": "rappel : une semaine plus tôt",
    "review.team": "Équipe en direct",
    "review.figures": "Chiffres",
    "review.overdue": "Rappels en retard de l'appelant choisi",
    "review.col_caller": "Appelant",
    "review.col_queue": "File du jour",
    "review.col_overdue": "En retard",
    "review.col_on_call": "En appel avec",
    "review.col_since": "Depuis",
    "review.col_due": "Prévu",
    "review.col_person": "Personne",
    "review.col_reason": "Motif",
    "review.col_owner": "Appelant",
    "review.summary": (
        "À {at} : {on_call} en appel · {unowned} {unowned|rappel|rappels} en retard sans"
        " appelant · {leads} {leads|lead non attribué|leads non attribués}"
    ),
    "review.week": "semaine {week} ({start} – {end})",
    "review.reassign_title": "Réattribuer le rappel de {person} à :",
    "review.current": "le détient aujourd'hui",
    "review.reassigned": "Rappel réattribué à {to}.",
    "review.owner_title": "Confier {person} au portefeuille privé de :",
    "review.everyone": "Personne : le contact revient à toute l'équipe",
    "review.owned": "Contact confié à {owner}.",
    "review.unowned": "Contact rendu à toute l'équipe.",
    "review.lead_confirm": ("{name} devient chef d'équipe : cette personne pourra modifier"
                            " l'équipe et suivre le travail de chacun. D'accord ?"),
    "review.leave_confirm": ("{name} quitte l'équipe ? Ses appels et ses notes restent à son"
                             " nom ; ses rappels ouverts et ses contacts privés passent à {lead}."),
    "team_form.title": "Ajouter une personne à l'équipe",
    "team_form.name": "Nom",
    "team_form.email": "E-mail",
    "team_form.login": "Rôle PostgreSQL",
    "team_form.lead": "Chef d'équipe",
    "team_form.no": "non",
    "team_form.bad_email": "« {value} » n'est pas une adresse e-mail.",
    "team_form.bad_login": ("« {value} » : un nom de rôle PostgreSQL (lettres sans accent,"
                            " chiffres, _)."),
    "error.lead_only": "Réservé au chef d'équipe.",
    "error.no_caller_named": "Aucun appelant nommé {name}.",
    "team.added": "{name} rejoint l'équipe.",
    "team.added_lead": "{name} rejoint l'équipe, comme chef d'équipe.",
    "team.first_next": (
        "La suite : le nom du cabinet (`cockpit team firm NOM`), les appelants"
        " (`cockpit team add NOM`), une liste à appeler (`cockpit import contacts FICHIER`)."
    ),
    "team.role_lead": "chef d'équipe",
    "team.role_caller": "appelant",
    "team.role_left": "a quitté l'équipe le {date}",
    "team.login": "connexion {login}",
    "team.count": "{count} {count|personne active|personnes actives}",
    "team.none_yet": (
        "Personne dans l'équipe pour l'instant : `cockpit team add NOM` ajoute la première,"
        " qui en sera chef."
    ),
    "team.now_lead": "{name} est chef d'équipe.",
    "team.no_longer_lead": "{name} n'est plus chef d'équipe.",
    "team.left": "{name} a quitté l'équipe : ses appels et ses notes restent à son nom.",
    "team.handed_over": (
        "Confiés à {lead} : {reminders} {reminders|rappel ouvert|rappels ouverts} et"
        " {contacts} {contacts|contact privé|contacts privés}."
    ),
    "team.firm_set": "Nom du cabinet : {name}.",
    "team.firm_overridden": (
        "Sur cet ordinateur, COCKPIT_FIRM (ou « firm » dans le fichier de réglages) fait"
        " dire « {name} » aux scripts."
    ),
    "error.no_team": (
        "Aucun appelant : créez l'équipe avec `cockpit team add NOM --lead` (ou lancez"
        " `cockpit` pour un premier démarrage guidé)."
    ),
    "error.cli_no_caller_named": "Aucun appelant nommé {name} (l'équipe : {known}).",
    "error.team_no_lead": "L'équipe n'a pas de chef : nommez-en un avec `cockpit team lead NOM`.",
    "error.team_lead_only": (
        "Réservé au chef d'équipe, ce que {name} n'est pas (--as NOM : le chef qui le fait)."
    ),
    "error.team_unknown": "Personne ne s'appelle {name} dans l'équipe (l'équipe : {known}).",
    "error.team_left": "{name} a quitté l'équipe.",
    "error.team_bad_name": (
        "« {name} » : un nom fait de lettres, de chiffres, d'espaces, de - ' . (60 caractères"
        " au plus)."
    ),
    "error.team_bad_email": "--email « {value} » n'est pas une adresse e-mail.",
    "error.team_bad_login": (
        "--login « {value} » : un nom de rôle PostgreSQL (lettres sans accent, chiffres, _)."
    ),
    "error.team_duplicate": "{name} fait déjà partie de l'équipe.",
    "error.team_duplicate_left": (
        "{name} a fait partie de l'équipe et garde son historique : choisissez un autre nom"
        " (avec l'initiale du nom, par exemple)."
    ),
    "error.team_login_taken": "La connexion « {value} » est déjà celle de quelqu'un d'autre.",
    "error.team_last_lead": (
        "{name} est le seul chef d'équipe : nommez d'abord quelqu'un d'autre"
        " (`cockpit team lead NOM`)."
    ),
    "error.team_exists": "L'équipe existe déjà.",
    "error.firm_bad_name": "Le nom du cabinet tient sur une ligne de {limit} caractères au plus.",
    "error.portfolio_give_lead_only": (
        "Seul le chef d'équipe confie un contact à quelqu'un d'autre."
    ),
    "error.portfolio_colleague": (
        "Le contact n° {id} est dans le portefeuille privé de {name} : seul le chef d'équipe"
        " peut l'en sortir."
    ),
    "error.no_reminder": "Ce rappel n'existe pas (n° {id}).",
    "error.no_open_reminder": "Le rappel n° {id} n'existe pas ou est déjà fait.",
    "error.not_your_reminder": ("Le rappel n° {id} est celui de {owner} : seul cet appelant "
                                "ou un chef d'équipe peut le changer."),
    "error.agenda_past": "Le rappel n° {id} ne peut pas être déplacé dans le passé.",
    "error.bad_period": "« {value} » n'est pas une période : jour, semaine ou mois.",
    "error.placement_dates": ("Le début ({start}) et la fin ({end}) de la mission sont des "
                              "dates, la fin au plus tôt le jour du début."),
    "error.placement_rates": ("Les taux journaliers sont des montants en euros : un achat "
                              "d'au moins 0 €, une vente au-dessus de 0 €."),
    "error.placement_ends_first": "La mission finit ({end}) avant de commencer ({start}).",
    "error.placement_bad_rate": ("Taux journaliers : un achat d'au moins 0 € et une vente "
                                 "au-dessus de 0 € ({buying} € → {selling} €)."),
    "error.bad_move": "« {value} » : un rappel avance ou recule d'un jour ouvré ou d'une semaine.",
    "error.not_yourself": ("{option} {name} : vous êtes connecté avec le compte {login}, "
                           "c'est-à-dire {me} ; un appelant n'agit qu'en son propre nom."),
    "error.login_nobody": ("Le compte {login} n'est celui de personne dans l'équipe : le chef "
                           "d'équipe doit l'attribuer à un appelant (son identifiant)."),
    "error.dnc_key_mismatch": (
        "la liste «\xa0ne plus appeler\xa0» de cette base a été faite avec une autre clé que"
        " {path}\xa0: copiez ici le fichier de clé de l'équipe (ou indiquez-le par"
        " COCKPIT_DNC_KEY_FILE)\xa0; aucun numéro n'a été vérifié"
    ),
    "error.person_needs_who": ("person {action} : dites qui (un numéro de fiche, un "
                               "téléphone ou un e-mail)."),
    "error.vacuum_owner_only": ("Pas nettoyé (seul le propriétaire des tables en a le "
                                "droit) : {tables}"),
    "error.vacuum_sqlite": ("Rien à faire : sur SQLite, l'effacement nettoie le fichier "
                            "tout de suite."),
    "error.forget_needs_yes": ("Rien n'a été effacé : ajoutez --yes pour effacer sans "
                               "question."),
    "person.kind.contact": "contact",
    "person.kind.freelance": "freelance",
    "person.forget_what": (
        "À effacer définitivement : {kind} n° {id}, {name} — {calls} {calls|appel|appels},"
        " {notes} {notes|note|notes}, {reminders} {reminders|rappel|rappels}, {phones}"
        " {phones|numéro|numéros}."
    ),
    "person.forget_ask": "Effacer cette personne pour de bon ? [o/N] ",
    "person.forget_kept": "Rien n'a été effacé.",
    "key.switch_tab": "équipe / chiffres",
    "call.ended_reminder": "rappel {at}",
    "call.ended_new_contact": "nouveau contact en file",
    "call.ended_need": "besoin créé",
    "call.outbox": "hors ligne : gardé sur ce poste, enregistré au retour de la connexion",
    "call.refused": ("gardé sur ce poste : la base a refusé l'enregistrement "
                     "({reason}) ; prévenez votre responsable"),
    "call.disk_full_kept": "disque plein : gardé sur ce poste, enregistré dès que la place revient",
    "call.disk_full_memory": ("disque plein : gardé en mémoire, enregistré dès que la place "
                             "revient (ne quittez pas le cockpit d'ici là)"),
    "top.refused": "NON ENREGISTRÉ",
    "top.offline": "HORS LIGNE",
    "top.disk_full": "DISQUE PLEIN",
    "top.read_only": "lecture seule",
    "top.read_only_notice": ("Base ouverte en lecture seule ({path}) : vous pouvez consulter, "
                             "rien ne sera enregistré. Pour y écrire : chmod u+w sur le fichier."),
    "call.outbox_flushed": (
        "{count} {count|fin d'appel enregistrée|fins d'appel enregistrées} au retour de la"
        " connexion."
    ),
    "call.erased_dropped": (
        "{count} {count|fin d'appel en attente abandonnée|fins d'appel en attente"
        " abandonnées} : la personne a été effacée depuis, sa note aussi."
    ),
}
