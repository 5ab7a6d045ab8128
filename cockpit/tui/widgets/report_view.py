"""The report's sections as tables with bars, in the terminal."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from cockpit.reports.charts import bar
from cockpit.reports.model import Report, Section

BAR_WIDTH = 16


class ReportView(VerticalScroll):
    """Sections one under the other; the user scrolls (never one row per widget)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="report-body")

    report: Report | None = None

    def show(self, report: Report) -> None:
        self.report = report
        parts: list[object] = [Text(report.scope, style="dim")]
        for section in report.sections:
            parts.append(Text(f"\n{section.title}", style="bold"))
            if section.note:
                parts.append(Text(section.note, style="cyan" if section.key == "hours" else ""))
            if section.rows:
                parts.append(_table(section))
        self.query_one("#report-body", Static).update(Group(*parts))  # type: ignore[arg-type]


def _table(section: Section) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    numeric = [bool(section.rows) and all(isinstance(r[i], int | float) for r in section.rows)
               for i in range(len(section.headers))]
    for header, is_number in zip(section.headers, numeric, strict=True):
        table.add_column(header, justify="right" if is_number else "left",
                         overflow="fold")
    if section.chart is not None:
        table.add_column("", style="blue", no_wrap=True)
    top = max((float(r[section.chart]) for r in section.rows), default=0.0) \
        if section.chart is not None else 0.0
    for row in section.rows:
        cells = [str(c) for c in row]
        if section.chart is not None:
            cells.append(bar(float(row[section.chart]), top, BAR_WIDTH))
        table.add_row(*cells)
    return table
