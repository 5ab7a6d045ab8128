"""The figures as sections of a report — tables with a column to chart — shared by the
Markdown, CSV and HTML outputs and by the review screen."""

from __future__ import annotations

# Annotations evaluated, not kept as text (no __future__ import): typing compiles a
# named tuple's text annotations field by field at import (services/views.py).
from collections.abc import Callable, Mapping

from cockpit.domain.figures import CallerFigures, Figures
from cockpit.domain.named import NamedTuple
from cockpit.domain.outcomes import Outcome
from cockpit.domain.placement import Pipeline, PipelineFigures, said_percent
from cockpit.reports.charts import duration, sparkline

Cell = str | int | float


# Named tuples, not dataclasses: `cockpit report` then loads no dataclasses (~8 ms).
class Section(NamedTuple):
    key: str  # stable name: team, outcomes, objections, funnel_<script>, hours, days
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: int | None = None  # the column drawn as bars
    note: str = ""


class Labels(NamedTuple):
    """Words of the report in the user's language, and the names of the content's ids."""

    text: Callable[..., str]  # a Translator: key → text
    # Never changed in place: the defaults are shared.
    outcomes: Mapping[str, str] = {}
    objections: Mapping[str, str] = {}
    steps: Mapping[tuple[str, str], str] = {}
    scripts: Mapping[str, str] = {}


class Report(NamedTuple):
    title: str
    period: str
    scope: str
    sections: tuple[Section, ...]


class ReportFacts(NamedTuple):
    """A report before its words: what the services return, `worded` in the user's
    language by the screen or the command line."""

    figures: Figures
    period: str
    caller: str | None  # whose figures: a caller's name; None: the whole team's
    objections: Mapping[str, str]  # the content's names of its ids
    steps: Mapping[tuple[str, str], str]
    scripts: Mapping[str, str]
    pipeline: Pipeline | None = None  # CVs sent, interviews, placements and their margin


def worded(facts: ReportFacts, text: Callable[..., str]) -> Report:
    """The report in the language of `text` (a Translator)."""
    scope = (text("report.scope_team", count=len(facts.figures.callers)) if facts.caller is None
             else text("report.scope_caller", name=facts.caller))
    labels = Labels(text=text, outcomes={str(o): text(f"outcome.{o}") for o in Outcome},
                    objections=facts.objections, steps=facts.steps, scripts=facts.scripts)
    return build(facts.figures, labels, facts.period, scope, facts.pipeline)


def build(figures: Figures, labels: Labels, period: str, scope: str,
          pipeline: Pipeline | None = None) -> Report:
    t = labels.text
    sections = [_team(figures, t)]
    if pipeline is not None:
        sections.append(_placements(pipeline, tuple(figures.callers), t))
    sections += [_outcomes(figures, labels), _objections(figures, labels)]
    sections += _funnels(figures, labels)
    sections.append(_hours(figures, t))
    if len(figures.per_day) > 1:
        sections.append(Section("days", t("report.days"), (t("report.day"), t("report.calls")),
                                tuple((d, n) for d, n in figures.per_day), chart=1))
    return Report(t("report.title", period=period), period, scope, tuple(sections))


def _row(name: str, f: CallerFigures) -> tuple[Cell, ...]:
    return (name, f.calls, duration(f.talk_seconds), f.reached, f"{f.reach_rate:.0%}", f.needs)


def _team(figures: Figures, t: Callable[..., str]) -> Section:
    rows = [_row(name, f) for name, f in figures.callers.items()]
    if len(figures.callers) != 1:
        rows.append(_row(t("report.team"), figures.team))
    headers = (t("report.caller"), t("report.calls"), t("report.talk_time"),
               t("report.reached"), t("report.reach_rate"), t("report.needs"))
    return Section("team", t("report.by_caller"), headers, tuple(rows), chart=1)


def _placements(pipeline: Pipeline, calling: tuple[str, ...], t: Callable[..., str],
                ) -> Section:
    """CVs sent, interviews, placements and the margin of the missions placed, by caller:
    the callers of the period's calls too (at zero), so both tables list the same people."""
    lang = getattr(t, "lang", "fr")  # a Translator knows its language

    def row(name: str, f: PipelineFigures) -> tuple[Cell, ...]:
        rate = f.margin_rate
        return (name, f.cvs_sent, f.interviews, f.placements, int(f.margin),
                said_percent(rate, lang) if rate is not None else "–")

    names = sorted({*calling, *pipeline.callers})
    rows = [row(name, pipeline.callers.get(name, PipelineFigures())) for name in names]
    if len(names) != 1:
        rows.append(row(t("report.team"), pipeline.team))
    headers = (t("report.caller"), t("report.cvs_sent"), t("report.interviews"),
               t("report.placements"), t("report.margin"), t("report.margin_rate"))
    return Section("placements", t("report.placements_title"), headers, tuple(rows), chart=4)


def _outcomes(figures: Figures, labels: Labels) -> Section:
    t = labels.text
    names = list(figures.callers)
    rows: list[tuple[Cell, ...]] = []
    for outcome, total in figures.team.outcomes.most_common():
        per = [figures.callers[n].outcomes.get(outcome, 0) for n in names]
        rows.append((labels.outcomes.get(outcome, outcome), total,
                     *([] if len(names) == 1 else per)))
    headers = (t("report.outcome"), t("report.calls"), *([] if len(names) == 1 else names))
    return Section("outcomes", t("report.outcomes"), headers, tuple(rows), chart=1)


def _objections(figures: Figures, labels: Labels) -> Section:
    t = labels.text
    rows = []
    for objection, endings in sorted(figures.objections.items(),
                                     key=lambda kv: (-sum(kv[1].values()), kv[0])):
        how = ", ".join(f"{_outcome(o, labels)} {n}" for o, n in endings.most_common())
        rows.append((labels.objections.get(objection, objection), sum(endings.values()), how))
    headers = (t("report.objection"), t("report.calls"), t("report.ended"))
    return Section("objections", t("report.objections"), headers, tuple(rows), chart=1,
                   note="" if rows else t("report.none"))


def _outcome(outcome: str, labels: Labels) -> str:
    if outcome == "in_progress":
        return labels.text("report.in_progress")
    return labels.outcomes.get(outcome, outcome)


def _funnels(figures: Figures, labels: Labels) -> list[Section]:
    t = labels.text
    by_script: dict[str, list[tuple[Cell, ...]]] = {}
    for step in figures.funnel:
        by_script.setdefault(step.script, []).append(
            (labels.steps.get((step.script, step.step), step.step), step.reached, step.stopped))
    headers = (t("report.step"), t("report.reached_step"), t("report.stopped_here"))
    return [Section(f"funnel_{script}",
                    t("report.funnel", script=labels.scripts.get(script, script)), headers,
                    tuple(rows), chart=1)
            for script, rows in by_script.items()]


def _hours(figures: Figures, t: Callable[..., str]) -> Section:
    hours = figures.per_hour
    busy = [h for h, n in enumerate(hours) if n] or [9]
    first, last = min(min(busy), 8), max(max(busy), 19)
    rows = tuple((f"{h:02d}:00", hours[h]) for h in range(first, last + 1))
    return Section("hours", t("report.per_hour"), (t("report.hour"), t("report.calls")), rows,
                   chart=1, note=sparkline(hours[first:last + 1]))
