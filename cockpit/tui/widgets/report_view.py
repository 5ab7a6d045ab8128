"""The report's sections as tables with bars, in the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from cockpit.reports.charts import bar
from cockpit.reports.model import Report, Section
from cockpit.tui.text import data_text

BAR_WIDTH = 16


class ReportView(VerticalScroll):
    """Sections one under the other; the user scrolls (never one row per widget)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="report-body")

    report: Report | None = None

    def show(self, report: Report) -> None:
        self.report = report
        parts: list[RenderableType] = [data_text(report.scope, "dim")]
        for section in report.sections:
            parts.append(data_text(f"\n{section.title}", "bold", multiline=True))
            if section.note:
                parts.append(data_text(section.note, "cyan" if section.key == "hours" else "",
                                       multiline=True))
            if section.rows:
                parts.append(_table(section))
        self.query_one("#report-body", Static).update(Group(*parts))


def _table(section: Section) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    numeric = [bool(section.rows) and all(isinstance(r[i], int | float) for r in section.rows)
               for i in range(len(section.headers))]
    for header, is_number in zip(section.headers, numeric, strict=True):
        table.add_column(data_text(header), justify="right" if is_number else "left",
                         overflow="fold")
    if section.chart is not None:
        table.add_column("", style="blue", no_wrap=True)
    top = max((float(r[section.chart]) for r in section.rows), default=0.0) \
        if section.chart is not None else 0.0
    for row in section.rows:
        cells: list[Text | str] = [data_text(c) for c in row]  # never read as markup
        if section.chart is not None:
            cells.append(bar(float(row[section.chart]), top, BAR_WIDTH))
        table.add_row(*cells)
    return table
