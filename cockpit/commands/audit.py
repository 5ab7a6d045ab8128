"""`cockpit audit [--limit N] [--as NAME]`: who changed what (a team lead only)."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import count, out
from cockpit.commands.base import say


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("audit", help="the audit log: edits, reassignments, erasures")
    parser.add_argument("--limit", type=count, default=100)
    parser.add_argument("--as", dest="viewer", metavar="NAME",
                        help="who reads it (a lead; default: $COCKPIT_CALLER, else the first "
                        "lead)")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import find_caller, lang_of, services_for
    from cockpit.i18n.dates import format_date_time

    services = services_for(args)
    callers = services.callers()
    viewer = find_caller(services, args.viewer or args.settings.caller, "--as", lead_first=True)
    names = {c.id: c.name for c in callers}
    lang = lang_of(args)
    for at, actor, action, entity, entity_id, details in services.audit(viewer.id,
                                                                        args.limit):
        out(say("cli.audit.line", when=format_date_time(at, lang, at.tzinfo), actor=actor or "—",
                action=_word("action", action), entity=_entity(entity), id=entity_id,
                details=_details(action, details, names)).rstrip())
    return 0


def _word(group: str, code: str) -> str:
    """An action or an entity as a person says it; an unknown one (a newer cockpit's), as
    written."""
    key = f"cli.audit.{group}.{code}"
    said = say(key)
    return code if said == key else said


def _entity(entity: str) -> str:
    from cockpit.domain.audit import ERASED

    if entity.endswith(ERASED):
        return f"{_word('entity', entity[:-len(ERASED)])} {say('cli.audit.erased')}"
    return _word("entity", entity)


def _details(action: str, details: str, names: dict[int, str]) -> str:
    """The line's details as written by the store, read out: callers by their name, fields
    by their label, the cockpit's own reasons in the reader's language."""
    import json
    import re

    from cockpit.commands._common import stored_reason

    def caller(raw: str) -> str:
        return names.get(int(raw)) or say("cli.audit.caller", id=raw)

    found = re.fullmatch(r"to caller (\d+)", details)
    if action == "reassign" and found:
        return say("cli.audit.to_caller", caller=caller(found.group(1)))
    found = re.fullmatch(r"owner=(\d+|None)", details)
    if action == "set_owner" and found:
        return say("cli.audit.no_owner") if found.group(1) == "None" \
            else say("cli.audit.owner", caller=caller(found.group(1)))
    if action == "edit":
        try:
            fields = json.loads(details)
        except ValueError:
            return details
        if isinstance(fields, list):
            return ", ".join(_field(str(f)) for f in fields)
    found = re.fullmatch(r"(.*); own numbers (\d+); shared left open (\d+)", details)
    if action == "do_not_call" and found:
        return say("cli.audit.blocked", reason=stored_reason(found.group(1)),
                   own=found.group(2), shared=found.group(3))
    if action == "erase":
        reason, _, reminders = details.partition("; reminders ")
        return say("cli.audit.reminders", reason=stored_reason(reason), ids=reminders) \
            if reminders else stored_reason(reason)
    return details


def _field(name: str) -> str:
    key = f"field.{name}"
    said = say(key)
    return name if said == key else said.lower()
